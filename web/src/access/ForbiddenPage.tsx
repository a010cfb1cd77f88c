import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown when the server answers 403: logged in, but not allowed here, and why where known. */
export function ForbiddenPage({ requestId, reason }: { requestId?: string; reason?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t("forbidden.title")} – ${t("app.name")}`}</title>
      <h1>{t("forbidden.title")}</h1>
      <p className="font-lead">{t("forbidden.text")}</p>
      {reason && <p>{reason}</p>}
      {requestId && <p className="request-id">{t("status.requestId", { id: requestId })}</p>}
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </>
  );
}
