import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useMunicipalityGeo } from "../api/queries";
import type { BodyKind } from "../api/types";
import { ScrollableTable } from "../app/ScrollableTable";
import { Icon } from "../components/Icon";
import { Loading } from "../components/Loading";
import { ProblemAlert } from "../components/ProblemAlert";
import { formatDate, formatDateTime, formatNumber } from "../format";
import { qualityPath } from "../indicators/paths";
import { NotFoundPage } from "../pages/NotFoundPage";
import { bodyPath } from "../structure/paths";
import { CapacityImportForm } from "./CapacityImportForm";
import { CapacityMap } from "./CapacityMap";
import { CapacityRuleForm } from "./CapacityRuleForm";
import {
  type CapacityRow,
  type CapacityView,
  capacityCsvUrl,
  useCapacity,
  useCapacityText,
} from "./capacity-api";

type Judged = Pick<CapacityRow, "capacity" | "thin">;

/** The figure columns' count: practices to thin. */
const FIGURE_COLUMNS = 8;

function Figures({ area }: { area: Judged }) {
  const t = useCapacityText();
  const c = area.capacity;
  // No facts is no data: one cell saying so, never zeros nor a "not thin" judgement.
  if (c.practices === null) return <td colSpan={FIGURE_COLUMNS}>{t("capacity.noData")}</td>;
  const dates =
    c.oldestAsOf === null
      ? "–"
      : c.oldestAsOf === c.newestAsOf
        ? formatDate(c.oldestAsOf)
        : `${formatDate(c.oldestAsOf)} – ${formatDate(c.newestAsOf ?? c.oldestAsOf)}`;
  return (
    <>
      <td className="align-text-right">{formatNumber(c.practices)}</td>
      <td className="align-text-right">{formatNumber(c.doctors ?? 0)}</td>
      <td className="align-text-right">{formatNumber(c.listedPatients ?? 0)}</td>
      <td className="align-text-right">
        {c.patientsPerDoctor === null ? "–" : formatNumber(c.patientsPerDoctor)}
      </td>
      <td className="align-text-right">{formatNumber(c.closedPractices ?? 0)}</td>
      <td>{dates}</td>
      <td>
        {c.sources.map((s) => t(`capacity.sources.${s}`)).join(", ") || "–"}
        {c.synthetic && (
          <>
            {" "}
            <span className="badge badge-small badge-info">{t("capacity.syntheticTag")}</span>
          </>
        )}
      </td>
      <td>
        {area.thin ? (
          <span className="badge badge-small badge-warning">{t("capacity.thinTag")}</span>
        ) : (
          t("capacity.notThin")
        )}
      </td>
    </>
  );
}

function CapacityTable({ view }: { view: CapacityView }) {
  const t = useCapacityText();
  const caption = t("capacity.table.caption", { name: view.body.name });
  const head = [
    "practices",
    "doctors",
    "listedPatients",
    "perDoctor",
    "closed",
    "asOf",
    "source",
    "thin",
  ] as const;
  return (
    <ScrollableTable label={caption}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("capacity.table.municipality")}</th>
            {head.map((h, i) => (
              <th key={h} scope="col" className={i < 5 ? "align-text-right" : undefined}>
                {t(`capacity.table.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.municipalityCode}>
              <th scope="row">
                {r.municipalityName}
                {r.membership === "partial" ? ` ${t("capacity.table.partial")}` : ""}
              </th>
              <Figures area={r} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("capacity.table.total", { name: view.body.name })}</th>
            <Figures area={view.total} />
          </tr>
          <tr>
            <th scope="row">{t("capacity.table.region", { name: view.region.name })}</th>
            <Figures area={view.region} />
          </tr>
        </tfoot>
      </table>
    </ScrollableTable>
  );
}

/** A body's GP capacity: the map, the table with thin flags, the rule and the CSV download. */
export function CapacityPage({ routeKind }: { routeKind: BodyKind }) {
  const t = useCapacityText();
  const { t: tApp } = useTranslation();
  const { id = "" } = useParams();
  const query = useCapacity(id);
  const geo = useMunicipalityGeo();
  if (query.error instanceof ApiError && query.error.status === 404)
    return <NotFoundPage bodyId={id} bodyKind={routeKind} />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const view = query.data;
  const { body, threshold } = view;
  const synthetic = view.rows.some((r) => r.capacity.synthetic);
  const hasFacts = view.rows.some((r) => r.capacity.practices !== null);
  return (
    <>
      <title>{`${t("capacity.title")} – ${body.name}`}</title>
      <nav className="breadcrumbs" aria-label={t("capacity.breadcrumb")}>
        <ol className="breadcrumbs__list">
          <li className="breadcrumbs__list-item">
            <Link className="breadcrumbs__link" to="/">
              {tApp("nav.bodies")}
            </Link>
          </li>
          <li className="breadcrumbs__list-item">
            <Icon name="chevron-right" />
            <Link className="breadcrumbs__link" to={bodyPath(body.id, body.kind as BodyKind)}>
              {body.name}
            </Link>
          </li>
          <li className="breadcrumbs__list-item" aria-current="page">
            <Icon name="chevron-right" />
            {t("capacity.title")}
          </li>
        </ol>
      </nav>
      <h1>{t("capacity.title")}</h1>
      <p className="font-lead">
        {t("capacity.intro", {
          name: body.name,
          threshold: formatNumber(threshold.maxPatientsPerDoctor),
        })}
      </p>
      <p className="form-hint">{t("capacity.onDate", { date: formatDate(view.date) })}</p>
      {synthetic && (
        <div className="alert alert-info">
          <p className="alert-text">{t("capacity.syntheticNote")}</p>
        </div>
      )}
      {!hasFacts && <p>{t("capacity.none", { name: body.name })}</p>}
      {hasFacts && geo.data && (
        <CapacityMap
          geo={geo.data}
          rows={view.rows}
          label={t("capacity.mapLabel", { name: body.name })}
        />
      )}
      <CapacityTable view={view} />
      <p>
        <a className="function-link" href={capacityCsvUrl(body.id)} download>
          {t("capacity.download")}
        </a>
      </p>
      <p>
        <Link
          className="function-link"
          to={`${qualityPath}?tilknytning=practice&region=${encodeURIComponent(view.region.code)}`}
        >
          {t("capacity.qualityLink")}
        </Link>
      </p>
      <h2>{t("capacity.rule.heading")}</h2>
      <p>
        {t("capacity.rule.current", { threshold: formatNumber(threshold.maxPatientsPerDoctor) })}{" "}
        {threshold.isDefault
          ? t("capacity.rule.default")
          : threshold.setAt
            ? t("capacity.rule.setAt", { date: formatDateTime(threshold.setAt) })
            : ""}
      </p>
      {view.may.setRule && (
        <>
          <CapacityRuleForm view={view} />
          <h2>{t("capacity.import.heading")}</h2>
          <CapacityImportForm bodyId={body.id} />
        </>
      )}
    </>
  );
}
