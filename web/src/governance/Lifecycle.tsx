import { formatDateTime } from "../format";
import type { AgreementStatus, AgreementView } from "./api";
import { useAgreementText } from "./text";

const ORDER: AgreementStatus[] = [
  "draft",
  "consultation",
  "approved",
  "adopted",
  "in-force",
  "ended",
];

/** The six steps in order: those taken with who and when, the current one marked. */
export function Lifecycle({ agreement: a }: { agreement: AgreementView }) {
  const t = useAgreementText();
  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t("agreements.steps.heading")}</h2>
      <ol className="agreement-lifecycle">
        {ORDER.map((status) => {
          const taken = [...a.steps].reverse().find((s) => s.status === status);
          const current = status === a.status;
          return (
            <li
              key={status}
              className={taken ? "is-done" : "is-todo"}
              aria-current={current ? "step" : undefined}
            >
              <strong>{t(`agreements.statuses.${status}`)}</strong>
              {current && <span className="sr-only"> ({t("agreements.steps.current")})</span>}
              {taken && (
                <span className="form-hint">
                  {" "}
                  {formatDateTime(taken.at)}
                  {taken.byName &&
                    ` · ${t("agreements.steps.by", {
                      name: taken.byName,
                      organisation: taken.byOrganisation ?? "",
                    })}`}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
