import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { getJson } from "../api/client";

/** An organisation's contact details (GET /api/organisations/:id/contact on the server). */
export type OrganisationContact = {
  organisationId: string;
  name: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
  webUrl: string | null;
  updatedAt: string | null;
  /** Set when the organisation has none of its own and these are its parent's. */
  inheritedFrom: { organisationId: string; name: string } | null;
};

export function contactQueryKey(organisationId: string | null) {
  return ["organisation-contact", organisationId] as const;
}

/** How to reach an organisation; nothing is fetched without an id. */
export function useOrganisationContact(organisationId: string | null) {
  return useQuery({
    queryKey: contactQueryKey(organisationId),
    queryFn: ({ signal }) =>
      getJson<OrganisationContact>(
        `/api/organisations/${encodeURIComponent(organisationId ?? "")}/contact`,
        signal,
      ),
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
}

/** "+45 13 00 01 01" → "tel:+4513000101". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

/** Phone (a tel: link), email, opening hours and web address, as far as they are known. */
export function ContactDetails({ contact }: { contact: OrganisationContact }) {
  const { t } = useTranslation();
  const c = contact;
  if (!c.phone && !c.email && !c.openingHours && !c.webUrl)
    return <p className="form-hint">{t("contact.none", { name: c.name })}</p>;
  return (
    <dl className="contact-details">
      {c.phone && (
        <div>
          <dt>{t("contact.phone")}</dt>
          <dd>
            <a href={telHref(c.phone)}>{c.phone}</a>
          </dd>
        </div>
      )}
      {c.email && (
        <div>
          <dt>{t("contact.email")}</dt>
          <dd>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </dd>
        </div>
      )}
      {c.openingHours && (
        <div>
          <dt>{t("contact.openingHours")}</dt>
          <dd>{c.openingHours}</dd>
        </div>
      )}
      {c.webUrl && (
        <div>
          <dt>{t("contact.webUrl")}</dt>
          <dd>
            <a href={c.webUrl} rel="noopener noreferrer">
              {c.webUrl}
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}
