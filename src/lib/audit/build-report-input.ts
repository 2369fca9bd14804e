// Gathers everything the signed report prints, in checklist order, from the rows of one audit.
import type { evidence } from '../../../db/schema.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { ChecklistDoc } from '../content/load-content.ts';
import type { Severity } from '../content/schemas.ts';
import type { AuditReportInput } from '../reports/render-audit-report.ts';
import { findingsOf } from './findings.ts';
import type { Answer, AuditRow } from './load-audit.ts';
import type { AuditScore } from './scoring.ts';

export type BuildReportInputOptions = {
  audit: AuditRow;
  checklist: ChecklistDoc;
  answers: Record<string, Answer>;
  evidence: Array<typeof evidence.$inferSelect>;
  actions: Array<{ title: string; severity: Severity; dueAt: number }>;
  score: AuditScore;
  auditorName: string;
  organisation: string;
  statement: string;
  signedAt: number;
  signatureImagePng?: Buffer;
  verificationCode: string;
  /** Training figures frozen at signing (client-data-handling's training items), when the audit has them. */
  training?: AuditReportInput['training'];
};

/** The verdict as printed: its name, and why when a critical item failed. */
export function verdictText(locale: Locale, score: Pick<AuditScore, 'verdict' | 'criticalFails'>): string {
  const name = t(locale, `audit.verdict.${score.verdict}`);
  if (score.criticalFails.length === 0) return name;
  return t(locale, 'audit.verdict.withReason', { verdict: name, reason: t(locale, 'audit.verdict.criticalFailed', { count: score.criticalFails.length }) });
}

/** The renderer's input for a report signed now. */
export function buildReportInput(o: BuildReportInputOptions): AuditReportInput {
  const locale = o.checklist.locale;
  const order = new Map<string, number>();
  const items: AuditReportInput['items'] = [];
  for (const section of o.checklist.sections) {
    for (const item of section.items) {
      order.set(item.id, order.size);
      const answer = o.answers[item.id];
      items.push({ sectionTitle: section.title, itemId: item.id, text: item.text, result: answer?.result ?? null, note: answer?.note || null });
    }
  }
  const files = [...o.evidence].sort((a, b) => (order.get(a.itemId ?? '') ?? 1e9) - (order.get(b.itemId ?? '') ?? 1e9) || a.createdAt - b.createdAt);
  return {
    locale,
    organisation: o.organisation,
    audit: {
      id: o.audit.id,
      title: o.audit.title,
      site: o.audit.site,
      checklistTitle: o.checklist.title,
      checklistVersion: o.audit.checklistVersion,
      auditorName: o.auditorName,
      startedAt: new Date(o.audit.createdAt),
      signedAt: new Date(o.signedAt),
      statement: o.statement,
      signatureImagePng: o.signatureImagePng,
    },
    overall: { score: o.score.score, verdict: verdictText(locale, o.score) },
    sections: o.score.sections.map((s) => ({ id: s.id, title: s.title, score: s.score, answered: s.answered, total: s.total })),
    findings: findingsOf(o.checklist, o.answers).map((f) => ({ sectionTitle: f.sectionTitle, itemId: f.itemId, itemText: f.itemText, result: f.result, severity: f.severity, note: f.note || null })),
    actions: o.actions.map((a) => ({ title: a.title, severity: a.severity, dueAt: new Date(a.dueAt), owner: null })),
    items,
    evidence: files.map((f) => ({ itemId: f.itemId ?? '', fileName: f.fileName, sha256: f.sha256, bytes: f.size })),
    verificationCode: o.verificationCode,
    training: o.training ?? null,
  };
}
