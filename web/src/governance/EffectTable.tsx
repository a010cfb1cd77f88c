import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { currentLanguage } from "../i18n";
import { type InitiativeEffect, useInitiativeEffect } from "./initiative-api";
import { type InitiativeText, useInitiativeText } from "./initiative-text";

type Pooled = InitiativeEffect["participants"]["before"];

function number(value: number, digits = 1): string {
  return new Intl.NumberFormat(currentLanguage() === "da" ? "da-DK" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A value in the unit shown: percent for a share, per 1000 for a rate. */
function valueText(t: InitiativeText, kind: InitiativeEffect["indicator"]["valueKind"], v: number) {
  return kind === "share"
    ? t("initiatives.effect.percent", { value: number(v) })
    : t("initiatives.effect.perThousand", { value: number(v) });
}

function monthSpan(t: InitiativeText, key: "before" | "after", months: string[]) {
  return t(`initiatives.effect.${key}`, { from: months[0] ?? "", to: months.at(-1) ?? "" });
}

/** The months left out as not yet final, as a list in the page's language. */
function NotFinal({ t, months }: { t: InitiativeText; months: string[] }) {
  if (months.length === 0) return null;
  const list = new Intl.ListFormat(currentLanguage() === "da" ? "da-DK" : "en-GB", {
    type: "conjunction",
  }).format(months);
  return (
    <p className="form-hint effect-not-final">
      {t("initiatives.effect.notFinal", { months: list })}
    </p>
  );
}

/**
 * The effect shown honestly: the target indicator pooled over the participating
 * municipalities and the comparison, before and after, each with its 95%
 * interval, the cells left out as too small, and a plain verdict.
 */
export function EffectTable({ id }: { id: string }) {
  const t = useInitiativeText();
  const query = useInitiativeEffect(id);
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const e = query.data;
  const kind = e.indicator.valueKind;
  if (e.windows.after.length === 0)
    return (
      <section aria-labelledby="effect-heading">
        <h2 id="effect-heading">{t("initiatives.effect.heading")}</h2>
        <p>
          {e.windows.notFinal.length > 0
            ? t("initiatives.effect.noneFinal")
            : t("initiatives.effect.notStarted")}
        </p>
      </section>
    );
  const comparisonLabel =
    e.comparison.basis === "body"
      ? t("initiatives.effect.comparisonBody")
      : t("initiatives.effect.comparisonRegion");
  const rows: [string, string, Pooled][] = [
    [
      t("initiatives.effect.participants"),
      monthSpan(t, "before", e.windows.before),
      e.participants.before,
    ],
    [
      t("initiatives.effect.participants"),
      monthSpan(t, "after", e.windows.after),
      e.participants.after,
    ],
    [comparisonLabel, monthSpan(t, "before", e.windows.before), e.comparison.before],
    [comparisonLabel, monthSpan(t, "after", e.windows.after), e.comparison.after],
  ];
  const skipped = rows.reduce((sum, [, , p]) => sum + p.skipped, 0);
  return (
    <section aria-labelledby="effect-heading">
      <h2 id="effect-heading">{t("initiatives.effect.heading")}</h2>
      <p>{t("initiatives.effect.intro")}</p>
      <ScrollableTable label={t("initiatives.effect.heading")}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("initiatives.effect.group")}</th>
              <th scope="col">{t("initiatives.effect.window")}</th>
              <th scope="col">{t("initiatives.effect.value")}</th>
              <th scope="col">{t("initiatives.effect.interval")}</th>
              <th scope="col">{t("initiatives.effect.counts")}</th>
              <th scope="col">{t("initiatives.effect.skipped")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([group, window, p]) => (
              <tr key={`${group}|${window}`}>
                <th scope="row">{group}</th>
                <td>{window}</td>
                <td>{p.value === null ? "–" : valueText(t, kind, p.value)}</td>
                <td>
                  {p.low === null || p.high === null ? "–" : `${number(p.low)} – ${number(p.high)}`}
                </td>
                <td>
                  {p.numerator} / {p.denominator}
                </td>
                <td>{p.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <NotFinal t={t} months={e.windows.notFinal} />
      <p>
        <strong>{t("initiatives.effect.verdictLabel")}:</strong>{" "}
        <span
          className={`badge ${e.verdict === "worsened" ? "badge-error" : e.verdict === "improved" ? "badge-success" : "badge-info"}`}
        >
          {t(`initiatives.effect.verdicts.${e.verdict}`)}
        </span>
      </p>
      <p className="form-hint">
        {t("initiatives.effect.verdictHelp")}{" "}
        {t("initiatives.effect.minNote", { min: e.minDenominator })}
        {skipped > 0 && <> {t("initiatives.effect.skippedNote", { count: skipped })}</>}
      </p>
    </section>
  );
}
