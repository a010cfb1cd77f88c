import { useTranslation } from "react-i18next";
import { formatDate } from "../format";
import { formatDuration } from "../handovers/rule-text";
import { useIndicators } from "../indicators/api";
import { local } from "../indicators/text";
import type { AgreementView, Commitment } from "./api";
import { formatFte, formatKroner } from "./money";
import { type AgreementText, useAgreementText } from "./text";

type Party = Commitment["responsible"];

/** A party as named in a sentence: its organisation, or its sector in lower case. */
export function partyText(t: AgreementText, p: Party): string {
  return p.organisation ?? t(`agreements.sectorsInText.${p.sector}`);
}

/** The commitments: the task, who does it from when, what it should move, what follows it. */
export function CommitmentList({ agreement: a }: { agreement: AgreementView }) {
  const t = useAgreementText();
  const { t: tAny, i18n } = useTranslation();
  const indicators = useIndicators().data?.indicators ?? [];
  const language = i18n.language === "en" ? "en" : "da";
  const titleOf = (id: string) => {
    const d = indicators.find((i) => i.id === id);
    return d ? local(d.title, language) : id;
  };
  return (
    <section aria-labelledby="commitments-heading">
      <h2 id="commitments-heading">{t("agreements.commitments.heading")}</h2>
      <ol className="agreement-commitments">
        {a.commitments.map((c, i) => (
          // Commitments have no id of their own: their place in the version is who they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} className="agreement-commitment">
            <h3 className="h4">{c.task}</h3>
            <dl className="agreement-facts">
              <div>
                <dt>{t("agreements.commitments.responsible")}</dt>
                <dd>
                  {c.responsible.organisation ?? t(`agreements.sectors.${c.responsible.sector}`)}
                </dd>
              </div>
              <div>
                <dt>{t("agreements.commitments.period")}</dt>
                <dd>
                  {c.until
                    ? t("agreements.commitments.fromUntil", {
                        from: formatDate(c.from),
                        until: formatDate(c.until),
                      })
                    : t("agreements.commitments.from", { date: formatDate(c.from) })}
                </dd>
              </div>
              {c.indicatorIds.length > 0 && (
                <div>
                  <dt>{t("agreements.commitments.indicators")}</dt>
                  <dd>{c.indicatorIds.map(titleOf).join("; ")}</dd>
                </div>
              )}
              <div>
                <dt>{t("agreements.commitments.resources")}</dt>
                <dd>
                  {c.resources.length === 0 ? (
                    t("agreements.commitments.noResources")
                  ) : (
                    <ul className="nobullet-list">
                      {c.resources.map((r, k) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: resources are their place
                        <li key={k}>
                          {r.kind === "money"
                            ? t("agreements.commitments.money", {
                                amount: formatKroner(r.amountOre),
                                from: partyText(t, r.from),
                                to: partyText(t, r.to),
                              })
                            : t("agreements.commitments.staff", {
                                fte: formatFte(r.fteHundredths),
                                from: partyText(t, r.from),
                                to: partyText(t, r.to),
                              })}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
              {c.handoverRule && (
                <div>
                  <dt>
                    {t("agreements.commitments.handoverRule", {
                      sector: t(`agreements.sectorsInText.${c.handoverRule.sector}`),
                      deadline: formatDuration(tAny, c.handoverRule.rule.deadlineMinutes),
                    })}
                  </dt>
                  <dd>{t("agreements.commitments.ruleSetOnAdoption", { body: a.body.name })}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
