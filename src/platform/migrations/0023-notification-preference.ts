import { type Kysely, sql } from "kysely";

/**
 * How a person takes the notifications (issue 21, §6): one card at a time
 * (the default, so no row) or a daily digest (src/notifications/cards.ts).
 * It is the person's choice, not the organisation's: one nurse may want
 * every card, her colleague the morning's summary.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_preference (
      user_id uuid primary key references app_user(id),
      delivery text not null check (delivery in ('single', 'daily-digest')),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}
