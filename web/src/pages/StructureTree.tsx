import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BodySummary, MunicipalityListItem, Region } from "../api/types";
import { UnverifiedTag } from "../components/UnverifiedTag";
import { BodyItem } from "./BodyItem";

type Props = {
  regions: readonly Region[];
  bodies: readonly BodySummary[];
  municipalities: readonly MunicipalityListItem[];
  colours: ReadonlyMap<string, string>;
  explanationId: string;
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "da");

/** Regions → bodies → municipalities and acute hospitals, as dkfds accordions (one per region). */
export function StructureTree({ regions, bodies, municipalities, colours, explanationId }: Props) {
  const { t } = useTranslation();
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
                <span className="accordion-title">{region.name}</span>
                <span className="accordion-icon">
                  <span className="icon_text">
                    {t("home.regionCount", { count: regionBodies.length })}
                  </span>
                </span>
              </button>
            </h3>
            <div id={contentId} className="accordion-content" aria-hidden={!open}>
              <p className="committee">
                {t("home.committee", { name: region.committee.name })}{" "}
                {!region.committee.verified && <UnverifiedTag />}
              </p>
              {!region.committee.verified && (
                <p className="form-hint">{t("verification.committeeExplanation")}</p>
              )}
              <ul className="unstyled-list body-list">
                {regionBodies.map((body) => (
                  <BodyItem
                    key={body.id}
                    body={body}
                    colour={colours.get(body.id)}
                    municipalityName={(code) => names.get(code) ?? code}
                    explanationId={explanationId}
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
