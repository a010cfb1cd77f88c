import { createHash } from "node:crypto";

/**
 * A statement the database refused, as it may be logged: the SQLSTATE, the
 * statement's name, and the catalogue objects the server named. Never the
 * parameters, and never the server's DETAIL or WHERE, which quote the row
 * ("Failing row contains (…)", "Key (…)=(…) already exists"): a handover note
 * or a CPR number would otherwise reach the log. PGlite hangs the statement's
 * text and parameters on its errors (`query`, `params`); the driver's error
 * is therefore never passed on, not even as `cause`.
 */
export class StatementError extends Error {
  /** The SQLSTATE, e.g. 23514 (check_violation). */
  readonly code: string;
  /** The statement's name: its verb and first table, and a hash of its text, e.g. `update handover #1f2e3d4c`. */
  readonly statement: string;
  readonly severity: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(source: SqlErrorShape, sql: string) {
    const statement = statementName(sql);
    super(`${scrubMessage(source.message)} [${source.code}; ${statement}]`);
    this.name = "StatementError";
    this.code = source.code;
    this.statement = statement;
    this.severity = source.severity;
    this.constraint = source.constraint;
    this.table = source.table;
    this.column = source.column;
  }
}

type SqlErrorShape = {
  message: string;
  code: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

/** An error the server sent for a statement (it has a five-character SQLSTATE). */
export function isSqlError(err: unknown): err is Error & SqlErrorShape {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

const VERB = /^\s*(\w+)/;
const TABLE = [
  /^\s*insert\s+into\s+"?([\w.]+)"?/i,
  /^\s*update\s+"?([\w.]+)"?/i,
  /^\s*delete\s+from\s+"?([\w.]+)"?/i,
  /\bfrom\s+"?([\w.]+)"?/i,
];

/** The statement's verb and first table, and a hash of its text (which holds no values). */
export function statementName(sql: string): string {
  const verb = (VERB.exec(sql)?.[1] ?? "statement").toLowerCase();
  const table = TABLE.map((p) => p.exec(sql)?.[1]).find((t) => t !== undefined);
  const hash = createHash("sha256").update(sql).digest("hex").slice(0, 8);
  return `${verb}${table ? ` ${table}` : ""} #${hash}`;
}

/** Words after which a quoted name is a catalogue object's name, not a value. */
const NAMED = new Set([
  "constraint",
  "relation",
  "table",
  "column",
  "type",
  "function",
  "index",
  "schema",
  "database",
  "role",
  "sequence",
  "trigger",
  "view",
  "savepoint",
  "statement",
  "operator",
  "extension",
]);

/**
 * The server's message without the values it quotes: `invalid input syntax
 * for type uuid: "…"`, `value "…" is out of range`. Quoted names of tables,
 * columns and constraints stay, since they say where the fault is.
 */
export function scrubMessage(message: string): string {
  return message.replace(/(\b[\w]+\s+)?"[^"]*"/g, (quoted, word?: string) =>
    word && NAMED.has(word.trim().toLowerCase()) ? quoted : `${word ?? ""}"…"`,
  );
}
