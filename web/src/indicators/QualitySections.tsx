import type { ReactNode } from "react";
import { Link } from "react-router";
import { Loading } from "../components/Loading";
import { ChartCaption } from "./ChartCaption";
import { FunnelSection } from "./FunnelSection";
import { IndicatorMap } from "./IndicatorMap";
import { ProvisionalPeriod } from "./Provisional";
import { RowsTable } from "./RowsTable";
import { type Selection, selectionToParams, valuesPath } from "./selection";
import { useIndicatorText } from "./text";
import type { QualityData } from "./useQualityData";

/** The Kvalitet page's data, once the indicator and the choice are known. */
export type ShownQuality = QualityData & {
  definition: NonNullable<QualityData["definition"]>;
  selection: Selection;
};

/** How the charts and the table name what they show. */
export type Caption = { title: string; period: string; unit: string };

type SectionProps = { data: ShownQuality; caption: Caption; computedAt: string | null };

function Section({
  id,
  heading,
  className,
  children,
}: {
  id: string;
  heading: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={`quality-section ${className ?? ""}`}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export function MapSection({ data, caption, computedAt }: SectionProps) {
  const { t } = useIndicatorText();
  const { definition, selection, values, geo, municipalities } = data;
  return (
    <Section id="quality-map-heading" heading={t("indicators.quality.mapHeading")}>
      <ChartCaption definition={definition} computedAt={computedAt} text={caption} />
      <ProvisionalPeriod
        provisional={values.data?.rows.some((r) => !r.complete) ?? false}
        period={caption.period}
      />
      {geo.data && municipalities.data && values.data ? (
        <IndicatorMap
          geo={geo.data}
          rows={values.data.rows}
          unit={selection.unit}
          kind={definition.valueKind}
          municipalities={municipalities.data}
          label={t("indicators.map.label", caption)}
        />
      ) : (
        <Loading />
      )}
    </Section>
  );
}

export function FunnelPlotSection({ data, caption, computedAt }: SectionProps) {
  const { t } = useIndicatorText();
  const { definition, selection, funnel, region } = data;
  return (
    <Section
      id="quality-funnel-heading"
      heading={t("indicators.funnel.heading")}
      className="funnel-section"
    >
      <ChartCaption
        definition={definition}
        computedAt={funnel.data?.computedAt ?? computedAt}
        text={caption}
      />
      <p>{t("indicators.funnel.explanation")}</p>
      <ProvisionalPeriod
        provisional={funnel.data ? !funnel.data.complete : false}
        period={caption.period}
      />
      {funnel.data ? (
        <FunnelSection
          funnel={funnel.data}
          kind={definition.valueKind}
          unit={selection.unit}
          label={t("indicators.funnel.label", caption)}
          highlight={region?.codes ?? null}
        />
      ) : (
        <Loading />
      )}
    </Section>
  );
}

export function TableSection({ data, caption, computedAt }: SectionProps) {
  const { t } = useIndicatorText();
  const { definition, selection, values, region, at } = data;
  const rows = values.data?.rows ?? [];
  return (
    <Section id="quality-table-heading" heading={t("indicators.table.heading")}>
      <ChartCaption definition={definition} computedAt={computedAt} text={caption} />
      {values.data ? (
        <RowsTable
          rows={region ? rows.filter((r) => region.codes.has(r.code)) : rows}
          kind={definition.valueKind}
          caption={t("indicators.table.caption", caption)}
          csvPath={valuesPath(selection, at)}
          csvName={`${definition.id}-${at}-${selection.unit}.csv`}
        />
      ) : (
        <Loading />
      )}
    </Section>
  );
}

/** A committee member's view: only the region's units in the table, and the way back. */
export function RegionNotice({ data }: { data: ShownQuality }) {
  const { t } = useIndicatorText();
  if (!data.region) return null;
  return (
    <div className="alert alert-info region-filter" role="status">
      <p className="alert-text">
        {t("indicators.quality.regionOnly", { region: data.region.name })}{" "}
        <Link to={`?${selectionToParams({ ...data.selection, region: "" })}`}>
          {t("indicators.quality.wholeCountry")}
        </Link>
      </p>
    </div>
  );
}
