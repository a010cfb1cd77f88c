import { useBody } from "../api/queries";
import { describedBy, FieldError } from "../components/FormErrors";
import { currentLanguage } from "../i18n";
import { useIndicators } from "../indicators/api";
import { RowInput } from "./InitiativeFormParts";
import type { InitiativeDraft } from "./initiative-form-state";
import { useInitiativeText } from "./initiative-text";

type Props = {
  draft: InitiativeDraft;
  set: (patch: Partial<InitiativeDraft>) => void;
  errorOf: (field: string) => string | undefined;
};

/** The target indicator (a share or a rate by residence with a direction), age band, baseline and target. */
export function TargetFields({ draft, set, errorOf }: Props) {
  const t = useInitiativeText();
  const indicators = useIndicators();
  const language = currentLanguage() === "da" ? "da" : "en";
  const choices = (indicators.data?.indicators ?? []).filter(
    (d) =>
      d.valueKind !== "hours" && d.higherIsBetter !== null && d.attributions.includes("residence"),
  );
  const chosen = choices.find((d) => d.id === draft.indicatorId);
  return (
    <>
      <div className={`form-group${errorOf("indicatorId") ? " form-error" : ""}`}>
        <label className="form-label" htmlFor="initiative-indicatorId">
          {t("initiatives.form.indicator")}
        </label>
        <FieldError id="initiative-indicatorId-error" message={errorOf("indicatorId")} />
        <select
          id="initiative-indicatorId"
          className="form-select"
          value={draft.indicatorId}
          onChange={(e) => set({ indicatorId: e.target.value, ageBand: "" })}
          {...describedBy("initiative-indicatorId", { error: errorOf("indicatorId") })}
        >
          <option value="">{t("initiatives.form.chooseIndicator")}</option>
          {choices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title[language]}
            </option>
          ))}
        </select>
      </div>
      <div className={`form-group${errorOf("ageBand") ? " form-error" : ""}`}>
        <label className="form-label" htmlFor="initiative-ageBand">
          {t("initiatives.form.ageBand")}
        </label>
        <FieldError id="initiative-ageBand-error" message={errorOf("ageBand")} />
        <select
          id="initiative-ageBand"
          className="form-select"
          value={draft.ageBand}
          onChange={(e) => set({ ageBand: e.target.value })}
          {...describedBy("initiative-ageBand", { error: errorOf("ageBand") })}
        >
          <option value="">{t("initiatives.target.allAges")}</option>
          {(chosen?.ageBands ?? []).map((band) => (
            <option key={band} value={band}>
              {band}
            </option>
          ))}
        </select>
      </div>
      <p className="form-hint">{t("initiatives.form.valueHint")}</p>
      <RowInput
        id="initiative-baseline"
        label={t("initiatives.form.baseline")}
        value={draft.baseline}
        error={errorOf("baseline")}
        onChange={(baseline) => set({ baseline })}
      />
      <RowInput
        id="initiative-target"
        label={t("initiatives.form.target")}
        value={draft.target}
        error={errorOf("target")}
        onChange={(target) => set({ target })}
      />
    </>
  );
}

/** The body's municipalities that take part, and the practices by name. */
export function ParticipantFields({ bodyId, draft, set, errorOf }: Props & { bodyId: string }) {
  const t = useInitiativeText();
  const body = useBody(bodyId);
  return (
    <>
      <fieldset
        id="initiative-municipalityCodes"
        tabIndex={-1}
        className={errorOf("municipalityCodes") ? "form-error" : undefined}
        {...describedBy("initiative-municipalityCodes", { error: errorOf("municipalityCodes") })}
      >
        <legend className="form-label">{t("initiatives.form.municipalities")}</legend>
        <FieldError
          id="initiative-municipalityCodes-error"
          message={errorOf("municipalityCodes")}
        />
        {(body.data?.municipalities ?? []).map((m) => (
          <div className="form-group-checkbox" key={m.code}>
            <input
              id={`initiative-municipality-${m.code}`}
              type="checkbox"
              className="form-checkbox"
              checked={draft.municipalityCodes.includes(m.code)}
              onChange={(e) =>
                set({
                  municipalityCodes: e.target.checked
                    ? [...draft.municipalityCodes, m.code]
                    : draft.municipalityCodes.filter((c) => c !== m.code),
                })
              }
            />
            <label htmlFor={`initiative-municipality-${m.code}`}>{m.name}</label>
          </div>
        ))}
      </fieldset>
      <div className={`form-group${errorOf("practices") ? " form-error" : ""}`}>
        <label className="form-label" htmlFor="initiative-practices">
          {t("initiatives.form.practices")}
        </label>
        <span className="form-hint" id="initiative-practices-hint">
          {t("initiatives.form.practicesHint")}
        </span>
        <FieldError id="initiative-practices-error" message={errorOf("practices")} />
        <textarea
          id="initiative-practices"
          className="form-input"
          rows={3}
          value={draft.practices}
          onChange={(e) => set({ practices: e.target.value })}
          {...describedBy("initiative-practices", { hint: true, error: errorOf("practices") })}
        />
      </div>
    </>
  );
}
