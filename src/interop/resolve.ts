import type { RegisteredUnit } from "../structure/units-store.ts";
import type { MessageIssue } from "./medcom/bundle-reader.ts";
import type { HospitalNotification } from "./medcom/hospital-notification.ts";

/**
 * Who a HospitalNotification is from and for, by the organisation register:
 * the sender's SOR code names a hospital (department), the receiver's names
 * the citizen's home municipality. A code the register does not know makes
 * the message a dead letter until an administrator adds the unit.
 */

export type ResolvedParties = {
  sender: RegisteredUnit & { hospitalId: string };
  department: RegisteredUnit | null;
  homeMunicipalityCode: string;
};

export type Resolution =
  | { ok: true; parties: ResolvedParties }
  | { ok: false; issues: MessageIssue[] };

const unknown = (expression: string, sor: string, what: string): MessageIssue => ({
  severity: "warning",
  code: "not-found",
  expression,
  rule: `SOR ${sor} is not ${what} in Tovholder's organisation register; the message is kept and applied once the unit is registered`,
});

/** The SOR codes a message names, to look up a whole batch's units in one query. */
export const sorCodesOf = (n: HospitalNotification) => [
  n.sender.sor,
  n.receiver.sor,
  ...(n.serviceProvider ? [n.serviceProvider.sor] : []),
];

export function resolveParties(
  units: Map<string, RegisteredUnit>,
  n: HospitalNotification,
): Resolution {
  const sender = units.get(n.sender.sor);
  const receiver = units.get(n.receiver.sor);
  const department = n.serviceProvider ? units.get(n.serviceProvider.sor) : undefined;
  const issues: MessageIssue[] = [];
  if (!sender?.hospitalId) {
    issues.push(unknown("MessageHeader.sender", n.sender.sor, "a registered hospital unit"));
  }
  if (!receiver?.municipalityCode || receiver.kind === "general_practice") {
    issues.push(
      unknown(
        "MessageHeader.destination[0].receiver",
        n.receiver.sor,
        "a registered municipal unit",
      ),
    );
  }
  if (issues.length > 0 || !sender?.hospitalId || !receiver?.municipalityCode)
    return { ok: false, issues };
  const unit = n.serviceProvider
    ? department?.hospitalId === sender.hospitalId
      ? department
      : null
    : sender;
  return {
    ok: true,
    parties: {
      sender: { ...sender, hospitalId: sender.hospitalId },
      department: unit ?? sender,
      homeMunicipalityCode: receiver.municipalityCode,
    },
  };
}
