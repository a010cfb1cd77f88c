import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays } from "../structure/dates";
import { useStructureText } from "../structure/text";
import { dateParam } from "../structure/useStructureDate";

/** The day the 2027 structure begins; the page is about that reform. */
const reformDate = "2027-01-01";

/** The public sources of the 2027 structure, as data/SOURCES.md lists them. */
const sources = [
  ["agreement", "https://ft.dk/samling/20241/almdel/SUU/bilag/65/2938152/index.htm"],
  ["l214", "https://www.ft.dk/samling/20241/lovforslag/l214/20241_l214_som_fremsat.htm"],
  [
    "transitionAct",
    "https://www.lovguiden.dk/loven/lov-om-overgangen-til-en-ny-sundhedsstruktur-overgangsloven",
  ],
  ["dagensMedicin", "https://dagensmedicin.dk/her-er-sundhedreformen/"],
  ["handbook", "https://www.regional-indsigt.dk/?p=16173"],
  [
    "bills",
    "https://www.regional-indsigt.dk/2025/05/06/to-lovforslag-en-reform-staten-centraliserer-sundhedsvaesenet-under-regionale-faner",
  ],
  ["eastDenmark", "https://en.wikipedia.org/wiki/Region_of_Eastern_Denmark"],
  ["dataset", "https://github.com/afpihl/sundhedsraad"],
  [
    "amager",
    "https://via.ritzau.dk/pressemeddelelse/14758086/behandling-skal-rykke-taettere-pa-borgerne-i-sundhedsrad-amager-og-vestegnen",
  ],
  ["fyn", "https://www.tv2fyn.dk/fyn/nyt-sundhedsraad-skal-skabe-sammenhaeng-paa-fyn"],
  [
    "billund",
    "https://www.berlingske.dk/samfund/se-kortet-dette-sygehus-og-sundhedsfaellesskab-hoerer-du-til-i-fremtiden",
  ],
] as const;

/** A section of plain sentences, one list item each. */
function Points({ id, heading, items }: { id: string; heading: string; items: string[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** The reform of 1 January 2027 in plain Danish (and English): what changes and what it means here. */
export function ReformPage() {
  const { t } = useStructureText();
  const { t: tApp } = useTranslation();
  const meaning = ["handovers", "rules", "memberships", "history"] as const;
  return (
    <div className="reform-page">
      <title>{`${t("reform.title")} – ${tApp("app.name")}`}</title>
      <h1>{t("reform.title")}</h1>
      <p className="font-lead">{t("reform.lead")}</p>
      <p>{t("reform.laws")}</p>
      <p>
        {t("reform.seeStructure")}{" "}
        <Link to={`/?${dateParam}=${addDays(reformDate, -1)}`}>{t("reform.seeBefore")}</Link>
        {" · "}
        <Link to={`/?${dateParam}=${reformDate}`}>{t("reform.seeAfter")}</Link>
      </p>
      <Points
        id="changes-heading"
        heading={t("reform.changes.heading")}
        items={[
          t("reform.changes.regions"),
          t("reform.changes.councils"),
          t("reform.changes.membership"),
        ]}
      />
      <Points
        id="stays-heading"
        heading={t("reform.stays.heading")}
        items={[
          t("reform.stays.hospitals"),
          t("reform.stays.municipalities"),
          t("reform.stays.work"),
        ]}
      />
      <Points
        id="ends-heading"
        heading={t("reform.ends.heading")}
        items={[
          t("reform.ends.agreements"),
          t("reform.ends.practicePlans"),
          t("reform.ends.cofinancing"),
          t("reform.ends.proximity"),
          t("reform.ends.bodies"),
        ]}
      />
      <section aria-labelledby="moves-heading">
        <h2 id="moves-heading">{t("reform.moves.heading")}</h2>
        <p>{t("reform.moves.text")}</p>
        <ul>
          <li>{t("reform.moves.prevention")}</li>
          <li>{t("reform.moves.rehabilitation")}</li>
          <li>{t("reform.moves.temporary")}</li>
        </ul>
      </section>
      <section aria-labelledby="council-heading">
        <h2 id="council-heading">{t("reform.council.heading")}</h2>
        <p>{t("reform.council.text")}</p>
      </section>
      <section aria-labelledby="tovholder-heading">
        <h2 id="tovholder-heading">{t("reform.tovholder.heading")}</h2>
        <p>{t("reform.tovholder.intro")}</p>
        <ul className="reform-meaning">
          {meaning.map((key) => (
            <li key={key}>
              <strong>{t(`reform.tovholder.${key}Title`)}</strong> {t(`reform.tovholder.${key}`)}
            </li>
          ))}
        </ul>
      </section>
      <Points
        id="reform-unverified-heading"
        heading={t("reform.unverified.heading")}
        items={[
          t("reform.unverified.regionCode"),
          t("reform.unverified.membership"),
          t("reform.unverified.bornholmBillund"),
          t("reform.unverified.hospitals"),
        ]}
      />
      <section aria-labelledby="reform-sources-heading">
        <h2 id="reform-sources-heading">{t("reform.sources.heading")}</h2>
        <p>{t("reform.sources.intro")}</p>
        <ul className="source-list">
          {sources.map(([key, url]) => (
            <li key={key}>
              <a href={url} rel="noopener noreferrer">
                {t(`reform.sources.${key}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
