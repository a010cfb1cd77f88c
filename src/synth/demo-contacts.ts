import type { Database } from "../platform/db/database.ts";
import type { ContactDetails } from "../structure/contact-model.ts";
import { createContactService } from "../structure/contact-service.ts";
import { createOrganisationService } from "../structure/organisations.ts";

/**
 * Contact details of the demo's organisations. Slagelse Sygehus, Næstved
 * Kommune and the body are real, so nothing here may look like their real
 * numbers or addresses. DEMO DATA, obviously synthetic:
 * - phone numbers are in the 13 xx xx xx series, which the Danish numbering
 *   plan keeps spare (not assigned to anyone), so a citizen who dials one from
 *   the demo reaches nobody;
 * - email and web addresses are at example.org (reserved for examples, RFC 2606);
 * - every opening-hours text ends in "(demodata)".
 */
const DEMO_CONTACT = {
  ward: {
    phone: "+45 13 00 01 01",
    email: "medicinsk-afdeling.demo@example.org",
    openingHours: "Døgnåben. Spørgsmål om udskrivelsen: hverdage kl. 8–15 (demodata)",
    webUrl: "https://example.org/demo/slagelse-sygehus/medicinsk-afdeling",
  },
  hospital: {
    phone: "+45 13 00 01 00",
    email: "slagelse-sygehus.demo@example.org",
    openingHours: "Hovednummeret er døgnåbent (demodata)",
    webUrl: "https://example.org/demo/slagelse-sygehus",
  },
  homeNursing: {
    phone: "+45 13 00 02 01",
    email: "hjemmesygeplejen.demo@example.org",
    openingHours: "Hverdage kl. 8–15; aften, nat og weekend samme nummer (demodata)",
    webUrl: "https://example.org/demo/naestved-kommune/hjemmesygepleje",
  },
  municipality: {
    phone: "+45 13 00 02 00",
    email: "sundhed.naestved.demo@example.org",
    openingHours:
      "Hjemmesygeplejen: hverdage kl. 8–15; aften, nat og weekend samme nummer (demodata)",
    webUrl: "https://example.org/demo/naestved-kommune",
  },
  practice: {
    phone: "+45 13 00 03 01",
    email: "laegehuset-axeltorv.demo@example.org",
    openingHours: "Telefontid hverdage kl. 8–10; konsultation efter aftale (demodata)",
    webUrl: "https://example.org/demo/laegehuset-axeltorv",
  },
  secretariat: {
    phone: "+45 13 00 04 00",
    email: "klyngesekretariat.demo@example.org",
    openingHours: "Hverdage kl. 9–15 (demodata)",
    webUrl: "https://example.org/demo/klyngen-naestved-slagelse",
  },
} as const satisfies Record<string, ContactDetails>;

/** Adds the demo contact details where an organisation has none; never overwrites an edit. */
export async function addDemoContacts(
  db: Database,
  ids: { ward: string; homeNursing: string; practice: string; secretariat: string },
) {
  const organisations = createOrganisationService(db);
  const hospital = await organisations.structural({
    kind: "hospital",
    hospitalId: "slagelse-sygehus",
  });
  const municipality = await organisations.structural({
    kind: "municipality",
    municipalityCode: "370",
  });
  const all = { ...ids, hospital: hospital.id, municipality: municipality.id };
  await createContactService(db).addIfMissing(
    (Object.keys(DEMO_CONTACT) as (keyof typeof DEMO_CONTACT)[]).map((key) => ({
      organisationId: all[key],
      ...DEMO_CONTACT[key],
    })),
  );
}
