import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { activeMembership, useMe } from "../access/session-api";
import { UserMenu } from "../access/UserMenu";
import { qualityPath } from "../indicators/paths";
import { useIndicatorText } from "../indicators/text";
import { NotificationsLink } from "../notifications/NotificationsLink";
import { reformPath } from "../structure/paths";
import { LanguageToggle } from "./LanguageToggle";

export function Header() {
  const { t } = useTranslation();
  const { t: tQuality } = useIndicatorText();
  const { pathname } = useLocation();
  // A body's dashboard is quality figures, though its address is under the body's.
  const inQuality = pathname.startsWith(qualityPath) || pathname.endsWith("/overblik");
  const inBodies =
    !inQuality &&
    (pathname === "/" || pathname.startsWith("/klynger/") || pathname.startsWith("/sundhedsraad/"));
  const me = useMe();
  const isCitizen = me.data?.user.kind === "citizen";
  const acting = activeMembership(me.data);
  const role = acting?.role;
  const isAdmin = role === "administrator";
  const givesCare = role === "clinician" || role === "coordinator";
  const isRelative = me.data?.user.kind === "relative";
  return (
    <header className="header">
      <div className="solution-info">
        <div className="container solution-info-inner">
          <div className="brand">
            <div className="solution-heading">
              <Link to="/" aria-label={t("app.homeLink")}>
                {t("app.name")}
              </Link>
            </div>
            <p className="brand-tagline">{t("app.tagline")}</p>
          </div>
          <UserMenu />
          <LanguageToggle />
        </div>
      </div>
      <nav className="navigation-menu" aria-label={t("app.mainMenu")}>
        <div className="navigation-menu-inner container">
          <ul className="mainmenu">
            <li className={inBodies ? "active" : undefined}>
              <NavLink to="/" end className="nav-link">
                <span>{t("nav.bodies")}</span>
              </NavLink>
            </li>
            <li className={inQuality ? "active" : undefined}>
              <NavLink to={qualityPath} className="nav-link">
                <span>{tQuality("indicators.nav")}</span>
              </NavLink>
            </li>
            <li className={pathname === reformPath ? "active" : undefined}>
              <NavLink to={reformPath} className="nav-link">
                <span>{t("nav.reform")}</span>
              </NavLink>
            </li>
            {(givesCare || role === "body_lead") && (
              <li className={pathname.startsWith("/arbejdsliste") ? "active" : undefined}>
                <NavLink to="/arbejdsliste" className="nav-link">
                  <span>{t("worklist.nav")}</span>
                </NavLink>
              </li>
            )}
            {me.data?.user.kind === "staff" && acting && <NotificationsLink acting={acting} />}
            {me.data?.user.kind === "staff" && role && (
              <li className={pathname.startsWith("/klynge/") ? "active" : undefined}>
                <NavLink to="/klynge/overdragelsesregler" className="nav-link">
                  <span>{t("handoverRules.nav")}</span>
                </NavLink>
              </li>
            )}
            {givesCare && (
              <li className={pathname.startsWith("/borgere") ? "active" : undefined}>
                <NavLink to="/borgere/soeg" className="nav-link">
                  <span>{t("search.nav")}</span>
                </NavLink>
              </li>
            )}
            {(isCitizen || isRelative) && (
              <li
                className={
                  pathname.startsWith("/mit-forloeb") || pathname.startsWith("/borgere")
                    ? "active"
                    : undefined
                }
              >
                <NavLink to="/mit-forloeb" className="nav-link">
                  <span>{t("myPathway.nav")}</span>
                </NavLink>
              </li>
            )}
            {isCitizen && (
              <li className={pathname.startsWith("/mine-oplysninger") ? "active" : undefined}>
                <NavLink to="/mine-oplysninger/adgangslog" className="nav-link">
                  <span>{t("accessLog.nav")}</span>
                </NavLink>
              </li>
            )}
            {isAdmin && (
              <li className={pathname.startsWith("/admin") ? "active" : undefined}>
                <NavLink to="/admin/brugere" className="nav-link">
                  <span>{t("adminNav.label")}</span>
                </NavLink>
              </li>
            )}
          </ul>
        </div>
      </nav>
    </header>
  );
}
