import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { getJson } from "../api/client";
import { ScrollableTable } from "../app/ScrollableTable";
import { Loading } from "../components/Loading";
import {
  handoverReason,
  nameOnly,
  purposeLabel,
  relationLabel,
  roleLabel,
  userKindLabel,
  whatLabel,
} from "./labels";
import { ErrorOrForbidden } from "./RequireLogin";

type Entry = {
  at: string;
  actorKind: string;
  userName: string | null;
  organisationName: string | null;
  role: string | null;
  action: string;
  resource: string;
  outcome: string;
  relation: string | null;
  purpose: string | null;
  breakGlass: boolean;
  breakGlassReason: string | null;
  /** A body's coordinators read: the kind of body, to name them ("Klyngens koordinator"). */
  bodyKind: "sundhedsklynge" | "sundhedsraad" | null;
  /** Set when the reader's role was granted by an administrator, not the ordinary way. */
  roleGrantedByAdministrator: { organisationName: string | null; at: string } | null;
};

/** "Hvem har set mine oplysninger": the citizen's own view of the audit log. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const log = useQuery({
    queryKey: ["access-log"],
    queryFn: ({ signal }) => getJson<Entry[]>("/api/me/access-log", signal),
  });
  const when = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "da-DK", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Copenhagen",
  });
  const day = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "da-DK", {
    dateStyle: "medium",
    timeZone: "Europe/Copenhagen",
  });
  return (
    <>
      <title>{`${t("accessLog.title")} – ${t("app.name")}`}</title>
      <h1>{t("accessLog.title")}</h1>
      <p className="font-lead">{t("accessLog.intro")}</p>
      {log.isPending && <Loading />}
      {log.isError && <ErrorOrForbidden error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && log.data.length === 0 && <p>{t("accessLog.empty")}</p>}
      {log.data && log.data.length > 0 && (
        <ScrollableTable label={t("accessLog.title")}>
          <table className="table table--zebra access-log">
            <caption className="sr-only">{t("accessLog.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accessLog.when")}</th>
                <th scope="col">{t("accessLog.who")}</th>
                <th scope="col">{t("accessLog.where")}</th>
                <th scope="col">{t("accessLog.what")}</th>
                <th scope="col">{t("accessLog.why")}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((e) => (
                <tr key={`${e.at}-${e.action}-${e.resource}-${e.userName ?? ""}`}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>{e.userName ?? userKindLabel(t, e.actorKind)}</td>
                  <td>
                    {e.organisationName ?? "–"}
                    {e.role && <span className="d-block">{roleLabel(t, e.role)}</span>}
                    {e.roleGrantedByAdministrator && (
                      <span className="d-block role-granted">
                        {t("accessLog.roleGranted", {
                          organisation: e.roleGrantedByAdministrator.organisationName ?? "–",
                          date: day.format(new Date(e.roleGrantedByAdministrator.at)),
                        })}
                      </span>
                    )}
                  </td>
                  <td>
                    {whatLabel(t, e.action, e.resource)}
                    {e.outcome === "denied" && (
                      <span className="badge badge-small denied-badge">
                        {t("accessLog.denied")}
                      </span>
                    )}
                  </td>
                  <td>
                    {e.breakGlass ? (
                      <>
                        <span className="badge badge-small break-glass-badge">
                          {t("accessLog.breakGlass")}
                        </span>{" "}
                        {e.breakGlassReason}
                      </>
                    ) : (
                      <Reason entry={e} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}

/** Why someone could read: the purpose they gave, else what their relation is. */
function Reason({ entry: e }: { entry: Entry }) {
  const { t } = useTranslation();
  const handover = handoverReason(t, e);
  if (e.purpose) return <>{purposeLabel(t, e.purpose)}</>;
  if (!handover) return <>{e.relation ? relationLabel(t, e.relation) : "–"}</>;
  return (
    <>
      {handover}
      {nameOnly(e.relation) && <span className="d-block form-hint">{t("accessLog.nameOnly")}</span>}
    </>
  );
}
