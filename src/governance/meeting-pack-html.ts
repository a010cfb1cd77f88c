import type { MeetingPack } from "./meeting-pack.ts";

/**
 * The pack as one printable HTML page in Danish, for the PDF: simple
 * templates where every value passes `escapeHtml`. No script, no outside
 * resource: the page is printed as it is.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A date YYYY-MM-DD as Danish "3.12.2026". */
const dkDate = (iso: string | null) =>
  iso ? `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}` : "";

const oneDecimal = (n: number) =>
  new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

/** A figure as the dashboard writes it: a share (a fraction) in per cent, hours with "t". */
export function dkValue(value: number, valueKind: string): string {
  if (valueKind === "share") return `${oneDecimal(value * 100)}\u00a0%`;
  if (valueKind === "hours") return `${oneDecimal(value)} t`;
  return oneDecimal(value);
}

const UNIT: Record<string, string> = { share: "andel", "per-1000": "pr. 1.000", hours: "timer" };
const SECTOR: Record<string, string> = {
  municipality: "kommune",
  "general-practice": "almen praksis",
};
const MONTHS = "jan feb mar apr maj jun jul aug sep okt nov dec".split(" ");

/** A month YYYY-MM as "okt. 26", short enough for twelve columns on A4. */
const dkMonth = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1] ?? m}. ${m.slice(2, 4)}`;

const STATUS: Record<string, string> = {
  draft: "Udkast",
  consultation: "I høring",
  approved: "Godkendt",
  adopted: "Vedtaget",
  "in-force": "I kraft",
  ended: "Ophørt",
  planned: "Planlagt",
  running: "I gang",
  finished: "Afsluttet",
  held: "Afholdt",
};

const row = (cells: string[], head = false) =>
  `<tr>${cells.map((c) => (head ? `<th>${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`;

function figures(p: MeetingPack): string {
  const head = row(["Indikator", ...p.months.map((m) => escapeHtml(dkMonth(m)))], true);
  const body = p.indicators.map((i) => {
    const about = [UNIT[i.valueKind] ?? i.valueKind, i.sector ? SECTOR[i.sector] : null]
      .filter(Boolean)
      .join(", ");
    return row([
      `${escapeHtml(i.title.da)} <span class="hint">(${escapeHtml(about)})</span>`,
      ...p.months.map((m) => {
        const f = i.figures.find((x) => x.period === m);
        if (!f || (f.value === null && !f.suppressed)) return "–";
        return f.suppressed ? "skjult" : escapeHtml(dkValue(f.value ?? 0, i.valueKind));
      }),
    ]);
  });
  const since = p.since
    ? `Tal siden sidste møde den ${escapeHtml(dkDate(p.since.date))}`
    : "Tal for de seneste måneder (intet tidligere møde)";
  const note =
    '<p class="hint">Alle indikatorerne fra klyngens eller rådets overblik, efter borgernes bopæl. – : ingen tal. skjult: for få til at vise.</p>';
  return `<h2>${since}</h2>${note}<table class="figures">${head}${body.join("")}</table>`;
}

function work(title: string, rows: MeetingPack["agreements"]): string {
  const head = row([title, "Status", "Version", "Ændret", "Periode"], true);
  const body = rows.map((r) =>
    row([
      escapeHtml(r.title),
      escapeHtml(STATUS[r.status] ?? r.status),
      escapeHtml(r.version),
      escapeHtml(dkDate(r.changedAt.slice(0, 10))),
      escapeHtml([r.start, r.end].filter(Boolean).map(dkDate).join(" – ")),
    ]),
  );
  return `<h3>${escapeHtml(title)}</h3><table>${head}${body.join("")}</table>`;
}

function unresolved(p: MeetingPack): string {
  const { count, groups } = p.unresolved;
  const lead = `<p>${count === 0 ? "Ingen uafklarede overdragelser." : `${escapeHtml(count)} uafklarede overdragelser.`}</p>`;
  if (!groups || groups.length === 0) return `<h2>Uafklarede overdragelser</h2>${lead}`;
  const head = row(["Modtager", "Udskrivende sygehus", "Antal"], true);
  const body = groups.map((g) =>
    row([escapeHtml(g.receiver), escapeHtml(g.hospital), escapeHtml(g.count)]),
  );
  return `<h2>Uafklarede overdragelser</h2>${lead}<table>${head}${body.join("")}</table>`;
}

function agenda(p: MeetingPack): string {
  const items = p.agenda.map((a) => {
    const kind = a.subject?.kind === "initiative" ? "initiativet" : "aftalen";
    const concerns = a.subjectTitle
      ? `<p class="hint">Vedrører ${kind}: ${escapeHtml(a.subjectTitle)}</p>`
      : "";
    return `<li><strong>${escapeHtml(a.title)}</strong>${a.text ? `<p>${escapeHtml(a.text)}</p>` : ""}${concerns}</li>`;
  });
  const attendees = p.attendees
    ? `<h2>Deltagere</h2><ul>${p.attendees.map((a) => `<li>${escapeHtml(a.name)}, ${escapeHtml(a.organisation)}</li>`).join("")}</ul>`
    : "";
  return `<h2>Dagsorden</h2><ol>${items.join("")}</ol>${attendees}`;
}

const STYLE = `body{font-family:sans-serif;font-size:11pt;margin:0;color:#1a1a1a}
h1{font-size:18pt}h2{font-size:14pt;margin-top:18pt}h3{font-size:12pt}
table{border-collapse:collapse;width:100%;margin:6pt 0}th,td{border:1px solid #999;padding:3pt 5pt;text-align:left;font-size:9.5pt}
th{background:#eee}.hint{color:#555;font-size:9pt}
table.figures th,table.figures td{font-size:8pt;padding:2pt 3pt}table.figures td{text-align:right;white-space:nowrap}
table.figures td:first-child{text-align:left;white-space:normal}`;

export function packHtml(p: MeetingPack): string {
  const variant = p.publicOnly
    ? '<p class="hint">Den offentlige udgave: uden lukkede punkter, ikke-offentlige aftaler og initiativer og uden sagsdetaljer.</p>'
    : "";
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Mødepakke – ${escapeHtml(p.meeting.title)}</title><style>${STYLE}</style></head><body>
<h1>Mødepakke: ${escapeHtml(p.meeting.title)}, ${escapeHtml(dkDate(p.meeting.date))}</h1>
<p class="hint">${escapeHtml(p.body.name)} · samlet ${escapeHtml(p.generatedAt.slice(0, 16).replace("T", " "))} UTC</p>
${variant}${figures(p)}<h2>Aftaler og initiativer</h2>${work("Aftaler", p.agreements)}${work("Initiativer", p.initiatives)}${unresolved(p)}${agenda(p)}
</body></html>`;
}
