import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../app/ScrollableTable";
import {
  type BodyKindKey,
  formatDuration,
  formatWindow,
  ladderStepNumber,
  type RuleView,
  targetText,
} from "./rule-text";

/** One sector's rule for reading: deadline, service windows, and the ladder with running totals. */
export function RuleTable({ view, kind }: { view: RuleView; kind: BodyKindKey }) {
  const { t } = useTranslation();
  const { rule, sector } = view;
  // Each step counts from the one before; the running total is "after the deadline".
  const totals = rule.ladder.map((_, i) =>
    rule.ladder.slice(0, i + 1).reduce((sum, s) => sum + s.afterMinutes, 0),
  );
  return (
    <>
      <dl className="rule-facts">
        <div>
          <dt>{t("handoverRules.form.deadline")}</dt>
          <dd>{formatDuration(t, rule.deadlineMinutes)}</dd>
        </div>
        {(["weekday", "weekend"] as const).map((days) => {
          const w = rule.hours[days];
          return (
            <div key={days}>
              <dt>{t(`handoverRules.form.${days}`)}</dt>
              <dd>{w ? formatWindow(t, w) : t("handoverRules.table.closed")}</dd>
            </div>
          );
        })}
      </dl>
      <ScrollableTable label={t("handoverRules.form.ladder")}>
        <table className="table table--zebra rule-ladder">
          <caption>{t("handoverRules.form.ladder")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("handoverRules.table.step")}</th>
              <th scope="col">{t("handoverRules.table.after")}</th>
              <th scope="col">{t("handoverRules.table.total")}</th>
              <th scope="col">{t("handoverRules.form.target")}</th>
            </tr>
          </thead>
          <tbody>
            {rule.ladder.map((step, i) => (
              <tr key={`${totals[i]}-${step.target}`}>
                <td>{ladderStepNumber(i)}</td>
                <td>{formatDuration(t, step.afterMinutes)}</td>
                <td>{formatDuration(t, totals[i] ?? 0)}</td>
                <td>{capitalised(targetText(t, sector, step.target, kind))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
