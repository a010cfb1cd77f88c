import { type Kysely, sql } from "kysely";

/**
 * A webhook attempt no longer keeps why there was no HTTP answer: the texts
 * (ECONNREFUSED, getaddrinfo, time-outs, certificate details) told an
 * administrator what lay behind a URL, enough to map the network inside. The
 * log keeps the status code, or none; the detail goes to the server's log.
 * The texts already stored are dropped with the column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table webhook_attempt drop column error`.execute(db);
}
