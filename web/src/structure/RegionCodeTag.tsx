import { useStructureText } from "./text";

/** The marking of a region whose code is a stand-in: Region Østdanmark's was not found. */
export function RegionCodeTag({ describedBy }: { describedBy?: string }) {
  const { t } = useStructureText();
  return (
    <span
      className="badge badge-warning unverified-tag region-code-tag"
      aria-describedby={describedBy}
    >
      {t("verification.regionCodeUnverified")}
    </span>
  );
}
