/** Postgres type oids whose default parsing differs between pg and PGlite; both engines are told the same. */
export const TYPE_OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
} as const;

/** A calendar date stays a "YYYY-MM-DD" string; turning it into a JS Date would shift it by the time zone. */
export const sharedParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OID.INT8]: (value) => Number(value),
  [TYPE_OID.NUMERIC]: (value) => Number(value),
  [TYPE_OID.DATE]: (value) => value,
};
