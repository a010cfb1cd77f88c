import { createAdminService, operator, type TokenScope } from "../../src/access/admin-service.ts";
import type { HospitalNotification } from "../../src/interop/medcom/hospital-notification.ts";
import { writeHospitalNotification } from "../../src/interop/medcom/write-hospital-notification.ts";
import type { Database } from "../../src/platform/db/database.ts";
import type { App } from "../../src/platform/http/app.ts";

/**
 * An integration token held by a hospital's organisation (Slagelse Sygehus unless named),
 * with the given scopes. A message's sender must be a unit under the token's organisation:
 * the fixtures and the demo units send from Slagelse Sygehus's medical department.
 */
export async function integrationToken(
  db: Database,
  scopes: TokenScope[] = ["messages:write"],
  hospitalId = "slagelse-sygehus",
) {
  const hospital = await db
    .selectFrom("organisation")
    .select("id")
    .where("kind", "=", "hospital")
    .where("hospitalId", "=", hospitalId)
    .executeTakeFirstOrThrow();
  const created = await createAdminService(db).createToken(
    {
      name: `test-${scopes.join("-") || "none"}-${Math.random()}`,
      organisationId: hospital.id,
      scopes,
      expiresAt: null,
    },
    operator("test"),
  );
  return created.token;
}

export type Ack = {
  id: string;
  entry: { resource: Record<string, unknown> & { resourceType: string } }[];
};

export function ackResponse(ack: Ack) {
  const header = ack.entry[0]?.resource as unknown as {
    response: { identifier: string; code: string };
    destination: { endpoint: string }[];
  };
  const outcome = ack.entry.find((e) => e.resource.resourceType === "OperationOutcome")?.resource as
    | { issue: { severity: string; expression: string[]; details: { text: string } }[] }
    | undefined;
  return {
    ...header.response,
    endpoint: header.destination[0]?.endpoint,
    issues: outcome?.issue ?? [],
  };
}

/** Posts a HospitalNotification to $process-message as a hospital system would. */
export async function postMessage(app: App, token: string, message: HospitalNotification | string) {
  const payload =
    typeof message === "string" ? message : JSON.stringify(writeHospitalNotification(message));
  const response = await app.inject({
    method: "POST",
    url: "/fhir/$process-message",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" },
    payload,
  });
  return { response, ack: response.json() as Ack };
}

/** A demo unit (src/synth/demo-units.ts) as a message's sender or receiver. */
export const participantOf = (u: { sorCode: string; gln: string; name: string }) => ({
  sor: u.sorCode,
  gln: u.gln,
  name: u.name,
});

/** The organisation id of a demo unit, by its SOR code. */
export async function organisationIdOf(db: Database, u: { sorCode: string }) {
  const row = await db
    .selectFrom("organisation")
    .select("id")
    .where("sorCode", "=", u.sorCode)
    .executeTakeFirstOrThrow();
  return row.id;
}
