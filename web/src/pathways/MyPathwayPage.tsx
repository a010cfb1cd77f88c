import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { ErrorOrForbidden } from "../access/RequireLogin";
import { getJson } from "../api/client";
import { Loading } from "../components/Loading";

/**
 * "Mit forløb": a citizen goes straight to their own course of care; a
 * relative chooses among the citizens who gave them consent.
 */
export function MyPathwayPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ["me", "citizens"],
    queryFn: ({ signal }) => getJson<{ id: string }[]>("/api/me/citizens", signal),
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError)
    return <ErrorOrForbidden error={mine.error} onRetry={() => void mine.refetch()} />;
  const [only, ...more] = mine.data;
  if (only && more.length === 0) return <Navigate to={`/borgere/${only.id}/forloeb`} replace />;
  return (
    <>
      <title>{`${t("myPathway.title")} – ${t("app.name")}`}</title>
      <h1>{t("myPathway.title")}</h1>
      {mine.data.length === 0 ? (
        <p>{t("myPathway.none")}</p>
      ) : (
        <>
          <p>{t("myPathway.choose")}</p>
          <ul>
            {mine.data.map((c) => (
              <li key={c.id}>
                <CitizenLink id={c.id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function CitizenLink({ id }: { id: string }) {
  const citizen = useQuery({
    queryKey: ["citizen", id],
    queryFn: ({ signal }) => getJson<{ name: string }>(`/api/citizens/${id}`, signal),
  });
  return <Link to={`/borgere/${id}/forloeb`}>{citizen.data?.name ?? "…"}</Link>;
}
