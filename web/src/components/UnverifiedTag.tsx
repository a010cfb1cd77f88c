import { useStructureText } from "../structure/text";

type Props = {
  /** Id of an element that explains what "not verified" means. */
  describedBy?: string;
};

/** The visible marking of anything whose facts no public source has confirmed. */
export function UnverifiedTag({ describedBy }: Props) {
  const { t } = useStructureText();
  return (
    <span className="badge badge-warning unverified-tag" aria-describedby={describedBy}>
      {t("verification.unverified")}
    </span>
  );
}
