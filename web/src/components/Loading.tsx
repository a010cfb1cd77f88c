import { useTranslation } from "react-i18next";

/** A spinner with a text, announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="spinner-status">{t("status.loading")}</span>
    </div>
  );
}
