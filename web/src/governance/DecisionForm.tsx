import { useState } from "react";
import { ErrorSummary, FieldError, useFormProblems } from "../components/FormErrors";
import { useAgreements } from "./api";
import { useInitiatives } from "./initiative-api";
import { type MeetingView, useDecide } from "./meeting-api";
import { useMeetingText } from "./meeting-text";

/** The secretariat records a decision on one of the body's agreements or initiatives. */
export function DecisionForm({ meeting }: { meeting: MeetingView }) {
  const t = useMeetingText();
  const agreements = useAgreements(meeting.body.id).data?.agreements ?? [];
  const initiatives = useInitiatives(meeting.body.id).data?.initiatives ?? [];
  const options = [
    ...agreements.map((a) => ({
      value: `agreement:${a.id}`,
      label: t("meetings.decisionForm.agreement", { title: a.title }),
    })),
    ...initiatives.map((i) => ({
      value: `initiative:${i.id}`,
      label: t("meetings.decisionForm.initiative", { title: i.title }),
    })),
  ];
  const [subject, setSubject] = useState("");
  const [text, setText] = useState("");
  const decide = useDecide(meeting.id);
  const inputs = {
    subjectId: { inputId: "decision-subject", label: t("meetings.decisionForm.subject") },
    text: { inputId: "decision-text", label: t("meetings.decisionForm.text") },
  };
  const { errorOf, targetOf } = useFormProblems(decide.error, inputs);
  const chosen = subject || options[0]?.value || "";
  const textError = errorOf("text");
  const subjectError = errorOf("subjectId");
  return (
    <section aria-labelledby="decision-form-heading">
      <h2 id="decision-form-heading">{t("meetings.decisionForm.heading")}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const [kind, id] = chosen.split(":");
          decide.mutate(
            {
              subjectKind: kind === "initiative" ? "initiative" : "agreement",
              subjectId: id ?? "",
              text,
            },
            { onSuccess: () => setText("") },
          );
        }}
      >
        {decide.error && (
          <ErrorSummary
            heading={t("meetings.decisionForm.errorHeading")}
            error={decide.error}
            targetOf={targetOf}
          />
        )}
        <div className={`form-group${subjectError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="decision-subject">
            {t("meetings.decisionForm.subject")}
          </label>
          <FieldError id="decision-subject-error" message={subjectError} />
          <select
            id="decision-subject"
            className="form-select"
            value={chosen}
            aria-invalid={subjectError ? true : undefined}
            aria-describedby={subjectError ? "decision-subject-error" : undefined}
            onChange={(e) => setSubject(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className={`form-group${textError ? " form-error" : ""}`}>
          <label className="form-label" htmlFor="decision-text">
            {t("meetings.decisionForm.text")}
          </label>
          <span className="form-hint" id="decision-text-hint">
            {t("meetings.decisionForm.hint")}
          </span>
          <FieldError id="decision-text-error" message={textError} />
          <textarea
            id="decision-text"
            className="form-input"
            rows={3}
            value={text}
            aria-invalid={textError ? true : undefined}
            aria-describedby={`decision-text-hint${textError ? " decision-text-error" : ""}`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={decide.isPending}>
          {t("meetings.decisionForm.submit")}
        </button>
        {decide.isSuccess && (
          <p role="status" className="form-hint">
            {t("meetings.decisionForm.saved")}
          </p>
        )}
      </form>
    </section>
  );
}
