import { useTranslation } from "react-i18next";
import { FieldError } from "../components/FormErrors";
import { TextField } from "../components/TextField";
import { useIndicators } from "../indicators/api";
import { local } from "../indicators/text";
import type { PartySector } from "./api";
import { fieldId } from "./field-labels";
import type { CommitmentDraft, ResourceDraft } from "./form-state";
import { useAgreementText } from "./text";

const SECTORS: PartySector[] = ["region", "hospital", "municipality", "general-practice"];

type Props = {
  n: number;
  value: CommitmentDraft;
  onChange: (c: CommitmentDraft) => void;
  onRemove: (() => void) | null;
  errorOf: (field: string) => string | undefined;
};

/** One commitment's fields: the task, who from when, the indicators, the resources, a rule. */
export function CommitmentFields({ n, value: c, onChange, onRemove, errorOf }: Props) {
  const t = useAgreementText();
  const { i18n } = useTranslation();
  const indicators = useIndicators().data?.indicators ?? [];
  const at = `commitments.${n}`;
  const set = (patch: Partial<CommitmentDraft>) => onChange({ ...c, ...patch });
  const setResource = (k: number, patch: Partial<ResourceDraft>) =>
    set({ resources: c.resources.map((r, i) => (i === k ? { ...r, ...patch } : r)) });
  const indicatorError = errorOf(`${at}.indicatorIds`);
  return (
    <fieldset className="agreement-commitment-fields">
      <legend className="h3">{t("agreements.form.commitment", { n: n + 1 })}</legend>
      <TextField
        id={fieldId(`${at}.task`)}
        label={t("agreements.form.task")}
        value={c.task}
        onChange={(task) => set({ task })}
        error={errorOf(`${at}.task`)}
      />
      <SectorSelect
        id={fieldId(`${at}.responsible.sector`)}
        label={t("agreements.form.sector")}
        value={c.sector}
        onChange={(sector) => set({ sector })}
      />
      <TextField
        id={fieldId(`${at}.responsible.organisation`)}
        label={t("agreements.form.organisation")}
        value={c.organisation}
        onChange={(organisation) => set({ organisation })}
      />
      <DateField
        id={fieldId(`${at}.from`)}
        label={t("agreements.form.from")}
        value={c.from}
        onChange={(from) => set({ from })}
        error={errorOf(`${at}.from`)}
      />
      <DateField
        id={fieldId(`${at}.until`)}
        label={t("agreements.form.until")}
        value={c.until}
        onChange={(until) => set({ until })}
        error={errorOf(`${at}.until`)}
      />
      <fieldset className={`form-group${indicatorError ? " form-error" : ""}`}>
        <legend className="form-label">{t("agreements.form.indicators")}</legend>
        <FieldError id={`${fieldId(`${at}.indicatorIds`)}-error`} message={indicatorError} />
        <ul className="nobullet-list" id={fieldId(`${at}.indicatorIds`)} tabIndex={-1}>
          {indicators.map((d) => {
            const id = `${fieldId(`${at}.indicator`)}-${d.id}`;
            return (
              <li key={d.id} className="form-group-checkbox">
                <input
                  id={id}
                  type="checkbox"
                  className="form-checkbox"
                  checked={c.indicatorIds.includes(d.id)}
                  onChange={(e) =>
                    set({
                      indicatorIds: e.target.checked
                        ? [...c.indicatorIds, d.id]
                        : c.indicatorIds.filter((x) => x !== d.id),
                    })
                  }
                />
                <label htmlFor={id}>{local(d.title, i18n.language === "en" ? "en" : "da")}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {c.resources.map((r, k) => {
        const rAt = `${at}.resources.${k}`;
        const valueField = r.kind === "money" ? "amount" : "fte";
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a resource is its place in the list
          <fieldset key={k} className="agreement-resource-fields">
            <legend className="h4">{t("agreements.form.resource", { n: k + 1 })}</legend>
            <TextField
              id={fieldId(`${rAt}.${valueField}`)}
              label={t(r.kind === "money" ? "agreements.form.amount" : "agreements.form.fte")}
              {...(r.kind === "money" ? { hint: t("agreements.form.amountHint") } : {})}
              value={r.value}
              onChange={(value) => setResource(k, { value })}
              error={errorOf(`${rAt}.${valueField}`) ?? errorOf(`${rAt}.currency`)}
            />
            <SectorSelect
              id={fieldId(`${rAt}.from`)}
              label={t("agreements.form.fromParty")}
              value={r.from}
              onChange={(from) => setResource(k, { from })}
            />
            <SectorSelect
              id={fieldId(`${rAt}.to`)}
              label={t("agreements.form.toParty")}
              value={r.to}
              onChange={(to) => setResource(k, { to })}
            />
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => set({ resources: c.resources.filter((_, i) => i !== k) })}
            >
              {t("agreements.form.removeResource", { n: k + 1 })}
            </button>
          </fieldset>
        );
      })}
      <p>
        {(["money", "staff"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button-secondary"
            onClick={() =>
              set({
                resources: [...c.resources, { kind, value: "", from: "region", to: c.sector }],
              })
            }
          >
            {t(kind === "money" ? "agreements.form.addMoney" : "agreements.form.addStaff")}
          </button>
        ))}
      </p>
      <div className="form-group-checkbox">
        <input
          id={fieldId(`${at}.isRule`)}
          type="checkbox"
          className="form-checkbox"
          checked={c.isRule}
          onChange={(e) => set({ isRule: e.target.checked })}
        />
        <label htmlFor={fieldId(`${at}.isRule`)}>{t("agreements.form.isRule")}</label>
      </div>
      {c.isRule && (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor={fieldId(`${at}.ruleSector`)}>
              {t("agreements.form.ruleSector")}
            </label>
            <select
              id={fieldId(`${at}.ruleSector`)}
              className="form-select"
              value={c.ruleSector}
              onChange={(e) => set({ ruleSector: e.target.value as CommitmentDraft["ruleSector"] })}
            >
              {(["municipality", "general-practice"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`agreements.sectors.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={fieldId(`${at}.ruleDeadline`)}
            label={t("agreements.form.ruleDeadline")}
            hint={t("agreements.form.ruleHint")}
            value={c.ruleDeadlineHours}
            onChange={(ruleDeadlineHours) => set({ ruleDeadlineHours })}
            error={errorOf(`${at}.handoverRule`)}
          />
        </>
      )}
      {onRemove && (
        <button type="button" className="button button-tertiary" onClick={onRemove}>
          {t("agreements.form.removeCommitment", { n: n + 1 })}
        </button>
      )}
    </fieldset>
  );
}

function SectorSelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: PartySector;
  onChange: (s: PartySector) => void;
}) {
  const t = useAgreementText();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(e) => onChange(e.target.value as PartySector)}
      >
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {t(`agreements.sectors.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  const { id, label, value, onChange, error } = props;
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        type="date"
        className="form-input form-input--date"
        value={value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
