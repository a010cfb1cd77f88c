import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { activeMembership, useMe } from "../access/session-api";
import { UserMenu } from "../access/UserMenu";
import { useOperationsText } from "../admin/text";
import { useNarrowScreen } from "../handovers/useNarrowScreen";
import { qualityPath } from "../indicators/paths";
import { useIndicatorText } from "../indicators/text";
import { NotificationsLink } from "../notifications/NotificationsLink";
import { reformPath } from "../structure/paths";
import { useCareText } from "./care-text";
import { LanguageToggle } from "./LanguageToggle";

export function Header() {
  const { t } = useTranslation();
  const o = useOperationsText();
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
  const orgKind = acting?.organisation.kind;
  const atHospital = orgKind === "hospital" || orgKind === "hospital_department";
  const tc = useCareText();
  const isRelative = me.data?.user.kind === "relative";
  // Under 600 px the header is one line, the name and a menu button: the user menu and the
  // links open under it, so the page starts within the first fifth of a phone's screen.
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(false);
  // A link followed from the open menu folds it again.
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  const folded = narrow && !open;
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
          {narrow && (
            <button
              type="button"
              className="button button-secondary button-small header-menu-button"
              aria-expanded={open}
              aria-controls="header-menu header-navigation"
              onClick={() => setOpen((o) => !o)}
            >
              {t("app.mainMenu")}
            </button>
          )}
          <div id="header-menu" className="header-menu" hidden={folded}>
            <UserMenu />
            <LanguageToggle />
          </div>
        </div>
      </div>
      <nav
        id="header-navigation"
        className="navigation-menu"
        aria-label={t("app.mainMenu")}
        hidden={folded}
      >
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
            {givesCare && atHospital && (
              <li className={pathname.startsWith("/indlagte") ? "active" : undefined}>
                <NavLink to="/indlagte" className="nav-link">
                  <span>{tc("inpatients.nav")}</span>
                </NavLink>
              </li>
            )}
            {givesCare && (atHospital || orgKind === "body_secretariat") && (
              <li className={pathname.startsWith("/opfoelgning") ? "active" : undefined}>
                <NavLink to="/opfoelgning" className="nav-link">
                  <span>{tc("followUps.nav")}</span>
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
                  <span>{o("adminNav.label")}</span>
                </NavLink>
              </li>
            )}
          </ul>
        </div>
      </nav>
    </header>
  );
}
