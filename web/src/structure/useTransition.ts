import { useMemo } from "react";
import { useBodiesOn, useMunicipalitiesOn } from "../api/queries";
import type { Transition } from "../map/areas";
import { addDays } from "./dates";

/**
 * Both sides of a change (its last day before and its first day), for the
 * map's tooltips in the months around it; null away from a change and until
 * both sides have loaded. A side that fails to load leaves the tooltips as
 * they are on other days.
 */
export function useTransition(change: string | null): Transition | null {
  const lastDayBefore = change ? addDays(change, -1) : undefined;
  const firstDay = change ?? undefined;
  const beforeBodies = useBodiesOn(lastDayBefore);
  const beforeMunicipalities = useMunicipalitiesOn(lastDayBefore);
  const afterBodies = useBodiesOn(firstDay);
  const afterMunicipalities = useMunicipalitiesOn(firstDay);
  return useMemo(() => {
    if (
      !change ||
      !lastDayBefore ||
      !beforeBodies.data ||
      !beforeMunicipalities.data ||
      !afterBodies.data ||
      !afterMunicipalities.data
    ) {
      return null;
    }
    return {
      lastDayBefore,
      changeDate: change,
      before: { bodies: beforeBodies.data, municipalities: beforeMunicipalities.data },
      after: { bodies: afterBodies.data, municipalities: afterMunicipalities.data },
    };
  }, [
    change,
    lastDayBefore,
    beforeBodies.data,
    beforeMunicipalities.data,
    afterBodies.data,
    afterMunicipalities.data,
  ]);
}
