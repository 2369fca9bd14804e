import { and, asc, eq, inArray } from 'drizzle-orm';
import { actionEvents, auditResponses, evidence, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { canManageActions } from './action-access.ts';
import { daysOverdue, isOverdue } from './action-overdue.ts';
import { findReadableAction, type ActionRow } from './action-records.ts';
import { allowedMoves, type ActionActor, type Move } from './action-transitions.ts';
import { checklistOf, findAudit } from './load-audit.ts';

export type Person = { id: string; name: string; email: string };
export type ActionEventView = {
  id: number;
  kind: (typeof actionEvents.$inferSelect)['kind'];
  at: number;
  actor: Person | null;
  fromValue: string | null;
  toValue: string | null;
  comment: string | null;
  /** For owner events: the people behind the ids. */
  fromPerson?: Person | null;
  toPerson?: Person | null;
};
export type ActionDetail = {
  action: Omit<ActionRow, 'ownerId' | 'createdBy'> & { owner: Person | null; createdBy: Person | null; overdue: boolean; daysOverdue: number };
  audit: { id: string; title: string; site: string | null; status: 'draft' | 'signed'; locale: string; checklistTitle: string; signedAt: number | null };
  /** The checklist item the finding came from, in the audit's language, with the auditor's note; null for an action added by hand. */
  finding: { itemId: string; sectionTitle: string; text: string; guidance: string; result: string | null; note: string } | null;
  events: ActionEventView[];
  evidence: Array<{ id: string; fileName: string; mimeType: string; size: number; sha256: string; createdAt: number; uploadedBy: Person | null; url: string }>;
  /** The status moves this person may make now. */
  moves: Move[];
  canManage: boolean;
};

/** One action with its finding, full history and files, for its owner, auditors and admins (404 for anyone else). */
export async function getAction(db: Db, o: { actionId: string; actor: ActionActor; now?: number }): Promise<ActionDetail> {
  const row = await findReadableAction(db, o.actionId, o.actor);
  const now = o.now ?? Date.now();
  const audit = await findAudit(db, row.auditId);
  const checklist = checklistOf(audit);
  const [events, files, [response]] = await Promise.all([
    db.select().from(actionEvents).where(eq(actionEvents.actionId, row.id)).orderBy(asc(actionEvents.id)),
    db.select().from(evidence).where(eq(evidence.actionId, row.id)).orderBy(asc(evidence.createdAt), asc(evidence.id)),
    row.itemId ? db.select().from(auditResponses).where(and(eq(auditResponses.auditId, audit.id), eq(auditResponses.itemId, row.itemId))) : Promise.resolve([]),
  ]);
  const ids = new Set<string>([row.createdBy, ...(row.ownerId ? [row.ownerId] : []), ...events.map((e) => e.actorId), ...files.map((f) => f.uploadedBy)]);
  for (const e of events) if (e.kind === 'owner') for (const v of [e.fromValue, e.toValue]) if (v) ids.add(v);
  const people = new Map((await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...ids]))).map((p) => [p.id, p]));
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);

  const section = row.itemId ? checklist.sections.find((s) => s.items.some((i) => i.id === row.itemId)) : undefined;
  const item = section?.items.find((i) => i.id === row.itemId);
  const { ownerId, createdBy, ...rest } = row;
  return {
    action: { ...rest, owner: person(ownerId), createdBy: person(createdBy), overdue: isOverdue(row, now), daysOverdue: daysOverdue(row, now) },
    audit: { id: audit.id, title: audit.title, site: audit.site, status: audit.status, locale: audit.locale, checklistTitle: checklist.title, signedAt: audit.signedAt },
    finding: row.itemId && item && section ? { itemId: row.itemId, sectionTitle: section.title, text: item.text, guidance: item.guidance, result: response?.result ?? null, note: response?.note ?? '' } : null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      actor: person(e.actorId),
      fromValue: e.fromValue,
      toValue: e.toValue,
      comment: e.comment,
      ...(e.kind === 'owner' ? { fromPerson: person(e.fromValue), toPerson: person(e.toValue) } : {}),
    })),
    evidence: files.map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt, uploadedBy: person(f.uploadedBy), url: `/api/evidence/${f.id}` })),
    moves: allowedMoves(row, o.actor),
    canManage: canManageActions(o.actor),
  };
}
