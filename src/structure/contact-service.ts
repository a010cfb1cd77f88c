import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, notFound } from "../platform/http/errors.ts";
import { type ContactInput, effectiveContact, hasAny } from "./contact-model.ts";
import * as store from "./contact-store.ts";

/**
 * Organisations' contact details: anyone signed in reads them (they are the
 * organisation's public details, not personal data, so reading is not
 * audited); only an administrator acting in the organisation changes them,
 * and anyone else's attempt is refused and audited through `access` (the
 * demo seed, which only adds what is missing, needs none).
 */
export function createContactService(db: Database, access?: Pick<CitizenAccess, "deny">) {
  async function contactOf(organisationId: string) {
    const [own] = await store.contactsOf(db, [organisationId]);
    if (!own) throw notFound("organisation");
    const [parent] =
      own.parentId && !hasAny(own.contact) ? await store.contactsOf(db, [own.parentId]) : [];
    const shown = effectiveContact(own, parent ?? null);
    return {
      organisationId: own.organisationId,
      name: own.name,
      phone: shown.contact?.phone ?? null,
      email: shown.contact?.email ?? null,
      openingHours: shown.contact?.openingHours ?? null,
      webUrl: shown.contact?.webUrl ?? null,
      updatedAt: shown.contact?.updatedAt.toISOString() ?? null,
      inheritedFrom: shown.inheritedFrom,
    };
  }

  return {
    contactOf,

    async setContact(ctx: RequestContext, organisationId: string, input: ContactInput) {
      const actor = ctx.actor;
      if (
        actor.kind !== "staff" ||
        actor.role !== "administrator" ||
        actor.organisation.id !== organisationId
      ) {
        const refused = new AppError(
          "TOV_ERR_FORBIDDEN",
          "Only an administrator acting for the organisation can change its contact details",
          [],
          { key: "structure.contactAdminOnly" },
        );
        const what = {
          action: "set-contact",
          resource: "organisation-contact",
          purpose: `organisation ${organisationId}: not one of its administrators`,
        } as const;
        // Without `access`, the route guard's net audits the refusal (without what was refused).
        throw access ? await access.deny(ctx, null, what, refused) : refused;
      }
      await store.saveContact(db, organisationId, input, actor.userId);
      return contactOf(organisationId);
    },

    /** Sets details where an organisation has none yet, never overwriting (the demo seed). */
    addIfMissing: (rows: (ContactInput & { organisationId: string })[]) =>
      store.addContactsIfMissing(db, rows),
  };
}

export type ContactService = ReturnType<typeof createContactService>;
