import { formatDateTime } from "../format";
import { useIndicatorText } from "./text";

/** "Beregnet 22. nov. 2026 14.05": when the figures beside it were computed. */
export function ComputedAt({ at }: { at: string | null }) {
  const { t } = useIndicatorText();
  return (
    <p className="computed-at">
      {at ? t("indicators.computedAt", { time: formatDateTime(at) }) : t("indicators.notComputed")}
    </p>
  );
}
