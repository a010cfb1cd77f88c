import { type Kysely, sql } from "kysely";

/**
 * Message brokers (a regional integration platform, the national message
 * distribution) forward hospitals' messages. A broker gets a token kind of its
 * own: it is held by no organisation, may only post messages, and only for the
 * senders the operator lists for it (`broker_sender`). An organisation's token
 * stays what it was: held by an organisation, whose own units it sends for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table api_token
      add column kind text not null default 'organisation' check (kind in ('organisation', 'broker'));
    alter table api_token alter column organisation_id drop not null;
    alter table api_token add constraint api_token_holder
      check ((kind = 'organisation') = (organisation_id is not null));
    alter table api_token add constraint api_token_broker_scopes
      check (kind = 'organisation' or scopes = array['messages:write']::text[]);

    create table broker_sender (
      token_id uuid not null references api_token(id),
      sor_code text not null check (sor_code ~ '^[0-9]{11,}$'),
      added_at timestamptz not null default now(),
      primary key (token_id, sor_code)
    );
  `.execute(db);
}
