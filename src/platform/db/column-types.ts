import type { ColumnType } from "kysely";

/** Column types shared by the schema's tables. */

/** A calendar date as "YYYY-MM-DD". */
export type DateString = string;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in by default. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
