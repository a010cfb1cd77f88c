import { type Kysely, sql } from "kysely";

/**
 * Closed-loop handovers at discharge: one per receiving sector and stay, a
 * version for optimistic concurrency, the next escalation's time (for the
 * sweeper), an append-only transition history the indicators read, and the
 * clusters' own rules per receiving sector.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table handover (
      id uuid primary key default gen_random_uuid(),
      stay_id uuid not null references hospital_stay(id),
      citizen_id uuid not null references citizen(id),
      sector text not null check (sector in ('municipality', 'general-practice')),
      receiver_organisation_id uuid not null references organisation(id),
      receiver_municipality_code text references municipality(code),
      receiver_practice_id uuid references general_practice(id),
      discharging_organisation_id uuid references organisation(id),
      cluster_id text references cluster(id),
      discharged_at timestamptz not null,
      deadline_at timestamptz not null,
      note text,
      status text not null default 'open'
        check (status in ('open', 'confirmed', 'declined', 'closed')),
      status_reason text,
      escalation_step integer not null default 0,
      next_escalation_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (stay_id, sector),
      check ((sector = 'municipality') = (receiver_municipality_code is not null)),
      check ((sector = 'general-practice') = (receiver_practice_id is not null))
    );
    create index handover_open_municipality on handover (receiver_municipality_code, status);
    create index handover_open_practice on handover (receiver_practice_id, status);
    create index handover_citizen on handover (citizen_id);
    create index handover_due on handover (next_escalation_at) where next_escalation_at is not null;

    create table handover_transition (
      id bigint generated always as identity primary key,
      handover_id uuid not null references handover(id),
      kind text not null check (kind in (
        'created', 'confirmed', 'declined', 'closed', 'deadline-moved', 'escalated'
      )),
      from_status text,
      to_status text not null,
      at timestamptz not null default now(),
      actor_user_id uuid references app_user(id),
      actor_organisation_id uuid references organisation(id),
      reason text
    );
    create index handover_transition_handover on handover_transition (handover_id, id);

    -- One row per ladder step reached: the in-app notification to its target, and (by the
    -- unique key) a second guard that no step is ever escalated twice.
    create table handover_escalation (
      id bigint generated always as identity primary key,
      handover_id uuid not null references handover(id),
      step integer not null check (step >= 0),
      target text not null check (target in ('receiver', 'cluster-coordinator', 'discharging-department')),
      target_organisation_id uuid references organisation(id),
      due_at timestamptz not null,
      escalated_at timestamptz not null default now(),
      unique (handover_id, step)
    );
    create index handover_escalation_target on handover_escalation (target_organisation_id, escalated_at desc);

    create table handover_rule (
      cluster_id text not null references cluster(id),
      sector text not null check (sector in ('municipality', 'general-practice')),
      rule jsonb not null,
      updated_by uuid references app_user(id),
      updated_at timestamptz not null default now(),
      primary key (cluster_id, sector)
    );
  `.execute(db);
}
