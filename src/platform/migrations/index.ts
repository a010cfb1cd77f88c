import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-structure.ts";
import * as m0002 from "./0002-access.ts";
import * as m0003 from "./0003-pathways.ts";
import * as m0004 from "./0004-synthetic-facts.ts";
import * as m0005 from "./0005-handovers.ts";
import * as m0006 from "./0006-notifications.ts";
import * as m0007 from "./0007-organisation-contact.ts";
import * as m0008 from "./0008-handover-worklist-indexes.ts";
import * as m0009 from "./0009-discharge-and-live-worklists.ts";
import * as m0010 from "./0010-handover-discharging-hospital.ts";
import * as m0011 from "./0011-stay-receivers.ts";
import * as m0012 from "./0012-handover-reroute.ts";
import * as m0013 from "./0013-administration-audit.ts";
import * as m0014 from "./0014-broker-tokens.ts";
import * as m0015 from "./0015-webhook-attempt-without-error.ts";
import * as m0016 from "./0016-bodies.ts";
import * as m0017 from "./0017-transition-carry-over.ts";
import * as m0018 from "./0018-indicators.ts";
import * as m0020 from "./0020-handover-undo.ts";
import * as m0021 from "./0021-handover-unresolved.ts";
import * as m0022 from "./0022-medical-follow-up.ts";
import * as m0023 from "./0023-notification-preference.ts";
import * as m0024 from "./0024-governance-agreements.ts";
import * as m0025 from "./0025-governance-initiatives.ts";
import * as m0026 from "./0026-gp-capacity.ts";
import * as m0027 from "./0027-follow-up-municipality.ts";
import * as m0028 from "./0028-unresolved-notification.ts";
import * as m0029 from "./0029-governance-meetings.ts";
import * as m0030 from "./0030-notification-order.ts";
import * as m0031 from "./0031-follow-up-notification.ts";

/**
 * Migrations are listed here rather than read from disk so that the same list
 * runs from source, from tests and from a bundled build. Forward-only: never edit
 * a migration that has landed; add a new one.
 */
const migrations: Record<string, Migration> = {
  "0001-structure": m0001,
  "0002-access": m0002,
  "0003-pathways": m0003,
  "0004-synthetic-facts": m0004,
  "0005-handovers": m0005,
  "0006-notifications": m0006,
  "0007-organisation-contact": m0007,
  "0008-handover-worklist-indexes": m0008,
  "0009-discharge-and-live-worklists": m0009,
  "0010-handover-discharging-hospital": m0010,
  "0011-stay-receivers": m0011,
  "0012-handover-reroute": m0012,
  "0013-administration-audit": m0013,
  "0014-broker-tokens": m0014,
  "0015-webhook-attempt-without-error": m0015,
  "0016-bodies": m0016,
  "0017-transition-carry-over": m0017,
  "0018-indicators": m0018,
  "0020-handover-undo": m0020,
  "0021-handover-unresolved": m0021,
  "0024-governance-agreements": m0024,
  "0025-governance-initiatives": m0025,
  "0027-follow-up-municipality": m0027,
  "0028-unresolved-notification": m0028,
  "0023-notification-preference": m0023,
  "0022-medical-follow-up": m0022,
  "0026-gp-capacity": m0026,
  "0029-governance-meetings": m0029,
  "0030-notification-order": m0030,
  "0031-follow-up-notification": m0031,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
