import type { ReactNode } from "react";
import { formatPeriod } from "./periods";
import type { Selection } from "./selection";
import { type IndicatorText, local, useIndicatorText } from "./text";
import type { IndicatorDefinition } from "./types";

type Option = { value: string; label: string };

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const sectorKeys: Record<
  string,
  "indicators.sectors.municipality" | "indicators.sectors.generalPractice"
> = {
  municipality: "indicators.sectors.municipality",
  "general-practice": "indicators.sectors.generalPractice",
};

export function sectorLabel(sector: string, t: IndicatorText): string {
  const key = sectorKeys[sector];
  return key ? t(key) : sector;
}

export function ageBandLabel(band: string, t: IndicatorText): string {
  return t("indicators.filters.ageBandValue", { band: band.replace("-", "–") });
}

type Props = {
  indicators: readonly IndicatorDefinition[];
  definition: IndicatorDefinition;
  selection: Selection;
  /** The period shown (chosen, or the API's last complete one), and those to choose from. */
  at: string;
  periods: readonly string[];
  onChange: (next: Selection) => void;
  children?: ReactNode;
};

/** The choices of the Kvalitet page; each takes effect at once and stands in the address. */
export function QualityFilters({
  indicators,
  definition,
  selection,
  at,
  periods,
  onChange,
}: Props) {
  const { t, language } = useIndicatorText();
  const set = (patch: Partial<Selection>) => onChange({ ...selection, ...patch });
  const periodOptions = [...new Set([at, ...periods])].filter(Boolean).sort().reverse();
  return (
    <fieldset className="quality-filters">
      <legend className="sr-only">{t("indicators.filters.legend")}</legend>
      <Select
        id="filter-indicator"
        label={t("indicators.filters.indicator")}
        value={definition.id}
        options={indicators.map((d) => ({ value: d.id, label: local(d.title, language) }))}
        onChange={(indicator) => set({ indicator })}
      />
      <Select
        id="filter-period-kind"
        label={t("indicators.filters.periodKind")}
        value={selection.periodKind}
        options={[
          { value: "month", label: t("indicators.filters.month") },
          { value: "quarter", label: t("indicators.filters.quarter") },
          { value: "year", label: t("indicators.filters.year") },
        ]}
        onChange={(periodKind) =>
          set({ periodKind: periodKind as Selection["periodKind"], at: "" })
        }
      />
      <Select
        id="filter-period"
        label={t("indicators.filters.period")}
        value={at}
        options={periodOptions.map((p) => ({ value: p, label: formatPeriod(p, language) }))}
        onChange={(value) => set({ at: value })}
      />
      <Select
        id="filter-unit"
        label={t("indicators.filters.unit")}
        value={selection.unit}
        options={[
          { value: "municipality", label: t("indicators.filters.municipalities") },
          { value: "body", label: t("indicators.filters.bodies") },
        ]}
        onChange={(unit) => set({ unit: unit as Selection["unit"] })}
      />
      {definition.attributions.length > 1 && (
        <Select
          id="filter-attribution"
          label={t("indicators.filters.attribution")}
          value={selection.attribution}
          options={definition.attributions.map((a) => ({
            value: a,
            label: t(`indicators.attribution.${a}`),
          }))}
          onChange={(attribution) => set({ attribution: attribution as Selection["attribution"] })}
        />
      )}
      {definition.ageBands.length > 0 && (
        <Select
          id="filter-age"
          label={t("indicators.filters.ageBand")}
          value={selection.ageBand}
          options={[
            { value: "", label: t("indicators.filters.allAges") },
            ...definition.ageBands.map((b) => ({ value: b, label: ageBandLabel(b, t) })),
          ]}
          onChange={(ageBand) => set({ ageBand })}
        />
      )}
      {definition.sectors.length > 0 && (
        <Select
          id="filter-sector"
          label={t("indicators.filters.sector")}
          value={selection.sector}
          options={definition.sectors.map((s) => ({ value: s, label: sectorLabel(s, t) }))}
          onChange={(sector) => set({ sector })}
        />
      )}
      {definition.groups.length > 0 && (
        <Select
          id="filter-group"
          label={t("indicators.filters.group")}
          value={selection.group}
          options={[
            { value: "", label: t("indicators.filters.allGroups") },
            ...definition.groups.map((g) => ({ value: g.key, label: local(g.label, language) })),
          ]}
          onChange={(group) => set({ group })}
        />
      )}
    </fieldset>
  );
}
