import type { ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { AccessLogPage } from "../access/AccessLogPage";
import { AdminUsersPage } from "../access/AdminUsersPage";
import { ChangePasswordPage } from "../access/ChangePasswordPage";
import { ForbiddenPage } from "../access/ForbiddenPage";
import { LoginPage } from "../access/LoginPage";
import { RequireLogin } from "../access/RequireLogin";
import { MessagesPage } from "../admin/MessagesPage";
import { OrganisationUnitsPage } from "../admin/OrganisationUnitsPage";
import { FollowUpsPage } from "../care/FollowUpsPage";
import { InpatientsPage } from "../care/InpatientsPage";
import { AgreementFormPage } from "../governance/AgreementFormPage";
import { AgreementPage } from "../governance/AgreementPage";
import { AgreementsPage } from "../governance/AgreementsPage";
import { CapacityPage } from "../governance/CapacityPage";
import { InitiativeFormPage } from "../governance/InitiativeFormPage";
import { InitiativePage } from "../governance/InitiativePage";
import { InitiativesPage } from "../governance/InitiativesPage";
import { LedgerPage } from "../governance/LedgerPage";
import { MeetingEditPage } from "../governance/MeetingEditPage";
import { MeetingPackPage } from "../governance/MeetingPackPage";
import { MeetingPage } from "../governance/MeetingPage";
import { MeetingsPage } from "../governance/MeetingsPage";
import { HandoverRulesPage } from "../handovers/HandoverRulesPage";
import { WorklistPage } from "../handovers/WorklistPage";
import { DashboardPage } from "../indicators/DashboardPage";
import { MunicipalityPage } from "../indicators/MunicipalityPage";
import { QualityPage } from "../indicators/QualityPage";
import { NotificationsPage } from "../notifications/NotificationsPage";
import { WebhookDeliveriesPage } from "../notifications/WebhookDeliveriesPage";
import { WebhooksPage } from "../notifications/WebhooksPage";
import { BodiesPage } from "../pages/BodiesPage";
import { BodyPage } from "../pages/BodyPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { ReformPage } from "../pages/ReformPage";
import { CitizenSearchPage } from "../pathways/CitizenSearchPage";
import { MyPathwayPage } from "../pathways/MyPathwayPage";
import { PathwayPage } from "../pathways/PathwayPage";
import { reformPath } from "../structure/paths";
import { Layout } from "./Layout";

/** A page that needs a logged-in user acting in a membership; the API decides the rest. */
function loggedIn(path: string, page: ReactNode) {
  return { path, element: <RequireLogin>{page}</RequireLogin> };
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <BodiesPage /> },
      { path: "klynger/:id", element: <BodyPage routeKind="sundhedsklynge" /> },
      { path: "sundhedsraad/:id", element: <BodyPage routeKind="sundhedsraad" /> },
      { path: "klynger/:id/overblik", element: <DashboardPage routeKind="sundhedsklynge" /> },
      { path: "sundhedsraad/:id/overblik", element: <DashboardPage routeKind="sundhedsraad" /> },
      { path: "klynger/:id/aftaler", element: <AgreementsPage routeKind="sundhedsklynge" /> },
      { path: "sundhedsraad/:id/aftaler", element: <AgreementsPage routeKind="sundhedsraad" /> },
      { path: "klynger/:id/laegekapacitet", element: <CapacityPage routeKind="sundhedsklynge" /> },
      { path: "klynger/:id/oekonomi", element: <LedgerPage routeKind="sundhedsklynge" /> },
      { path: "sundhedsraad/:id/oekonomi", element: <LedgerPage routeKind="sundhedsraad" /> },
      {
        path: "sundhedsraad/:id/laegekapacitet",
        element: <CapacityPage routeKind="sundhedsraad" />,
      },
      loggedIn("klynger/:id/aftaler/ny", <AgreementFormPage routeKind="sundhedsklynge" />),
      loggedIn("sundhedsraad/:id/aftaler/ny", <AgreementFormPage routeKind="sundhedsraad" />),
      { path: "klynger/:id/aftaler/:agreementId", element: <AgreementPage /> },
      { path: "sundhedsraad/:id/aftaler/:agreementId", element: <AgreementPage /> },
      loggedIn(
        "klynger/:id/aftaler/:agreementId/rediger",
        <AgreementFormPage routeKind="sundhedsklynge" />,
      ),
      loggedIn(
        "sundhedsraad/:id/aftaler/:agreementId/rediger",
        <AgreementFormPage routeKind="sundhedsraad" />,
      ),
      { path: "klynger/:id/initiativer", element: <InitiativesPage routeKind="sundhedsklynge" /> },
      loggedIn("klynger/:id/initiativer/ny", <InitiativeFormPage routeKind="sundhedsklynge" />),
      { path: "klynger/:id/initiativer/:initiativeId", element: <InitiativePage /> },
      loggedIn(
        "klynger/:id/initiativer/:initiativeId/rediger",
        <InitiativeFormPage routeKind="sundhedsklynge" />,
      ),
      {
        path: "sundhedsraad/:id/initiativer",
        element: <InitiativesPage routeKind="sundhedsraad" />,
      },
      loggedIn("sundhedsraad/:id/initiativer/ny", <InitiativeFormPage routeKind="sundhedsraad" />),
      { path: "sundhedsraad/:id/initiativer/:initiativeId", element: <InitiativePage /> },
      loggedIn(
        "sundhedsraad/:id/initiativer/:initiativeId/rediger",
        <InitiativeFormPage routeKind="sundhedsraad" />,
      ),
      { path: "klynger/:id/moeder", element: <MeetingsPage routeKind="sundhedsklynge" /> },
      { path: "klynger/:id/moeder/:meetingId", element: <MeetingPage /> },
      { path: "klynger/:id/moeder/:meetingId/pakke", element: <MeetingPackPage /> },
      { path: "klynger/:id/moeder/:meetingId/rediger", element: <MeetingEditPage /> },
      { path: "sundhedsraad/:id/moeder", element: <MeetingsPage routeKind="sundhedsraad" /> },
      { path: "sundhedsraad/:id/moeder/:meetingId", element: <MeetingPage /> },
      { path: "sundhedsraad/:id/moeder/:meetingId/pakke", element: <MeetingPackPage /> },
      { path: "sundhedsraad/:id/moeder/:meetingId/rediger", element: <MeetingEditPage /> },
      { path: "kvalitet", element: <QualityPage /> },
      { path: "kvalitet/kommune/:code", element: <MunicipalityPage /> },
      { path: reformPath.slice(1), element: <ReformPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "ingen-adgang", element: <ForbiddenPage /> },
      loggedIn("mine-oplysninger/adgangslog", <AccessLogPage />),
      loggedIn("konto/adgangskode", <ChangePasswordPage />),
      loggedIn("mit-forloeb", <MyPathwayPage />),
      loggedIn("borgere/soeg", <CitizenSearchPage />),
      loggedIn("arbejdsliste", <WorklistPage />),
      loggedIn("indlagte", <InpatientsPage />),
      loggedIn("opfoelgning", <FollowUpsPage />),
      loggedIn("notifikationer", <NotificationsPage />),
      loggedIn("klynge/overdragelsesregler", <HandoverRulesPage />),
      loggedIn("borgere/:id/forloeb", <PathwayPage />),
      loggedIn("admin/brugere", <AdminUsersPage />),
      loggedIn("admin/beskeder", <MessagesPage />),
      loggedIn("admin/organisationer", <OrganisationUnitsPage />),
      loggedIn("admin/webhooks", <WebhooksPage />),
      loggedIn("admin/webhooks/:id", <WebhookDeliveriesPage />),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
