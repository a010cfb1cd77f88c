import { createBrowserRouter } from "react-router";
import { AccessLogPage } from "../access/AccessLogPage";
import { AdminUsersPage } from "../access/AdminUsersPage";
import { ForbiddenPage } from "../access/ForbiddenPage";
import { LoginPage } from "../access/LoginPage";
import { RequireLogin } from "../access/RequireLogin";
import { ClusterPage } from "../pages/ClusterPage";
import { ClustersPage } from "../pages/ClustersPage";
import { NotFoundPage } from "../pages/NotFoundPage";
import { Layout } from "./Layout";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <ClustersPage /> },
      { path: "klynger/:id", element: <ClusterPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "ingen-adgang", element: <ForbiddenPage /> },
      {
        path: "mine-oplysninger/adgangslog",
        element: (
          <RequireLogin>
            <AccessLogPage />
          </RequireLogin>
        ),
      },
      {
        path: "admin/brugere",
        element: (
          <RequireLogin>
            <AdminUsersPage />
          </RequireLogin>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
