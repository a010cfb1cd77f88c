import { useTranslation } from "react-i18next";
import { Link } from "react-router";

type Props = {
  /** Set when the address named a cluster that does not exist. */
  clusterId?: string;
};

/** The friendly "not found" page, for unknown addresses and unknown clusters. */
export function NotFoundPage({ clusterId }: Props) {
  const { t } = useTranslation();
  const title = clusterId === undefined ? t("notFound.title") : t("notFound.clusterTitle");
  return (
    <>
      <title>{`${title} – ${t("app.name")}`}</title>
      <meta name="robots" content="noindex" />
      <h1>{title}</h1>
      <p className="font-lead">
        {clusterId === undefined
          ? t("notFound.text")
          : t("notFound.clusterText", { id: clusterId })}
      </p>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </>
  );
}
