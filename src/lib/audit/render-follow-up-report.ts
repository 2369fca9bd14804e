// The follow-up report: where an audit's corrective actions stand on the day it is made, each
// with its full history. A separate signed PDF; the signed audit report itself never changes.
import { t, type Locale } from '../../i18n/index.ts';
import {
  badge,
  contentWidth,
  createPdfDocument,
  endPdfDocument,
  ensureSpace,
  finishPages,
  formatDate,
  formatDateTime,
  heading,
  keyValueRows,
  palette,
  paragraph,
  severityTone,
  strongText,
  table,
  type PdfDocument,
  type Tone,
} from '../reports/pdf-layout.ts';
import { signPdf } from '../reports/sign-pdf.ts';
import type { SigningIdentity } from '../reports/signing-identity.ts';
import type { LogHead } from '../log/current-log-head.ts';
import type { ActionStatus } from './action-transitions.ts';

export type FollowUpEvent = { at: Date; actor: string; kind: 'created' | 'status' | 'owner' | 'due' | 'comment' | 'evidence'; from: string | null; to: string | null; comment: string | null };
export type FollowUpAction = {
  ref: string;
  title: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  status: ActionStatus;
  owner: string | null;
  dueAt: Date;
  daysOverdue: number;
  /** The checklist item, in the audit's language; null for an action added by hand. */
  finding: string | null;
  note: string;
  events: FollowUpEvent[];
};
export type FollowUpReportInput = {
  locale: Locale;
  organisation: string;
  audit: { id: string; title: string; site: string | null; checklistTitle: string; checklistVersion: number; auditorName: string; signedAt: Date; reportCode: string | null };
  issuedAt: Date;
  issuedBy: string;
  closed: boolean;
  actions: FollowUpAction[];
  verificationCode: string;
  /** The audit log's head at signing (see log verify). */
  logHead?: LogHead;
};

type Lookup = (key: string, params?: Record<string, string | number>) => string;

const statusTone: Record<ActionStatus, Tone> = { open: 'bad', in_progress: 'warning', resolved: 'accent', verified: 'good' };

/** Renders and signs the follow-up report. */
export async function renderFollowUpReport(input: FollowUpReportInput, identity: SigningIdentity): Promise<Buffer> {
  return signPdf({ pdf: await layoutFollowUpReport(input, identity), identity });
}

/** Lays the report out with an empty signature placeholder; same input, same bytes. */
export function layoutFollowUpReport(input: FollowUpReportInput, signer: Pick<SigningIdentity, 'subjectCommonName'>): Promise<Buffer> {
  const l: Lookup = (key, params) => t(input.locale, key, params);
  const doc = createPdfDocument({ locale: input.locale, title: l('actions.pdf.documentTitle', { title: input.audit.title }), author: input.issuedBy, createdAt: input.issuedAt });
  drawCover(doc, input, l);
  drawSummary(doc, input, l);
  if (input.actions.length > 0) heading(doc, l('actions.pdf.histories'));
  for (const action of input.actions) drawHistory(doc, input, action, l);
  paragraph(doc, l('actions.pdf.digitalSignature', { signer: signer.subjectCommonName, date: formatDateTime(input.locale, input.issuedAt), code: input.verificationCode }), { size: 8.5, colour: palette.muted });

  const code = l('pdf.verificationCode', { code: input.verificationCode });
  finishPages(doc, {
    footer: (page, pages) => ({ left: `${input.organisation} · ${l('actions.pdf.kicker')} · ${code}`, right: l('pdf.page', { page: page + 1, pages }) }),
    header: (page) => (page === 0 ? null : `${input.audit.title} · ${l('actions.pdf.asOf', { date: formatDate(input.locale, input.issuedAt) })}`),
  });
  return endPdfDocument(doc, {
    signature: { reason: l('actions.pdf.signatureReason'), name: signer.subjectCommonName, location: input.audit.site ?? input.organisation, signingTime: input.issuedAt },
    logHead: input.logHead && { head: input.logHead, locale: input.locale },
  });
}

function drawCover(doc: PdfDocument, input: FollowUpReportInput, l: Lookup): void {
  const { audit } = input;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 8).fill(palette.accent);
  doc.fontSize(9).fillColor(palette.gold);
  doc.text(`${l('actions.pdf.kicker').toUpperCase()}  ·  ${input.organisation}`, left, 66, { width, characterSpacing: 1.2, lineBreak: false, ellipsis: true, height: 12 });
  doc.y = 86;
  heading(doc, audit.title, { level: 1 });
  paragraph(doc, l('actions.pdf.asOf', { date: formatDateTime(input.locale, input.issuedAt) }), { size: 11, colour: palette.muted, after: 14 });
  keyValueRows(doc, [
    [l('actions.pdf.auditId'), audit.id],
    [l('actions.pdf.checklist'), l('actions.pdf.checklistVersion', { title: audit.checklistTitle, version: audit.checklistVersion })],
    [l('actions.pdf.site'), audit.site ?? '—'],
    [l('actions.pdf.auditor'), audit.auditorName],
    [l('actions.pdf.auditSigned'), formatDateTime(input.locale, audit.signedAt)],
    [l('actions.pdf.originalReport'), audit.reportCode ?? '—'],
    [l('actions.pdf.issuedBy'), input.issuedBy],
  ]);

  // The state card: closed or not, and the count in each status.
  doc.y += 10;
  ensureSpace(doc, 90);
  const top = doc.y;
  const count = (s: ActionStatus) => input.actions.filter((a) => a.status === s).length;
  const overdue = input.actions.filter((a) => a.daysOverdue > 0).length;
  doc.roundedRect(left, top, width, 70, 6).fill(palette.accentSoft);
  doc.rect(left, top, 5, 70).fill(input.closed ? '#17663a' : '#a61b1b');
  doc.fontSize(14);
  strongText(doc, l(input.closed ? 'actions.pdf.closed' : 'actions.pdf.notClosed'), left + 20, top + 12, { width: width - 40, lineBreak: false, colour: palette.ink });
  doc.fontSize(9).fillColor(palette.muted);
  doc.text(l('actions.pdf.tally', { total: input.actions.length, open: count('open'), in_progress: count('in_progress'), resolved: count('resolved'), verified: count('verified'), overdue }), left + 20, top + 38, { width: width - 40, height: 26 });
  doc.y = top + 82;
  paragraph(doc, l('actions.pdf.verifyNote', { code: input.verificationCode }), { size: 8.5, colour: palette.muted, after: 4 });
}

function statusCell(l: Lookup, a: Pick<FollowUpAction, 'status' | 'daysOverdue'>): { text: string; badge: Tone } {
  const status = l(`actions.status.${a.status}`);
  return a.daysOverdue > 0 ? { text: `${status} · ${l('actions.pdf.overdueShort', { days: a.daysOverdue })}`, badge: 'bad' } : { text: status, badge: statusTone[a.status] };
}

function drawSummary(doc: PdfDocument, input: FollowUpReportInput, l: Lookup): void {
  heading(doc, l('actions.pdf.summary'));
  if (input.actions.length === 0) return paragraph(doc, l('actions.pdf.noActions'), { colour: palette.muted });
  table(doc, {
    columns: [
      { header: l('actions.pdf.col.action'), width: 4.3 },
      { header: l('actions.pdf.col.severity'), width: 1.1 },
      { header: l('actions.pdf.col.owner'), width: 1.7 },
      { header: l('actions.pdf.col.due'), width: 1.5 },
      { header: l('actions.pdf.col.status'), width: 2.2 },
    ],
    rows: input.actions.map((a) => [
      a.title,
      { text: l(`pdf.severity.${a.severity}`), badge: severityTone(a.severity) },
      a.owner ?? l('actions.pdf.unassigned'),
      formatDate(input.locale, a.dueAt),
      statusCell(l, a),
    ]),
  });
}

function describe(input: FollowUpReportInput, e: FollowUpEvent, l: Lookup): string {
  const status = (s: string | null) => (s ? l(`actions.status.${s}`) : '—');
  const day = (ms: string | null) => (ms && Number.isFinite(Number(ms)) ? formatDate(input.locale, new Date(Number(ms))) : '—');
  switch (e.kind) {
    case 'created': return l('actions.pdf.event.created');
    case 'status': return l('actions.pdf.event.status', { from: status(e.from), to: status(e.to) });
    case 'owner': return l('actions.pdf.event.owner', { from: e.from ?? l('actions.pdf.unassigned'), to: e.to ?? l('actions.pdf.unassigned') });
    case 'due': return l('actions.pdf.event.due', { from: day(e.from), to: day(e.to) });
    case 'evidence': return l('actions.pdf.event.evidence', { file: e.comment ?? '' });
    default: return l('actions.pdf.event.comment');
  }
}

function drawHistory(doc: PdfDocument, input: FollowUpReportInput, a: FollowUpAction, l: Lookup): void {
  // keep an action's heading, facts and the start of its history together
  ensureSpace(doc, 200);
  doc.y += 6;
  heading(doc, a.title, { level: 3 });
  const y = doc.y;
  const width = badge(doc, l(`actions.status.${a.status}`), statusTone[a.status], { x: doc.page.margins.left, y });
  badge(doc, l(`pdf.severity.${a.severity}`), severityTone(a.severity), { x: doc.page.margins.left + width + 6, y });
  doc.y = y + 18;
  doc.x = doc.page.margins.left;
  keyValueRows(doc, [
    [l('actions.pdf.col.owner'), a.owner ?? l('actions.pdf.unassigned')],
    [l('actions.pdf.col.due'), a.daysOverdue > 0 ? `${formatDate(input.locale, a.dueAt)} · ${l('actions.pdf.overdueDays', { days: a.daysOverdue })}` : formatDate(input.locale, a.dueAt)],
    [l('actions.pdf.finding'), a.finding ?? l('actions.pdf.manualFinding')],
    ...(a.note ? [[l('actions.pdf.note'), a.note] as [string, string]] : []),
  ], { size: 9 });
  table(doc, {
    size: 8,
    columns: [
      { header: l('actions.pdf.col.when'), width: 1.9 },
      { header: l('actions.pdf.col.who'), width: 1.7 },
      { header: l('actions.pdf.col.what'), width: 2.4 },
      { header: l('actions.pdf.col.comment'), width: 4 },
    ],
    // an evidence event keeps the file name in its comment; it is shown as what happened
    rows: a.events.map((e) => [formatDateTime(input.locale, e.at), e.actor, describe(input, e, l), e.kind === 'evidence' ? '' : (e.comment ?? '')]),
  });
}
