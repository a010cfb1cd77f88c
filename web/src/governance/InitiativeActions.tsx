import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  describedBy,
  ErrorSummary,
  FieldError,
  fieldProblems,
  reasonFor,
} from "../components/FormErrors";
import {
  type Evaluation,
  type InitiativeView,
  stepInitiative,
  useInitiativeChange,
} from "./initiative-api";
import { useInitiativeText } from "./initiative-text";
import { initiativePath } from "./paths";

const OUTCOMES: Evaluation["outcome"][] = ["kept", "spread", "stopped"];

/** The next status and the edit link, where the reader may; finishing asks for the evaluation. */
export function InitiativeActions({ initiative: i }: { initiative: InitiativeView }) {
  const t = useInitiativeText();
  const { t: tAny } = useTranslation();
  const [outcome, setOutcome] = useState<Evaluation["outcome"]>("kept");
  const [text, setText] = useState("");
  const step = useInitiativeChange((evaluation: Evaluation | null) =>
    stepInitiative(i.id, i.version, i.may.step ?? "running", evaluation),
  );
  if (!i.may.step && !i.may.edit) return null;
  const textError = reasonFor(fieldProblems(step.error, tAny), (f) => f.startsWith("evaluation"));
  return (
    <div className="agreement-actions">
      {step.error && (
        <ErrorSummary
          heading={t("initiatives.stepRefused")}
          error={step.error}
          targetOf={(field) =>
            field.startsWith("evaluation")
              ? { inputId: "evaluation-text", label: t("initiatives.evaluation.text") }
              : null
          }
        />
      )}
      {i.may.step === "running" && (
        <button
          type="button"
          className="button button-primary"
          disabled={step.isPending}
          onClick={() => step.mutate(null)}
        >
          {t("initiatives.stepButton.running")}
        </button>
      )}{" "}
      {i.may.edit && (
        <Link
          className="button button-secondary"
          to={`${initiativePath(i.body.id, i.body.kind, i.id)}/rediger`}
        >
          {t("initiatives.edit")}
        </Link>
      )}
      {i.may.step === "finished" && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ outcome, text });
          }}
        >
          <h2 className="h3">{t("initiatives.stepButton.finished")}</h2>
          <fieldset>
            <legend className="form-label">{t("initiatives.evaluation.outcome")}</legend>
            {OUTCOMES.map((o) => (
              <div className="form-group-radio" key={o}>
                <input
                  type="radio"
                  className="form-radio"
                  id={`evaluation-outcome-${o}`}
                  name="evaluation-outcome"
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                />
                <label htmlFor={`evaluation-outcome-${o}`}>
                  {t(`initiatives.evaluation.outcomes.${o}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <div className={`form-group${textError ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="evaluation-text">
              {t("initiatives.evaluation.text")}
            </label>
            <FieldError id="evaluation-text-error" message={textError} />
            <textarea
              id="evaluation-text"
              className="form-input"
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
              {...describedBy("evaluation-text", { error: textError })}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={step.isPending}>
            {t("initiatives.evaluation.submit")}
          </button>
        </form>
      )}
    </div>
  );
}
