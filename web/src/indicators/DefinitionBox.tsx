import { UnverifiedTag } from "../components/UnverifiedTag";
import { ComputedAt } from "./ComputedAt";
import { formatKroner } from "./numbers";
import { local, useIndicatorText } from "./text";
import type { IndicatorDefinition } from "./types";

/** "Tovholders definition" where no national rule was found; the national one otherwise. */
export function DefinedByBadge({ definition }: { definition: IndicatorDefinition }) {
  const { t } = useIndicatorText();
  return definition.definedBy === "tovholder" ? (
    <span className="badge badge-warning defined-by">{t("indicators.definition.tovholder")}</span>
  ) : (
    <span className="badge badge-info defined-by">{t("indicators.definition.national")}</span>
  );
}

function Exclusions({ definition }: { definition: IndicatorDefinition }) {
  const { t, language } = useIndicatorText();
  if (definition.exclusions.length === 0) return null;
  return (
    <>
      <dt>{t("indicators.definition.exclusions")}</dt>
      <dd>
        <ul className="definition-list">
          {definition.exclusions.map((e) => (
            <li key={e.id}>
              {local(e.label, language)}:{" "}
              <strong>
                {e.applied
                  ? t("indicators.definition.applied")
                  : t("indicators.definition.notApplied")}
              </strong>{" "}
              {!e.verified && <UnverifiedTag />}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function CodeLists({ definition }: { definition: IndicatorDefinition }) {
  const { t, language } = useIndicatorText();
  if (definition.codeLists.length === 0) return null;
  return (
    <>
      <dt>{t("indicators.definition.codeLists")}</dt>
      <dd>
        <ul className="definition-list">
          {definition.codeLists.map((list) => (
            <li key={list.id}>
              {local(list.label, language)} {!list.verified && <UnverifiedTag />}
              <span className="definition-source">
                {list.source
                  ? t("indicators.definition.codeSource", { source: list.source })
                  : t("indicators.definition.noCodeSource")}
              </span>
              {list.codes.length > 0 && (
                <span className="definition-codes">
                  {t("indicators.definition.codes")}: <code>{list.codes.join(", ")}</code>
                </span>
              )}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function DayRates({ definition }: { definition: IndicatorDefinition }) {
  const { t, language } = useIndicatorText();
  const rates = definition.dayRates;
  if (!rates) return null;
  return (
    <>
      <dt>{t("indicators.definition.dayRates")}</dt>
      <dd>
        {t("indicators.definition.dayRatesText", {
          regional: formatKroner(rates.regionalPerDay, language),
          firstTwo: formatKroner(rates.statePerDayFirstTwo, language),
          fromThird: formatKroner(rates.statePerDayFromThird, language),
          level: rates.priceLevel,
        })}{" "}
        {!rates.verified && <UnverifiedTag />}
      </dd>
    </>
  );
}

function Sources({ definition }: { definition: IndicatorDefinition }) {
  const { t } = useIndicatorText();
  if (definition.sources.length === 0) return null;
  return (
    <>
      <dt>{t("indicators.definition.sources")}</dt>
      <dd>
        <ul className="definition-list source-list">
          {definition.sources.map((s) => (
            <li key={s.title}>
              {s.url ? (
                <a href={s.url} rel="noopener noreferrer">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

type Props = {
  definition: IndicatorDefinition;
  computedAt: string | null;
  /** The heading's level where the box stands (2 beside the page's charts, 3 in a card). */
  level?: 2 | 3;
  /** Hide the title where the card already shows it. */
  withTitle?: boolean;
};

/** What an indicator counts, by whose definition, what is left out and where it comes from. */
export function DefinitionBox({ definition, computedAt, level = 2, withTitle = true }: Props) {
  const { t, language } = useIndicatorText();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="definition-box">
      {withTitle && (
        <Heading className="definition-title">
          <span className="definition-kicker">{t("indicators.definition.heading")}</span>{" "}
          {local(definition.title, language)}
        </Heading>
      )}
      <p className="definition-badges">
        <DefinedByBadge definition={definition} />
      </p>
      <p>{local(definition.summary, language)}</p>
      <dl className="definition-facts">
        <dt>{t("indicators.definition.numerator")}</dt>
        <dd>{local(definition.numerator, language)}</dd>
        <dt>{t("indicators.definition.denominator")}</dt>
        <dd>{local(definition.denominator, language)}</dd>
        <dt>{t("indicators.definition.settles")}</dt>
        <dd>
          {definition.settlesAfterDays > 0
            ? t("indicators.definition.settlesAfter", { count: definition.settlesAfterDays })
            : t("indicators.definition.settlesAtEnd")}
        </dd>
        {definition.standardised && (
          <>
            <dt>{t("indicators.definition.standardised")}</dt>
            <dd>{t("indicators.definition.standardisedText")}</dd>
          </>
        )}
        {definition.definedBy === "tovholder" && definition.nationalDifference && (
          <>
            <dt>{t("indicators.definition.nationalDifference")}</dt>
            <dd>{local(definition.nationalDifference, language)}</dd>
          </>
        )}
        <Exclusions definition={definition} />
        <CodeLists definition={definition} />
        <DayRates definition={definition} />
        <Sources definition={definition} />
      </dl>
      <ComputedAt at={computedAt} />
    </div>
  );
}
