import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "../api/client";
import { problemDetail } from "../api/problem-text";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { ChooseMembership } from "./ChooseMembership";
import { ForbiddenPage } from "./ForbiddenPage";
import { useMe } from "./session-api";

/** Renders its children for a logged-in user acting in a membership; otherwise login or choice. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.user.kind === "staff" && !me.data.activeMembershipId) {
    return <ChooseMembership me={me.data} />;
  }
  return <>{children}</>;
}

/** Shows a 403 answer as the forbidden page, and any other error as an alert. */
export function ErrorOrForbidden({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <ForbiddenPage requestId={error.problem.requestId} reason={problemDetail(t, error.problem)} />
    );
  }
  return <ProblemAlert error={error} onRetry={onRetry} />;
}
