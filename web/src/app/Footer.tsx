import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { reformPath } from "../structure/paths";

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-8 footer-col">
              <h2 className="h5">{t("footer.heading")}</h2>
              <p className="mt-3">{t("footer.text")}</p>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <ul className="unstyled-list footer-links">
                <li>
                  <Link className="function-link" to={reformPath}>
                    {t("footer.reform")}
                  </Link>
                </li>
                <li>{t("footer.mapAttribution")}</li>
                <li>
                  <a className="function-link" href="/api/docs">
                    {t("footer.apiDocs")}
                  </a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
