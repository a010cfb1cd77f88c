import { useEffect, useState } from "react";
import { formatDate, formatShortDate } from "../format";
import { isIsoDate, quickDates } from "./dates";
import { useStructureText } from "./text";
import type { StructureDate } from "./useStructureDate";

/** A typed date is applied once it is whole: Chrome reports "0002-…" while the year is typed. */
const complete = (value: string) => isIsoDate(value) && value >= "1900-01-01";

/**
 * "Struktur pr. dato": a date field and quick choices (the days either side of
 * each change, and today). The chosen date goes into the address.
 */
export function DateSwitch({ structure }: { structure: StructureDate }) {
  const { t } = useStructureText();
  const { date, chosen } = structure;
  const [draft, setDraft] = useState(date ?? "");
  useEffect(() => setDraft(date ?? ""), [date]);
  const choices = quickDates(structure.changes);
  const apply = (value: string) => {
    if (complete(value) && value !== date) structure.choose(value);
  };

  return (
    <form
      className="date-switch"
      aria-labelledby="date-switch-legend"
      onSubmit={(event) => {
        event.preventDefault();
        apply(draft);
      }}
    >
      <fieldset>
        <legend id="date-switch-legend" className="h4">
          {t("structureDate.legend")}
        </legend>
        <div className="date-switch-row">
          <div className="form-group date-switch-field">
            <label className="form-label" htmlFor="structure-date">
              {t("structureDate.label")}
            </label>
            <input
              id="structure-date"
              type="date"
              className="form-input"
              value={draft}
              aria-describedby="structure-date-status"
              onChange={(event) => {
                setDraft(event.target.value);
                apply(event.target.value);
              }}
            />
          </div>
          <ul className="unstyled-list date-switch-choices" aria-label={t("structureDate.quick")}>
            {choices.map((choice) => (
              <li key={choice}>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-pressed={date === choice}
                  onClick={() => structure.choose(choice)}
                >
                  {formatShortDate(choice)}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-pressed={chosen === null}
                onClick={() => structure.choose(null)}
              >
                {t("structureDate.today")}
              </button>
            </li>
          </ul>
        </div>
        <p id="structure-date-status" className="form-hint date-switch-status" aria-live="polite">
          {date &&
            (chosen === null
              ? t("structureDate.showingToday", { date: formatDate(date) })
              : t("structureDate.showing", { date: formatDate(date) }))}
        </p>
        {structure.invalid && (
          <p className="form-error-message" role="alert">
            {t("structureDate.invalid")}
          </p>
        )}
      </fieldset>
    </form>
  );
}
