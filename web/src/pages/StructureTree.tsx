import { useState } from "react";
import type { BodySummary, MunicipalityListItem, Region } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { formatDate } from "../format";
import { lastDay } from "../structure/dates";
import { RegionCodeTag } from "../structure/RegionCodeTag";
import { useStructureText } from "../structure/text";
import { BodyItem } from "./BodyItem";

type Props = {
  regions: readonly Region[];
  bodies: readonly BodySummary[];
  municipalities: readonly MunicipalityListItem[];
  colours: ReadonlyMap<string, string>;
  explanationId: string;
  /** The date chosen on the home page, which the bodies' links carry on. */
  linkDate: string | null;
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "da");

/** A region's committee (until 2026), or its seat and its end, above its bodies. */
function RegionFacts({ region }: { region: Region }) {
  const { t } = useStructureText();
  const { committee } = region;
  return (
    <>
      {committee && (
        <p className="committee">
          {t("home.committee", { name: committee.name })} {!committee.verified && <UnverifiedTag />}
        </p>
      )}
      {committee && !committee.verified && (
        <p className="form-hint">{t("verification.committeeExplanation")}</p>
      )}
      {region.seat && <p className="committee">{t("home.seat", { seat: region.seat })}</p>}
      {!region.codeVerified && (
        <p className="form-hint">{t("verification.regionCodeExplanation", { id: region.code })}</p>
      )}
      {region.validTo && (
        <p className="form-hint">
          {t("home.regionEnds", { date: formatDate(lastDay(region.validTo)) })}
        </p>
      )}
    </>
  );
}

/** Regions → bodies → municipalities and acute hospitals, as dkfds accordions (one per region). */
export function StructureTree({
  regions,
  bodies,
  municipalities,
  colours,
  explanationId,
  linkDate,
}: Props) {
  const { t } = useStructureText();
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const toggle = (code: string) =>
    setClosed((previous) => {
      const next = new Set(previous);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  return (
    <ul className="accordion structure-tree">
      {regions.map((region) => {
        const open = !closed.has(region.code);
        const contentId = `region-${region.code}`;
        const regionBodies = bodies.filter((c) => c.regionCode === region.code).sort(byName);
        const councils = regionBodies.filter((b) => b.kind === "sundhedsraad").length;
        const count =
          councils > 0
            ? t("home.regionCountCouncils", { count: councils })
            : t("home.regionCountClusters", { count: regionBodies.length });
        return (
          <li key={region.code}>
            <h3>
              <button
                type="button"
                className="accordion-button"
                aria-expanded={open}
                aria-controls={contentId}
                onClick={() => toggle(region.code)}
              >
                <span className="accordion-title">
                  {region.name}
                  {!region.codeVerified && <RegionCodeTag />}
                </span>
                <span className="accordion-icon">
                  <span className="icon_text">{count}</span>
                </span>
              </button>
            </h3>
            <div id={contentId} className="accordion-content" aria-hidden={!open}>
              <RegionFacts region={region} />
              <ul className="unstyled-list body-list">
                {regionBodies.map((body) => (
                  <BodyItem
                    key={body.id}
                    body={body}
                    colour={colours.get(body.id)}
                    municipalityName={(code) => names.get(code) ?? code}
                    explanationId={explanationId}
                    linkDate={linkDate}
                  />
                ))}
              </ul>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
