import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BodyKind } from "../api/types";

type Props = {
  /** Set when the address named a body that does not exist. */
  bodyId?: string;
  /** The kind the address named (/klynger or /sundhedsraad). */
  bodyKind?: BodyKind;
};

/** The friendly "not found" page, for unknown addresses and unknown bodies. */
export function NotFoundPage({ bodyId, bodyKind }: Props) {
  const { t } = useTranslation();
  const council = bodyKind === "sundhedsraad";
  const title =
    bodyId === undefined
      ? t("notFound.title")
      : t(council ? "notFound.councilTitle" : "notFound.bodyTitle");
  return (
    <>
      <title>{`${title} – ${t("app.name")}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      <p className="font-lead">
        {bodyId === undefined ? t("notFound.text") : t("notFound.bodyText", { id: bodyId })}
      </p>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </>
  );
}
