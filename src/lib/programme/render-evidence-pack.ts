// The evidence pack as a signed PDF: training at the end date and its trend, overdue people,
// audits signed in the period, corrective actions opened and closed with their ages, and open
// critical findings. Laid out with the shared toolkit; same input, same bytes before signing.
import { t, type Locale } from '../../i18n/index.ts';
import { drawTrainingFigures } from '../reports/draw-training-figures.ts';
import { contentWidth, createPdfDocument, endPdfDocument, ensureSpace, finishPages, formatDate, formatDateTime, heading, keyValueRows, palette, paragraph, severityTone, table, type PdfDocument } from '../reports/pdf-layout.ts';
import { signPdf } from '../reports/sign-pdf.ts';
import type { SigningIdentity } from '../reports/signing-identity.ts';
import type { LogHead } from '../log/current-log-head.ts';
import type { EvidencePackData, PackAction } from './collect-evidence-pack.ts';
import { sampleDays } from './trends.ts';

export type EvidencePackInput = EvidencePackData & { locale: Locale; organisation: string; issuedAt: number; issuedBy: string; verificationCode: string; /** The audit log's head the pack anchors. */ logHead?: LogHead };
type Lookup = (key: string, params?: Record<string, string | number>) => string;

const TREND_COLOURS = ['#1f3a5f', '#a8843a', '#17663a', '#a61b1b', '#6b3fa0'];

/** Renders and signs the pack. */
export async function renderEvidencePack(input: EvidencePackInput, identity: SigningIdentity): Promise<Buffer> {
  return signPdf({ pdf: await layoutEvidencePack(input, identity), identity });
}

/** The unsigned layout with its signature placeholder. */
export function layoutEvidencePack(input: EvidencePackInput, signer: Pick<SigningIdentity, 'subjectCommonName'>): Promise<Buffer> {
  const l: Lookup = (key, params) => t(input.locale, key, params);
  const day = (ms: number) => formatDate(input.locale, new Date(ms));
  const title = l('programme.pack.documentTitle', { from: input.from, to: input.to });
  const doc = createPdfDocument({ locale: input.locale, title, author: input.issuedBy, createdAt: new Date(input.issuedAt) });
  const left = doc.page.margins.left;
  doc.rect(0, 0, doc.page.width, 8).fill(palette.accent);
  doc.fontSize(9).fillColor(palette.gold).text(`${l('programme.pack.kicker').toUpperCase()}  ·  ${input.organisation}`, left, 66, { width: contentWidth(doc), lineBreak: false, ellipsis: true, height: 12 });
  doc.y = 86;
  heading(doc, title, { level: 1 });
  keyValueRows(doc, [
    [l('programme.pack.period'), `${input.from} – ${input.to}`],
    [l('programme.pack.asOf'), formatDateTime(input.locale, new Date(input.asOf))],
    [l('programme.pack.issuedBy'), input.issuedBy],
    [l('programme.pack.issuedAt'), formatDateTime(input.locale, new Date(input.issuedAt))],
    [l('programme.pack.verificationCode'), input.verificationCode],
  ]);
  paragraph(doc, l('programme.pack.verifyNote', { code: input.verificationCode }), { size: 8.5, colour: palette.muted });

  heading(doc, l('programme.pack.training'));
  paragraph(doc, l(`programme.pack.trainingSource.${input.trainingSource}`, { date: formatDateTime(input.locale, new Date(input.training.asOf)) }), { size: 9, colour: palette.muted });
  drawTrainingFigures(doc, input.locale, input.training);

  heading(doc, l('programme.pack.trend'));
  const overall = input.trend.find((s) => s.course === '*');
  if (!overall || overall.points.length === 0) paragraph(doc, l('programme.pack.noTrend'), { colour: palette.muted });
  else {
    drawTrendChart(doc, input, l);
    const series = input.trend;
    const name = (s: (typeof series)[number]) => (s.course === '*' ? l('programme.allCourses') : s.title);
    table(doc, {
      size: 7.8,
      columns: [{ header: l('programme.pack.col.day'), width: 1.6 }, ...series.map((s) => ({ header: name(s), width: 1.6, align: 'right' as const }))],
      rows: sampleDays(overall.points.map((p) => p.day), 16).map((d) => [d, ...series.map((s) => { const p = s.points.find((x) => x.day === d); return p ? `${p.completedPct}%` : '—'; })]),
    });
  }

  heading(doc, l('programme.pack.overdue', { n: input.overdue.total }));
  if (input.overdue.total === 0) paragraph(doc, l('programme.pack.noOverdue'), { colour: palette.muted });
  else {
    const titles = new Map(input.training.courses.map((c) => [c.slug, c.title]));
    if (input.overdue.total > input.overdue.rows.length) paragraph(doc, l('programme.pack.overdueCut', { shown: input.overdue.rows.length, total: input.overdue.total }), { size: 9, colour: palette.muted });
    // thousands of rows: one line each, drawn without measuring (the shared table measures every cell)
    compactTable(doc, [l('programme.pack.col.person'), l('programme.pdf.col.department'), l('programme.pack.col.course'), l('programme.pack.col.due')], [3.2, 1.8, 2, 1.4],
      input.overdue.rows.map((r) => [`${r.name} <${r.email}>`, r.department ?? l('programme.noDepartment'), titles.get(r.course) ?? r.course, day(r.dueAt)]));
  }

  heading(doc, l('programme.pack.audits', { n: input.audits.length }));
  if (input.audits.length === 0) paragraph(doc, l('programme.pack.noAudits'), { colour: palette.muted });
  else
    table(doc, {
      size: 7.8,
      columns: [{ header: l('programme.pack.col.audit'), width: 3 }, { header: l('programme.pack.col.site'), width: 1.6 }, { header: l('programme.pack.col.signed'), width: 1.6 }, { header: l('programme.pack.col.score'), width: 0.9, align: 'right' }, { header: l('programme.pack.col.code'), width: 1.9 }],
      rows: input.audits.map((a) => [`${a.title}\n${a.checklistTitle} · ${a.auditorName}`, a.site ?? '—', day(a.signedAt), a.score === null ? '—' : `${a.score}%`, a.verificationCode ?? '—']),
    });

  drawActions(doc, l('programme.pack.actionsOpened', { n: input.actionsOpened.length }), input.actionsOpened, input, l);
  drawActions(doc, l('programme.pack.actionsClosed', { n: input.actionsClosed.length }), input.actionsClosed, input, l);
  drawActions(doc, l('programme.pack.openCritical', { n: input.openCritical.length }), input.openCritical, input, l);

  ensureSpace(doc, 60);
  doc.y += 10;
  paragraph(doc, l('programme.pack.digitalSignature', { signer: signer.subjectCommonName, date: formatDateTime(input.locale, new Date(input.issuedAt)), code: input.verificationCode }), { size: 8.5, colour: palette.muted });
  const code = l('pdf.verificationCode', { code: input.verificationCode });
  finishPages(doc, {
    footer: (page, pages) => ({ left: `${input.organisation} · ${l('programme.pack.kicker')} · ${code}`, right: l('pdf.page', { page: page + 1, pages }) }),
    header: (page) => (page === 0 ? null : title),
  });
  return endPdfDocument(doc, {
    signature: { reason: l('programme.pack.signatureReason'), name: signer.subjectCommonName, location: input.organisation, signingTime: new Date(input.issuedAt) },
    logHead: input.logHead && { head: input.logHead, locale: input.locale },
  });
}

function drawActions(doc: PdfDocument, title: string, actions: PackAction[], input: EvidencePackInput, l: Lookup): void {
  heading(doc, title);
  if (actions.length === 0) return paragraph(doc, l('programme.pack.none'), { colour: palette.muted });
  const day = (ms: number) => formatDate(input.locale, new Date(ms));
  table(doc, {
    size: 7.8,
    columns: [{ header: l('programme.pack.col.action'), width: 3.6 }, { header: l('programme.pack.col.severity'), width: 1.1 }, { header: l('programme.pack.col.opened'), width: 1.5 }, { header: l('programme.pack.col.closed'), width: 1.5 }, { header: l('programme.pack.col.age'), width: 1, align: 'right' }],
    rows: actions.map((a) => [a.title, { text: l(`pdf.severity.${a.severity}`), badge: severityTone(a.severity) }, day(a.createdAt), a.closedAt ? day(a.closedAt) : l('programme.pack.stillOpen'), l('programme.pack.days', { n: a.ageDays })]),
  });
}

/** A long list as single-line rows at a fixed height, text cut to its column; the header repeats on each page. */
function compactTable(doc: PdfDocument, headers: string[], weights: number[], rows: string[][]): void {
  const size = 7.4;
  const rowH = 11;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const header = () => {
    const y = doc.y;
    doc.rect(left, y, width, rowH + 2).fill(palette.accent);
    doc.fontSize(size).fillColor('#ffffff');
    headers.forEach((h, i) => doc.text(h, xs[i]! + 4, y + 2.5, { width: widths[i]! - 8, height: rowH, lineBreak: false, ellipsis: true }));
    doc.y = y + rowH + 2;
  };
  ensureSpace(doc, 3 * rowH);
  header();
  rows.forEach((cells, n) => {
    if (doc.y + rowH > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    if (n % 2 === 1) doc.rect(left, y, width, rowH).fill(palette.faint);
    doc.fillColor(palette.ink);
    cells.forEach((c, i) => doc.text(c, xs[i]! + 4, y + 2, { width: widths[i]! - 8, height: rowH, lineBreak: false, ellipsis: true }));
    doc.y = y + rowH;
  });
  doc.x = left;
  doc.y += 8;
}

/** Completion over time as vector lines: the overall series bold, each course thin. */
function drawTrendChart(doc: PdfDocument, input: EvidencePackInput, l: Lookup): void {
  ensureSpace(doc, 210);
  const left = doc.page.margins.left + 30;
  const width = contentWidth(doc) - 40;
  const top = doc.y + 6;
  const height = 130;
  const xs = input.trend.flatMap((s) => s.points.map((p) => p.at));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const px = (x: number) => left + (x1 === x0 ? width / 2 : ((x - x0) / (x1 - x0)) * width);
  const py = (y: number) => top + height - (y / 100) * height;
  doc.fontSize(7).fillColor(palette.muted);
  for (const y of [0, 50, 100]) {
    doc.moveTo(left, py(y)).lineTo(left + width, py(y)).lineWidth(0.4).strokeColor(palette.rule).stroke();
    doc.text(`${y}%`, left - 28, py(y) - 4, { width: 24, align: 'right', lineBreak: false });
  }
  doc.text(input.trend[0]!.points[0]?.day ?? '', left, top + height + 4, { width: 80, lineBreak: false });
  doc.text(input.trend[0]!.points.at(-1)?.day ?? '', left + width - 80, top + height + 4, { width: 80, align: 'right', lineBreak: false });
  input.trend.forEach((s, i) => {
    const colour = TREND_COLOURS[i % TREND_COLOURS.length]!;
    const pts = s.points;
    if (pts.length === 1) doc.circle(px(pts[0]!.at), py(pts[0]!.completedPct), 2).fill(colour);
    pts.forEach((p, j) => (j === 0 ? doc.moveTo(px(p.at), py(p.completedPct)) : doc.lineTo(px(p.at), py(p.completedPct))));
    if (pts.length > 1) doc.lineWidth(s.course === '*' ? 2 : 1).strokeColor(colour).stroke();
  });
  // legend
  // legend: entries left to right, wrapping onto a new line when the next would run past the margin
  let lx = left;
  let ly = top + height + 16;
  doc.fontSize(7.5);
  input.trend.forEach((s, i) => {
    const label = s.course === '*' ? l('programme.allCourses') : s.title;
    const w = 24 + doc.widthOfString(label);
    if (lx > left && lx + w > left + width) {
      lx = left;
      ly += 12;
    }
    doc.rect(lx, ly + 2, 10, 3).fill(TREND_COLOURS[i % TREND_COLOURS.length]!);
    doc.fillColor(palette.ink).text(label, lx + 14, ly, { lineBreak: false });
    lx += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = ly + 18;
}
