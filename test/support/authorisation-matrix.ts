import type { RegisteredRoute, RouteAccess } from "../../src/platform/http/route-access.ts";

/**
 * The authorisation matrix, written out from each route's declaration without
 * the guard's own code: who must be turned away (401 anonymous, 403 wrong kind,
 * role or scope) and who must get past the guard to the handler.
 */

export type MatrixCaller =
  | { label: string; kind: "anonymous" }
  | { label: string; kind: "citizen" | "relative"; username: string }
  | { label: string; kind: "staff"; role: string; username: string }
  | { label: string; kind: "token" | "broker"; scopes: readonly string[]; token: string };

/** "guard" means past the guard: the handler may still answer 400, 404 or 403 no-relation. */
export type Outcome = "401" | "403" | "guard" | "5xx";

export function expectedOutcome(access: RouteAccess, caller: MatrixCaller): Outcome {
  if (access.public === true) return "guard";
  if (caller.kind === "anonymous") return "401";
  const kindAllowed = access.actors.some((kind) => kind === caller.kind);
  if (!kindAllowed) return "403";
  switch (caller.kind) {
    case "staff":
      return access.roles === undefined || access.roles.some((r) => r === caller.role)
        ? "guard"
        : "403";
    case "token":
    case "broker": {
      const needed = access.scopes ?? [];
      const held = new Set(caller.scopes);
      return needed.every((s) => held.has(s)) ? "guard" : "403";
    }
    default:
      return "guard";
  }
}

/** What a response says about the guard's decision. */
export function observedOutcome(status: number, code: string | undefined): Outcome {
  if (status >= 500) return "5xx";
  if (status === 401) return "401";
  // A refusal by the relation rules comes from the handler, after the guard let the caller in.
  if (status === 403 && code !== "TOV_ERR_NO_RELATION") return "403";
  return "guard";
}

const FAKE_UUID = "3f1c2b9a-7d4e-4c5f-9a8b-1e2d3c4b5a69";
const FAKE_PARAMS: Record<string, string> = {
  code: "999",
  username: "nobody.here",
  regionCode: "1099",
  municipalityCode: "999",
};

/** Fills path parameters with values that are well-formed but name nothing. */
export function fillPath(url: string): string {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => FAKE_PARAMS[name] ?? FAKE_UUID)
    .replace(/\*$/, "nothing-here");
}

export type MatrixCell = {
  route: RegisteredRoute;
  caller: MatrixCaller;
  expected: Outcome;
  observed: Outcome;
  status: number;
};

/** A compact table: one row per route, one column per caller; wrong cells marked with "!". */
export function formatMatrix(cells: MatrixCell[], callers: MatrixCaller[]): string {
  const rows = new Map<string, MatrixCell[]>();
  // Public routes (API docs, web assets) are listed only when something is wrong with them.
  const shown = cells.filter(
    (c) =>
      !c.route.access?.public ||
      cells.some((o) => o.route === c.route && o.expected !== o.observed),
  );
  for (const cell of shown) {
    const key = `${cell.route.method} ${cell.route.url}`;
    rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  const width = Math.max(...[...rows.keys()].map((k) => k.length));
  const header = `${"".padEnd(width)} ${callers.map((c) => c.label.slice(0, 9).padStart(9)).join(" ")}`;
  const lines = [...rows.entries()].map(([key, row]) => {
    const columns = callers.map((caller) => {
      const cell = row.find((c) => c.caller === caller);
      if (!cell) return "-".padStart(9);
      const mark = cell.expected === cell.observed ? " " : "!";
      return `${mark}${cell.status}/${cell.expected}`.padStart(9);
    });
    return `${key.padEnd(width)} ${columns.join(" ")}`;
  });
  return [
    "status/expected per caller (guard = let past the guard); ! = not what the declaration says",
    header,
    ...lines,
  ].join("\n");
}

/*
 * Who may grant what: the administration rules as a table. Each row is one
 * request by one administrator, and what must come of it: the change (201 or
 * 200), or a 403 naming the rule (`admin.refused.<problem>`).
 */

/** The administrators of the administration matrix, by the organisation they act for. */
export const MATRIX_ADMINISTRATORS = [
  "region",
  "slagelse",
  "slagelse2",
  "ward",
  "naestved",
] as const;
export type MatrixAdministrator = (typeof MATRIX_ADMINISTRATORS)[number];

/** The organisations the rows name. */
export type MatrixOrganisation =
  | "region"
  | "secretariat"
  | "slagelse"
  | "ward"
  | "aarhusDepartment"
  | "slagelseKommune"
  | "naestvedKommune"
  | "homeNursing";

export type AdministrationCase = {
  label: string;
  as: MatrixAdministrator;
  request:
    | {
        kind: "grant" | "revoke";
        /** "self" is the acting administrator; an administrator's name is that administrator. */
        to: "self" | "staff" | MatrixAdministrator;
        organisation: MatrixOrganisation;
        role: string;
      }
    | { kind: "token"; organisation: MatrixOrganisation; scopes: string[] };
  expected: "done" | { refused: string };
};

const allScopes = ["messages:write", "fhir:read", "tasks:write"];

export const ADMINISTRATION_CASES: AdministrationCase[] = [
  // The defects of issue 18, as an administrator of Region Sjælland.
  {
    label: "a region's administrator makes themself clinician in a Slagelse ward",
    as: "region",
    request: { kind: "grant", to: "self", organisation: "ward", role: "clinician" },
    expected: { refused: "operatorOnly" },
  },
  {
    label: "a region's administrator makes themself administrator of an Aarhus department",
    as: "region",
    request: { kind: "grant", to: "self", organisation: "aarhusDepartment", role: "administrator" },
    expected: { refused: "operatorOnly" },
  },
  {
    label: "a region's administrator mints a token for an Aarhus department",
    as: "region",
    request: { kind: "token", organisation: "aarhusDepartment", scopes: allScopes },
    expected: { refused: "operatorOnly" },
  },
  {
    label: "a region's administrator makes another user administrator of Slagelse Kommune",
    as: "region",
    request: { kind: "grant", to: "staff", organisation: "slagelseKommune", role: "administrator" },
    expected: { refused: "operatorOnly" },
  },
  {
    label: "a region's administrator grants a role in the region",
    as: "region",
    request: { kind: "grant", to: "staff", organisation: "region", role: "committee_member" },
    expected: { refused: "operatorOnly" },
  },
  // A hospital's administrator, at the edges of their tree.
  {
    label: "a hospital's administrator makes themself clinician in their own ward",
    as: "slagelse",
    request: { kind: "grant", to: "self", organisation: "ward", role: "clinician" },
    expected: { refused: "selfGrant" },
  },
  {
    label: "a hospital's administrator makes themself coordinator of the hospital",
    as: "slagelse",
    request: { kind: "grant", to: "self", organisation: "slagelse", role: "coordinator" },
    expected: { refused: "selfGrant" },
  },
  {
    label: "a hospital's administrator makes themself administrator of a ward under it",
    as: "slagelse",
    request: { kind: "grant", to: "self", organisation: "ward", role: "administrator" },
    expected: { refused: "selfGrant" },
  },
  {
    label: "a hospital's administrator grants a role in another hospital's department",
    as: "slagelse",
    request: {
      kind: "grant",
      to: "staff",
      organisation: "aarhusDepartment",
      role: "administrator",
    },
    expected: { refused: "outsideTree" },
  },
  {
    label: "a hospital's administrator mints a token for another hospital's department",
    as: "slagelse",
    request: { kind: "token", organisation: "aarhusDepartment", scopes: allScopes },
    expected: { refused: "outsideTree" },
  },
  {
    label: "a hospital's administrator grants a role in a municipality",
    as: "slagelse",
    request: { kind: "grant", to: "staff", organisation: "slagelseKommune", role: "administrator" },
    expected: { refused: "outsideTree" },
  },
  {
    label: "a hospital's administrator grants body lead in a ward",
    as: "slagelse",
    request: { kind: "grant", to: "staff", organisation: "ward", role: "body_lead" },
    expected: { refused: "roleNotGrantable" },
  },
  {
    label: "a hospital's administrator grants a role in the body secretariat",
    as: "slagelse",
    request: { kind: "grant", to: "staff", organisation: "secretariat", role: "clinician" },
    expected: { refused: "operatorOnly" },
  },
  {
    label: "a ward's administrator grants a role in the hospital above it",
    as: "ward",
    request: { kind: "grant", to: "staff", organisation: "slagelse", role: "clinician" },
    expected: { refused: "outsideTree" },
  },
  {
    label: "a municipality's administrator grants a role in a hospital ward",
    as: "naestved",
    request: { kind: "grant", to: "staff", organisation: "ward", role: "coordinator" },
    expected: { refused: "outsideTree" },
  },
  // What they may do.
  {
    label: "a hospital's administrator makes another user clinician in a ward",
    as: "slagelse",
    request: { kind: "grant", to: "staff", organisation: "ward", role: "clinician" },
    expected: "done",
  },
  {
    label: "a hospital's administrator mints a token for a ward",
    as: "slagelse",
    request: { kind: "token", organisation: "ward", scopes: ["fhir:read"] },
    expected: "done",
  },
  {
    label: "a municipality's administrator makes another user coordinator in its home nursing",
    as: "naestved",
    request: { kind: "grant", to: "staff", organisation: "homeNursing", role: "coordinator" },
    expected: "done",
  },
  {
    label: "a municipality's administrator revokes a role in a hospital ward",
    as: "naestved",
    request: { kind: "revoke", to: "staff", organisation: "ward", role: "clinician" },
    expected: { refused: "outsideTree" },
  },
  {
    label: "a hospital's administrator revokes a role in a ward",
    as: "slagelse",
    request: { kind: "revoke", to: "staff", organisation: "ward", role: "clinician" },
    expected: "done",
  },
  // Last: from here on the first administrator holds two roles, and must choose one to act in.
  {
    label: "a second administrator of the hospital makes the first clinician in a ward",
    as: "slagelse2",
    request: { kind: "grant", to: "slagelse", organisation: "ward", role: "clinician" },
    expected: "done",
  },
];
