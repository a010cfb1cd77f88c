import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ScrollableTable } from "../app/ScrollableTable";
import { useIndicators } from "../indicators/api";
import { qualityPath } from "../indicators/paths";
import { local } from "../indicators/text";
import type { AgreementStatus } from "./api";
import { InitiativeStatusTag } from "./InitiativeStatusTag";
import type { InitiativeStatus } from "./initiative-api";
import { type LedgerParty, type LedgerRow, type LedgerView, useLedgerText } from "./ledger-api";
import { formatFte, formatKroner } from "./money";
import { agreementPath, initiativePath } from "./paths";
import { StatusTag } from "./StatusTag";
import { useAgreementText } from "./text";

/** A sector's name (the agreements' words), or "unknown" for an initiative party not read. */
function useSectorName() {
  const t = useLedgerText();
  const tAgreements = useAgreementText();
  return (sector: LedgerParty["sector"]) =>
    sector === null ? t("ledger.unknownSector") : tAgreements(`agreements.sectors.${sector}`);
}

function usePartyName() {
  const sectorName = useSectorName();
  return (p: LedgerParty) => p.organisation ?? sectorName(p.sector);
}

const money = (ore: number | null) => (ore === null ? "–" : formatKroner(ore));
const fte = (h: number | null) => (h === null ? "–" : formatFte(h));

export function PartyTable({ view }: { view: LedgerView }) {
  const t = useLedgerText();
  const sectorName = useSectorName();
  const partyName = usePartyName();
  const caption = t("ledger.parties.caption", { year: view.year });
  return (
    <ScrollableTable label={caption}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ledger.parties.party")}</th>
            <th scope="col">{t("ledger.parties.sector")}</th>
            <th scope="col" className="align-text-right">
              {t("ledger.parties.amount")}
            </th>
            <th scope="col" className="align-text-right">
              {t("ledger.parties.fte")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.parties.map((p) => (
            <tr key={`${p.party.sector}|${p.party.organisation}`}>
              <th scope="row">{partyName(p.party)}</th>
              <td>{sectorName(p.party.sector)}</td>
              <td className="align-text-right">{money(p.amountOre)}</td>
              <td className="align-text-right">{fte(p.fteYearHundredths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export function FlowTable({ view }: { view: LedgerView }) {
  const t = useLedgerText();
  const sectorName = useSectorName();
  const caption = t("ledger.flows.caption", { year: view.year });
  if (view.flows.length === 0) return <p>{t("ledger.flows.none", { year: view.year })}</p>;
  return (
    <ScrollableTable label={caption}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ledger.flows.from")}</th>
            <th scope="col">{t("ledger.flows.to")}</th>
            <th scope="col" className="align-text-right">
              {t("ledger.parties.amount")}
            </th>
            <th scope="col" className="align-text-right">
              {t("ledger.parties.fte")}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.flows.map((f) => (
            <tr key={`${f.from}→${f.to}`}>
              <th scope="row">{sectorName(f.from)}</th>
              <td>{sectorName(f.to)}</td>
              <td className="align-text-right">{money(f.amountOre)}</td>
              <td className="align-text-right">{fte(f.fteYearHundredths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Each indicator the row should move, linked to its page on Kvalitet. */
function Indicators({ ids }: { ids: string[] }) {
  const { i18n } = useTranslation();
  const indicators = useIndicators().data?.indicators ?? [];
  const language = i18n.language === "en" ? "en" : "da";
  return (
    <ul className="nobullet-list">
      {ids.map((id) => {
        const d = indicators.find((i) => i.id === id);
        return (
          <li key={id}>
            <Link to={`${qualityPath}?indikator=${encodeURIComponent(id)}`}>
              {d ? local(d.title, language) : id}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Source({ row, body }: { row: LedgerRow; body: LedgerView["body"] }) {
  const t = useLedgerText();
  const to =
    row.source === "agreement"
      ? agreementPath(body.id, body.kind, row.id)
      : initiativePath(body.id, body.kind, row.id);
  return (
    <th scope="row">
      <span className="form-hint">{t(`ledger.rows.${row.source}`)}</span>
      <br />
      <Link to={to}>{row.title}</Link>
      {row.task && (
        <>
          <br />
          {row.task}
        </>
      )}
    </th>
  );
}

export function RowTable({ view }: { view: LedgerView }) {
  const t = useLedgerText();
  const partyName = usePartyName();
  const caption = t("ledger.rows.caption", { year: view.year });
  const head = ["status", "direction", "amount", "fte", "days", "indicators"] as const;
  return (
    <ScrollableTable label={caption}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ledger.rows.source")}</th>
            {head.map((h) => (
              <th
                key={h}
                scope="col"
                className={h === "amount" || h === "fte" ? "align-text-right" : undefined}
              >
                {t(`ledger.rows.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the ledger
            <tr key={i}>
              <Source row={r} body={view.body} />
              <td>
                {r.source === "agreement" ? (
                  <StatusTag status={r.status as AgreementStatus} />
                ) : (
                  <InitiativeStatusTag status={r.status as InitiativeStatus} />
                )}
              </td>
              <td>
                {r.direction === "transferred" && r.to
                  ? t("ledger.rows.transferred", { from: partyName(r.party), to: partyName(r.to) })
                  : t("ledger.rows.committed", { party: partyName(r.party) })}
              </td>
              <td className="align-text-right">{money(r.amountOre)}</td>
              <td className="align-text-right">{fte(r.fteYearHundredths)}</td>
              <td>{t("ledger.rows.ofDays", { days: r.days, of: r.daysInYear })}</td>
              <td>
                <Indicators ids={r.indicatorIds} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
