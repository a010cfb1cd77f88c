import type { CitizenAuditResource } from "../access/audit-vocabulary.ts";
import type { CitizenAccess, RequestContext } from "../access/citizen-access.ts";
import { type RelationScope, scopeOf } from "../access/model.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError, invalidFields, notFound } from "../platform/http/errors.ts";
import { parseCpr } from "./cpr.ts";
import type { PersonalDataCipher } from "./crypto.ts";
import * as store from "./store.ts";

export type NewCitizen = {
  cpr: string;
  name: string;
  homeMunicipalityCode: string | null;
  listedPracticeId: string | null;
  synthetic: boolean;
};

export type CitizenView = {
  id: string;
  name: string;
  cpr: string;
  birthDate: string;
  sex: "female" | "male";
  synthetic: boolean;
  homeMunicipality: { code: string; name: string } | null;
  listedPractice: {
    id: string;
    name: string;
    providerNumber: string;
    municipalityCode: string;
  } | null;
  deceasedAt: Date | null;
};

/** A citizen named on a list, and how much the relation that named them opens. */
export type NamedCitizen = { name: string; scope: RelationScope };

const invalidCpr = () =>
  invalidFields("The CPR number is not valid", [
    {
      in: "body",
      field: "cpr",
      reason: "must be 10 digits (DDMMYY-SSSS) with a real birth date",
      i18n: { key: "citizens.cprInvalid" },
    },
  ]);

/** Each citizen once, in the order first named. */
function uniqueCitizens(citizens: store.SealedFacts[]) {
  return [...new Map(citizens.map((c) => [c.facts.citizenId, c])).values()];
}

function ownCitizenId(ctx: RequestContext): string {
  if (ctx.actor.kind !== "citizen") {
    throw new AppError("TOV_ERR_FORBIDDEN", "Only the citizen can manage their consents", [], {
      key: "citizens.ownConsentsOnly",
    });
  }
  return ctx.actor.citizenId;
}

/** The citizen registry. Every read goes through access.authorize, which also audits it. */
export function createCitizenService(
  db: Database,
  cipher: PersonalDataCipher,
  access: CitizenAccess,
  clock: () => Date = () => new Date(),
) {
  /** A CPR number and name as stored: encrypted, with the look-up hash and what the CPR number says. */
  function seal(cprInput: string, name: string) {
    const info = parseCpr(cprInput);
    if (!info) throw invalidCpr();
    return {
      cpr: info.cpr,
      row: {
        cprHash: cipher.lookupHash(info.cpr),
        cprEncrypted: cipher.encrypt(info.cpr),
        nameEncrypted: cipher.encrypt(name),
        birthDate: info.birthDate,
        sex: info.sex,
      },
    };
  }

  /**
   * The names of `citizens` (facts read with their rows, see
   * `store.sealedFacts`), each decided through the relation rules with one
   * audit entry per citizen; null where no relation allows it. A name needs
   * only a `basic` relation; each comes with the scope of the relation that
   * allowed it, so a list shows the course of care's parts (the ward's note)
   * only under a `full` one. A citizen named twice is decided and audited once.
   */
  async function namedOf(
    ctx: RequestContext,
    citizens: store.SealedFacts[],
    resource: CitizenAuditResource,
  ) {
    const names = new Map<string, NamedCitizen | null>();
    const unique = uniqueCitizens(citizens);
    if (unique.length === 0) return names;
    const allowed = await access.authorizeMany(
      ctx,
      unique.map((c) => c.facts),
      { action: "read", resource, needs: "basic" },
    );
    for (const c of unique) {
      const relation = allowed.get(c.facts.citizenId);
      names.set(
        c.facts.citizenId,
        relation ? { name: cipher.decrypt(c.nameEncrypted), scope: scopeOf(relation) } : null,
      );
    }
    return names;
  }

  /** `namedOf`, the names alone. */
  async function namesOf(
    ctx: RequestContext,
    citizens: store.SealedFacts[],
    resource: CitizenAuditResource,
  ) {
    const named = await namedOf(ctx, citizens, resource);
    return new Map([...named].map(([id, n]) => [id, n?.name ?? null]));
  }

  return {
    /** A refusal concerning a citizen, audited (see `CitizenAccess.deny`): the error to throw. */
    deny: access.deny,

    /** Registers (or updates) a citizen; used by ingest, synthetic data and the demo. */
    async register(input: NewCitizen): Promise<{ id: string }> {
      return store.upsertCitizen(db, {
        ...seal(input.cpr, input.name).row,
        homeMunicipalityCode: input.homeMunicipalityCode,
        listedPracticeId: input.listedPracticeId,
        synthetic: input.synthetic,
      });
    },

    /**
     * Registers or updates the citizens a batch of hospital notifications
     * names, inside the ingest's transaction; returns their ids by CPR number.
     */
    async registerFromMessages(
      tx: Database,
      inputs: { cpr: string; name: string; homeMunicipalityCode: string }[],
    ): Promise<Map<string, string>> {
      const sealed = inputs.map((input) => {
        const { cpr, row } = seal(input.cpr, input.name);
        return { cpr, row: { ...row, homeMunicipalityCode: input.homeMunicipalityCode } };
      });
      const rows = await store.upsertCitizensFromMessages(
        tx,
        sealed.map((s) => s.row),
      );
      const idByHash = new Map(rows.map((r) => [r.cprHash, r.id]));
      return new Map(sealed.map((s) => [s.cpr, idByHash.get(s.row.cprHash) ?? ""]));
    },

    /**
     * Registers a population file's citizens (synthetic data) with their
     * address, home municipality, listed practice and home care, in one
     * transaction per batch. A practice is named by provider number.
     */
    async registerPopulation(
      inputs: {
        cpr: string;
        name: string;
        address: string;
        homeMunicipalityCode: string;
        practiceProviderNumber: string | null;
        homeCareSince: string | null;
        synthetic: boolean;
      }[],
      practiceIds: ReadonlyMap<string, string>,
    ) {
      const sealed = inputs.map((input) => ({ input, ...seal(input.cpr, input.name) }));
      return db.transaction().execute(async (tx) => {
        const rows = await store.upsertPopulation(
          tx,
          sealed.map(({ input, row }) => ({
            ...row,
            addressEncrypted: cipher.encrypt(input.address),
            homeMunicipalityCode: input.homeMunicipalityCode,
            listedPracticeId: input.practiceProviderNumber
              ? (practiceIds.get(input.practiceProviderNumber) ?? null)
              : null,
            synthetic: input.synthetic,
          })),
        );
        const idByHash = new Map(rows.map((r) => [r.cprHash, r.id]));
        const grants = sealed.flatMap(({ input, row }) => {
          const citizenId = idByHash.get(row.cprHash);
          if (!input.homeCareSince || !citizenId) return [];
          return [
            {
              citizenId,
              municipalityCode: input.homeMunicipalityCode,
              grantedOn: input.homeCareSince,
              synthetic: input.synthetic,
            },
          ];
        });
        const homeCare = await store.insertHomeCare(tx, grants);
        return { citizens: rows.length, homeCare };
      });
    },

    practiceIdsByProviderNumber: () => store.practiceIdsByProviderNumber(db),

    /** Home municipality and listed practice of each citizen, inside the caller's transaction. */
    receiversOf: (tx: Database, citizenIds: string[]) => store.receiversOf(tx, citizenIds),

    setDeceased: (tx: Database, deaths: { citizenId: string; at: Date | null }[]) =>
      store.setDeceased(tx, deaths),

    async get(
      ctx: RequestContext,
      citizenId: string,
      purpose?: string,
      resource: CitizenAuditResource = "citizen",
    ): Promise<CitizenView> {
      const facts = await store.factsOf(db, citizenId);
      if (!facts) {
        // Unknown ids are audited like denials, so probing for ids leaves a trace.
        await access.audit(ctx, null, { action: "read", resource, purpose }, "denied");
        throw notFound("citizen");
      }
      await access.authorize(ctx, facts, { action: "read", resource, purpose });
      const row = await store.findCitizen(db, citizenId);
      if (!row) throw notFound("citizen");
      const [municipality, practice] = await store.placeNames(
        db,
        row.homeMunicipalityCode,
        row.listedPracticeId,
      );
      return {
        id: row.id,
        name: cipher.decrypt(row.nameEncrypted),
        cpr: cipher.decrypt(row.cprEncrypted),
        birthDate: row.birthDate,
        sex: row.sex,
        synthetic: row.synthetic,
        homeMunicipality: municipality ?? null,
        listedPractice: practice ?? null,
        deceasedAt: row.deceasedAt,
      };
    },

    namesOf,
    namedOf,

    /** `namesOf` for citizens known only by id: their facts are read first. */
    async namesFor(ctx: RequestContext, citizenIds: string[], resource: CitizenAuditResource) {
      return namesOf(ctx, await store.factsOfMany(db, [...new Set(citizenIds)]), resource);
    },

    /**
     * The names among `citizens` that `matches` accepts, for a search by
     * name: every name is decided through the relation rules as `namesOf`
     * does, but only the matches (what the searcher is shown) are audited
     * as read.
     */
    async namesMatching(
      ctx: RequestContext,
      citizens: store.SealedFacts[],
      resource: CitizenAuditResource,
      matches: (name: string) => boolean,
    ) {
      const found = new Map<string, NamedCitizen>();
      const unique = uniqueCitizens(citizens);
      if (unique.length === 0) return found;
      const { allowed, audited } = await access.decideMany(
        ctx,
        unique.map((c) => c.facts),
        "basic",
      );
      for (const c of unique) {
        const relation = allowed.get(c.facts.citizenId);
        if (!relation) continue;
        const name = cipher.decrypt(c.nameEncrypted);
        if (matches(name)) found.set(c.facts.citizenId, { name, scope: scopeOf(relation) });
      }
      await access.auditMany(
        ctx,
        { action: "read", resource },
        audited.filter((a) => found.has(a.citizenId)),
      );
      return found;
    },

    /** Finds a citizen by CPR number; the search is audited, and only permitted citizens are shown. */
    async searchByCpr(ctx: RequestContext, cpr: string, purpose?: string) {
      const info = parseCpr(cpr);
      if (!info) throw invalidCpr();
      const found = await store.findCitizenIdByHash(db, cipher.lookupHash(info.cpr));
      if (!found) {
        await access.audit(
          ctx,
          null,
          { action: "search", resource: "citizen", purpose },
          "allowed",
        );
        return [];
      }
      const facts = await store.factsOf(db, found.id);
      if (!facts) return [];
      try {
        await access.authorize(ctx, facts, { action: "search", resource: "citizen", purpose });
      } catch (err) {
        // Not being allowed to see a citizen must look the same as the citizen not existing.
        if (err instanceof AppError && err.code === "TOV_ERR_NO_RELATION") return [];
        throw err;
      }
      return [{ id: found.id }];
    },

    async breakGlass(ctx: RequestContext, citizenId: string, reason: string) {
      if (!(await store.findCitizen(db, citizenId))) throw notFound("citizen");
      return access.breakGlass(ctx, citizenId, reason);
    },

    async recordStay(stay: {
      citizenId: string;
      hospitalId: string;
      admittedAt: Date;
      dischargedAt: Date | null;
    }) {
      await store.insertStay(db, stay);
    },

    async grantConsent(citizenId: string, relativeUserId: string, expiresAt: Date | null) {
      return store.grantConsent(db, { citizenId, relativeUserId, expiresAt });
    },

    /** The citizen's own consents to relatives; only the citizen manages them. */
    async myConsents(ctx: RequestContext) {
      const citizenId = ownCitizenId(ctx);
      return store.consentsOf(db, citizenId);
    },

    async giveConsent(ctx: RequestContext, relativeUsername: string, expiresAt: Date | null) {
      const citizenId = ownCitizenId(ctx);
      // A consent that has already expired gives nothing; it is a mistake, not a choice.
      if (expiresAt !== null && expiresAt.getTime() <= clock().getTime()) {
        throw invalidFields("A consent cannot expire in the past", [
          {
            in: "body",
            field: "expiresAt",
            reason: "must be in the future",
            i18n: { key: "validation.inThePast" },
          },
        ]);
      }
      const relative = await store.relativeUserByUsername(db, relativeUsername.toLowerCase());
      if (relative?.kind !== "relative") {
        throw invalidFields("No relative user by that username", [
          {
            in: "body",
            field: "relativeUsername",
            reason: "is not a relative's username",
            i18n: { key: "citizens.notARelative" },
          },
        ]);
      }
      const consent = await store.grantConsent(db, {
        citizenId,
        relativeUserId: relative.id,
        expiresAt,
      });
      await access.audit(ctx, citizenId, { action: "write", resource: "consent" }, "allowed", {
        relation: "self",
      });
      return consent;
    },

    async withdrawConsent(ctx: RequestContext, consentId: string) {
      const citizenId = ownCitizenId(ctx);
      if ((await store.revokeConsent(db, citizenId, consentId, clock())) === 0) {
        throw notFound("consent");
      }
      await access.audit(ctx, citizenId, { action: "write", resource: "consent" }, "allowed", {
        relation: "self",
      });
    },

    /** The citizens a relative may currently act for (ids only; reading them is audited). */
    async citizensOfRelative(ctx: RequestContext) {
      if (ctx.actor.kind !== "relative") return [];
      return (await store.consentingCitizens(db, ctx.actor.userId, clock())).map((c) => ({
        id: c.citizenId,
      }));
    },
  };
}

export type CitizenService = ReturnType<typeof createCitizenService>;
