import { t, type Locale } from '../../i18n/index.ts';
import {
  contentWidth,
  createPdfDocument,
  endPdfDocument,
  ensureSpace,
  finishPages,
  formatBytes,
  formatDate,
  formatDateTime,
  formatPercent,
  heading,
  keyValueRows,
  palette,
  paragraph,
  plain,
  resultTone,
  severityTone,
  strongText,
  table,
  type PdfDocument,
  type TableRow,
} from './pdf-layout.ts';
import { signPdf } from './sign-pdf.ts';
import type { SigningIdentity } from './signing-identity.ts';
import type { LogHead } from '../log/current-log-head.ts';
import type { TrainingFigures } from '../programme/training-figures.ts';
import { drawTrainingFigures } from './draw-training-figures.ts';

export type AuditItemResult = 'pass' | 'partial' | 'fail' | 'na';
export type AuditSeverity = 'low' | 'medium' | 'high' | 'critical';

export type AuditReportInput = {
  locale: Locale;
  organisation: string;
  audit: {
    id: string | number;
    title: string;
    site: string | null;
    checklistTitle: string;
    checklistVersion: number | string;
    auditorName: string;
    startedAt: Date;
    signedAt: Date;
    statement: string;
    /** The auditor's drawn signature, PNG. */
    signatureImagePng?: Buffer;
  };
  /** Score in percent; null when nothing was scorable. `verdict` is shown as given. */
  overall: { score: number | null; verdict: string };
  sections: Array<{ id: string; title: string; score: number | null; answered: number; total: number }>;
  findings: Array<{ sectionTitle: string; itemId: string; itemText: string; result: 'fail' | 'partial'; severity: AuditSeverity; note: string | null }>;
  actions: Array<{ title: string; severity: AuditSeverity; dueAt: Date | null; owner: string | null }>;
  items: Array<{ sectionTitle: string; itemId: string; text: string; result: AuditItemResult | null; note: string | null }>;
  evidence: Array<{ itemId: string; fileName: string; sha256: string; bytes: number }>;
  verificationCode: string;
  /** The audit log's head at signing (see log verify). */
  logHead?: LogHead;
  /** Training figures frozen at signing, printed as evidence for the items they concern. */
  training?: (TrainingFigures & { items: string[] }) | null;
};

type Lookup = (key: string, params?: Record<string, string | number>) => string;

/** Renders the signed audit report: cover, section summary, findings, actions, all items, evidence, signature. */
export async function renderAuditReport(input: AuditReportInput, identity: SigningIdentity): Promise<Buffer> {
  return signPdf({ pdf: await layoutAuditReport(input, identity), identity });
}

/** Lays the report out as an unsigned PDF with an empty signature placeholder; same input, same bytes. */
export function layoutAuditReport(input: AuditReportInput, signer: Pick<SigningIdentity, 'subjectCommonName'>): Promise<Buffer> {
  const l: Lookup = (key, params) => t(input.locale, key, params);
  const doc = createPdfDocument({
    locale: input.locale,
    title: l('pdf.audit.documentTitle', { title: input.audit.title }),
    author: input.audit.auditorName,
    subject: l('pdf.audit.checklistVersion', { title: input.audit.checklistTitle, version: input.audit.checklistVersion }),
    createdAt: input.audit.signedAt,
  });

  drawCover(doc, input, l);
  drawSummary(doc, input, l);
  drawFindings(doc, input, l);
  drawActions(doc, input, l);
  drawItems(doc, input, l);
  drawTraining(doc, input, l);
  drawEvidence(doc, input, l);
  drawSignature(doc, input, signer, l);

  const code = l('pdf.verificationCode', { code: input.verificationCode });
  finishPages(doc, {
    footer: (page, pages) => ({
      left: `${input.organisation} · ${l('pdf.audit.kicker')} · ${code}`,
      right: l('pdf.page', { page: page + 1, pages }),
    }),
    header: (page) => (page === 0 ? null : [input.audit.title, input.audit.site].filter(Boolean).join(' · ')),
  });
  return endPdfDocument(doc, {
    signature: {
      reason: l('pdf.audit.signatureReason'),
      name: signer.subjectCommonName,
      location: input.audit.site ?? input.organisation,
      signingTime: input.audit.signedAt,
    },
    logHead: input.logHead && { head: input.logHead, locale: input.locale },
  });
}

function drawCover(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  const { audit } = input;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 8).fill(palette.accent);

  doc.fontSize(9).fillColor(palette.gold);
  doc.text(`${l('pdf.audit.kicker').toUpperCase()}  ·  ${plain(input.organisation)}`, left, 66, { width, characterSpacing: 1.2, lineBreak: false, ellipsis: true, height: 12 });
  doc.y = 86;
  heading(doc, audit.title, { level: 1 });
  paragraph(doc, l('pdf.audit.checklistVersion', { title: audit.checklistTitle, version: audit.checklistVersion }), {
    size: 11,
    colour: palette.muted,
    after: 14,
  });

  keyValueRows(doc, [
    [l('pdf.audit.auditId'), String(audit.id)],
    [l('pdf.audit.site'), audit.site ?? '—'],
    [l('pdf.audit.auditor'), audit.auditorName],
    [l('pdf.audit.startedAt'), formatDateTime(input.locale, audit.startedAt)],
    [l('pdf.audit.signedAt'), formatDateTime(input.locale, audit.signedAt)],
  ]);

  // Score card: the overall score large, the verdict and the tally of results beside it.
  doc.y += 10;
  ensureSpace(doc, 110);
  const top = doc.y;
  const cardHeight = 92;
  doc.roundedRect(left, top, width, cardHeight, 6).fill(palette.accentSoft);
  doc.rect(left, top, 5, cardHeight).fill(palette.accent);
  doc.fontSize(8.5).fillColor(palette.muted).text(l('pdf.audit.overallScore'), left + 22, top + 14, { width: 150, lineBreak: false });
  doc.fontSize(30);
  strongText(doc, formatPercent(input.locale, input.overall.score, l('pdf.notApplicable')), left + 20, top + 30, {
    width: 150,
    lineBreak: false,
    colour: palette.accent,
  });
  const tally = { pass: 0, partial: 0, fail: 0, na: 0 };
  for (const item of input.items) if (item.result) tally[item.result] += 1;
  doc.fontSize(12.5);
  strongText(doc, input.overall.verdict, left + 180, top + 18, { width: width - 200, height: 38, ellipsis: true, colour: palette.ink });
  doc.fontSize(9).fillColor(palette.muted).text(l('pdf.audit.tally', tally), left + 180, top + 58, { width: width - 200, height: 24, ellipsis: true });
  doc.y = top + cardHeight + 12;

  paragraph(doc, l('pdf.audit.verifyNote', { code: input.verificationCode }), { size: 8.5, colour: palette.muted, after: 4 });
}

function drawSummary(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  heading(doc, l('pdf.audit.summary'));
  table(doc, {
    columns: [
      { header: l('pdf.audit.col.section'), width: 6 },
      { header: l('pdf.audit.col.answered'), width: 1.4, align: 'right' },
      { header: l('pdf.audit.col.score'), width: 1.2, align: 'right' },
    ],
    rows: input.sections.map((section) => [
      section.title,
      l('pdf.audit.answeredOf', { answered: section.answered, total: section.total }),
      formatPercent(input.locale, section.score, l('pdf.notApplicable')),
    ]),
  });
}

function drawFindings(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  heading(doc, l('pdf.audit.findings'));
  if (input.findings.length === 0) return paragraph(doc, l('pdf.audit.noFindings'), { colour: palette.muted });
  paragraph(doc, l('pdf.audit.findingsIntro'), { size: 9, colour: palette.muted });
  table(doc, {
    columns: [
      { header: l('pdf.audit.col.id'), width: 0.9 },
      { header: l('pdf.audit.col.item'), width: 3.6 },
      { header: l('pdf.audit.col.result'), width: 1.25 },
      { header: l('pdf.audit.col.severity'), width: 1.1 },
      { header: l('pdf.audit.col.note'), width: 3.4 },
    ],
    rows: groupBySection(input.findings, (finding) => [
      finding.itemId,
      finding.itemText,
      { text: l(`pdf.result.${finding.result}`), badge: resultTone(finding.result) },
      { text: l(`pdf.severity.${finding.severity}`), badge: severityTone(finding.severity) },
      finding.note ?? '',
    ]),
  });
}

function drawActions(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  heading(doc, l('pdf.audit.actions'));
  if (input.actions.length === 0) return paragraph(doc, l('pdf.audit.noActions'), { colour: palette.muted });
  table(doc, {
    columns: [
      { header: l('pdf.audit.col.action'), width: 5 },
      { header: l('pdf.audit.col.severity'), width: 1.1 },
      { header: l('pdf.audit.col.owner'), width: 1.8 },
      { header: l('pdf.audit.col.due'), width: 1.6 },
    ],
    rows: input.actions.map((action) => [
      action.title,
      { text: l(`pdf.severity.${action.severity}`), badge: severityTone(action.severity) },
      action.owner ?? l('pdf.audit.unassigned'),
      action.dueAt ? formatDate(input.locale, action.dueAt) : l('pdf.audit.noDueDate'),
    ]),
  });
}

function drawItems(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  heading(doc, l('pdf.audit.items'));
  table(doc, {
    columns: [
      { header: l('pdf.audit.col.id'), width: 0.9 },
      { header: l('pdf.audit.col.item'), width: 4.6 },
      { header: l('pdf.audit.col.result'), width: 1.3 },
      { header: l('pdf.audit.col.note'), width: 3.4 },
    ],
    rows: groupBySection(input.items, (item) => [
      item.itemId,
      item.text,
      { text: l(`pdf.result.${item.result ?? 'unanswered'}`), badge: resultTone(item.result ?? '') },
      item.note ?? '',
    ]),
  });
}

function drawTraining(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  if (!input.training) return;
  heading(doc, l('programme.pdf.trainingEvidence'));
  paragraph(doc, l('programme.pdf.trainingEvidenceIntro', { items: input.training.items.join(', '), date: formatDateTime(input.locale, new Date(input.training.asOf)) }), { size: 9, colour: palette.muted });
  drawTrainingFigures(doc, input.locale, input.training);
}

function drawEvidence(doc: PdfDocument, input: AuditReportInput, l: Lookup): void {
  heading(doc, l('pdf.audit.evidence'));
  if (input.evidence.length === 0) return paragraph(doc, l('pdf.audit.noEvidence'), { colour: palette.muted });
  paragraph(doc, l('pdf.audit.evidenceIntro'), { size: 9, colour: palette.muted });
  table(doc, {
    size: 7.8,
    columns: [
      { header: l('pdf.audit.col.id'), width: 0.9 },
      { header: l('pdf.audit.col.file'), width: 3 },
      { header: l('pdf.audit.col.size'), width: 1, align: 'right' },
      { header: l('pdf.audit.col.sha256'), width: 4.6 },
    ],
    // A SHA-256 in two rows of 32 digits reads better than one wrapped wherever the column ends.
    rows: input.evidence.map((file) => [file.itemId, file.fileName, formatBytes(file.bytes), file.sha256.replace(/^([0-9a-f]{32})(?=[0-9a-f]{32}$)/i, '$1\n')]),
  });
}

function drawSignature(doc: PdfDocument, input: AuditReportInput, signer: Pick<SigningIdentity, 'subjectCommonName'>, l: Lookup): void {
  const { audit } = input;
  ensureSpace(doc, 250);
  heading(doc, l('pdf.audit.signature'));
  keyValueRows(doc, [
    [l('pdf.audit.signedBy'), audit.auditorName],
    [l('pdf.audit.signedAt'), formatDateTime(input.locale, audit.signedAt)],
  ]);
  doc.y += 4;
  const left = doc.page.margins.left;
  doc.fontSize(9.5);
  const statementHeight = doc.heightOfString(plain(audit.statement), { width: contentWidth(doc) - 24, lineGap: 2 });
  ensureSpace(doc, Math.min(statementHeight, 200) + 20);
  const startPage = doc.page;
  const top = doc.y;
  doc.fillColor(palette.ink).text(plain(audit.statement), left + 14, top + 8, { width: contentWidth(doc) - 24, lineGap: 2 });
  // A quote bar beside the statement (on its last page only, should a long statement flow over).
  const barTop = doc.page === startPage ? top : doc.page.margins.top;
  doc.rect(left, barTop, 3, Math.max(0, doc.y - barTop + 6)).fill(palette.gold);
  doc.y += 18;

  if (audit.signatureImagePng) {
    ensureSpace(doc, 100);
    const y = doc.y;
    doc.image(audit.signatureImagePng, left, y, { fit: [220, 70] });
    doc.moveTo(left, y + 76).lineTo(left + 240, y + 76).lineWidth(0.6).strokeColor(palette.ink).stroke();
    doc.fontSize(8.5).fillColor(palette.muted).text(`${l('pdf.audit.drawnSignature')} · ${plain(audit.auditorName)}`, left, y + 80, { width: 300 });
    doc.y = y + 100;
  }
  paragraph(
    doc,
    l('pdf.audit.digitalSignature', {
      signer: signer.subjectCommonName,
      date: formatDateTime(input.locale, audit.signedAt),
      code: input.verificationCode,
    }),
    { size: 8.5, colour: palette.muted },
  );
}

/** Table rows with a group row whenever the section changes (input is in checklist order). */
function groupBySection<T extends { sectionTitle: string }>(entries: T[], toRow: (entry: T) => TableRow): TableRow[] {
  const rows: TableRow[] = [];
  let section: string | undefined;
  for (const entry of entries) {
    if (entry.sectionTitle !== section) rows.push({ group: entry.sectionTitle });
    section = entry.sectionTitle;
    rows.push(toRow(entry));
  }
  return rows;
}
