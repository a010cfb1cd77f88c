import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { useBodiesOn, useMunicipalitiesOn, useMunicipalityGeo, useRegionsOn } from "../api/queries";
import { useFunnel, useIndicators, useValues } from "./api";
import { periodsOf } from "./figures";
import { periodKindOf, periodStart } from "./periods";
import {
  countryPath,
  fitSelection,
  funnelPath,
  type Selection,
  selectionFromParams,
  selectionToParams,
  valuesPath,
} from "./selection";

/** The units of a region on a date: its municipalities' codes and its bodies' ids. */
function useRegionUnits(region: string, date: string | undefined) {
  const municipalities = useMunicipalitiesOn(date);
  const bodies = useBodiesOn(date);
  const regions = useRegionsOn(region ? date : undefined);
  return useMemo(() => {
    if (!region || !municipalities.data || !bodies.data) return null;
    return {
      name: regions.data?.find((r) => r.code === region)?.name ?? region,
      codes: new Set([
        ...municipalities.data.filter((m) => m.regionCode === region).map((m) => m.code),
        ...bodies.data.filter((b) => b.regionCode === region).map((b) => b.id),
      ]),
    };
  }, [region, municipalities.data, bodies.data, regions.data]);
}

/**
 * Everything the Kvalitet page shows, from the choice in the address: the
 * definitions, the periods to choose from, the rows of the period, the funnel,
 * and the structure of the period's first day (to colour municipalities by body).
 */
export function useQualityData() {
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const asked = selectionFromParams(params);
  const list = indicators.data?.indicators ?? [];
  const definition = list.find((d) => d.id === asked.indicator) ?? list[0];
  const selection = definition ? fitSelection(asked, definition) : null;

  const country = useValues(selection ? countryPath(selection) : null);
  const funnel = useFunnel(selection ? funnelPath(selection) : null);
  // Without a chosen period the funnel's (the last complete one) is shown; a funnel still
  // on screen from another period kind does not count.
  const funnelPeriod = funnel.data?.period ?? "";
  const at =
    selection?.at ||
    (selection && periodKindOf(funnelPeriod) === selection.periodKind ? funnelPeriod : "");
  const values = useValues(selection && at ? valuesPath(selection, at) : null);
  const date = at ? (periodStart(at) ?? undefined) : undefined;
  const geo = useMunicipalityGeo();
  const municipalities = useMunicipalitiesOn(date);
  const region = useRegionUnits(selection?.region ?? "", date);

  const periods = useMemo(() => (country.data ? periodsOf(country.data.rows) : []), [country.data]);

  const choose = (next: Selection) =>
    setParams(selectionToParams(next), { preventScrollReset: true });

  return {
    indicators,
    definition,
    selection,
    at,
    periods,
    country,
    funnel,
    values,
    geo,
    municipalities,
    region,
    choose,
  };
}

export type QualityData = ReturnType<typeof useQualityData>;
