import { type Kysely, sql } from "kysely";

/**
 * Notifications out: one in-app notification per handover event and
 * addressee, read markers per person (not per organisation: one nurse reading
 * it does not tell her colleague), and webhooks an organisation's
 * administrators configure, with an outbox of deliveries written in the
 * handover's own transaction and every attempt kept for the administrators.
 *
 * Numbered 0006, before 0007-0009, by the lead's choice: the databases that
 * matter have stopped at 0005.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation(id),
      kind text not null check (kind in (
        'handover.created', 'handover.confirmed', 'handover.declined',
        'handover.escalated', 'handover.closed'
      )),
      handover_id uuid references handover(id),
      payload jsonb not null,
      created_at timestamptz not null default now()
    );
    create index notification_organisation on notification (organisation_id, created_at desc);

    create table notification_read (
      notification_id uuid not null references notification(id),
      user_id uuid not null references app_user(id),
      read_at timestamptz not null default now(),
      primary key (notification_id, user_id)
    );

    create table webhook (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation(id),
      url text not null check (length(url) <= 2000),
      description text check (description is null or length(description) <= 200),
      events text[] not null
        default array['handover.created', 'handover.escalated', 'handover.declined']
        check (cardinality(events) > 0),
      -- Sealed with the personal-data key: a database dump alone cannot sign as Tovholder.
      secret_sealed text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      created_by uuid references app_user(id),
      updated_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create index webhook_organisation on webhook (organisation_id) where disabled_at is null;

    create table webhook_delivery (
      id uuid primary key default gen_random_uuid(),
      webhook_id uuid not null references webhook(id),
      notification_id uuid references notification(id),
      kind text not null,
      -- The exact bytes sent, so every retry carries the same body and a signature can be re-checked.
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      lease_until timestamptz,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      check ((status = 'pending') = (next_attempt_at is not null))
    );
    create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
    create index webhook_delivery_webhook on webhook_delivery (webhook_id, created_at desc);

    create table webhook_attempt (
      id bigint generated always as identity primary key,
      delivery_id uuid not null references webhook_delivery(id),
      attempted_at timestamptz not null,
      duration_ms integer not null,
      status_code integer,
      error text check (error is null or length(error) <= 300),
      outcome text not null check (outcome in ('delivered', 'retry', 'failed'))
    );
    create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
  `.execute(db);
}
