import { type Kysely, sql } from "kysely";

/**
 * What carrying work across a change of structure needs (issue 19, point 2):
 *
 * - a handover rule may be carried over as "the default": its row then holds
 *   no rule of its own (null), only where it came from and whether the body's
 *   coordinators must still confirm it, and it follows Tovholder's default;
 * - who confirmed a carried-over rule, and when;
 * - an in-app notification that tells a body's coordinators to confirm the
 *   rules it was given (about no handover);
 * - a change's carry-over is made once: each rule and each membership at most
 *   one row in `body_carry_over` per change date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table handover_rule alter column rule drop not null;
    alter table handover_rule add column confirmed_by uuid references app_user(id);
    alter table handover_rule add column confirmed_at timestamptz;

    alter table notification drop constraint notification_kind_check;
    alter table notification add constraint notification_kind_check check (kind in (
      'handover.created', 'handover.confirmed', 'handover.declined',
      'handover.escalated', 'handover.closed', 'body.rules-to-confirm'
    ));

    create unique index body_carry_over_rule on body_carry_over
      (valid_from, to_body_id, (detail->>'sector')) where kind = 'rule';
    create unique index body_carry_over_membership on body_carry_over
      (valid_from, (detail->>'membershipId')) where kind = 'membership';
  `.execute(db);
}
