import { and, eq } from 'drizzle-orm';
import { audits, correctiveActions, evidence, users } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { AppError, conflict, forbidden, unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';
import { actionOwnerNotification, actionResolvedNotification } from '../notify/event-mails.ts';
import { canManageActions } from './action-access.ts';
import { storeActionFiles, type IncomingFile } from './action-evidence-file.ts';
import { addEvents, cleanComment, findOwner, findReadableAction, type NewActionEvent } from './action-records.ts';
import { checkTransition, type ActionActor, type ActionStatus } from './action-transitions.ts';

export type UpdateActionOptions = {
  actionId: string;
  actor: ActionActor;
  status?: ActionStatus;
  /** The status the caller saw (a page's form): if it has changed since, nothing is done (409). */
  expectedStatus?: ActionStatus;
  /** The new owner's user id or email (auditors and admins only). */
  owner?: string;
  /** The new due time, ms (auditors and admins only). */
  dueAt?: number;
  /** With a status change, its reason (required to resolve or reject); alone, a comment. */
  comment?: string;
  /** Evidence files added in the same step (e.g. resolving with a photo of the fix). */
  files?: IncomingFile[];
  dataDir?: string;
  now?: number;
};

export type StoredFile = { id: string; fileName: string; mimeType: string; size: number; sha256: string; createdAt: number };
export type UpdateActionResult = { id: string; status: ActionStatus; ownerId: string | null; dueAt: number; updatedAt: number; events: number; files: StoredFile[] };

const REFUSALS = {
  illegal: (from: ActionStatus, to: ActionStatus, allowed: ActionStatus[]) =>
    unprocessable(`An action cannot go from ${from} to ${to}; ${allowed.length ? `allowed now: ${allowed.join(', ')}` : 'no change of status is open to you now'}`, { from, to, allowed }).as('actions.error.illegal'),
  not_allowed: (from: ActionStatus, to: ActionStatus, allowed: ActionStatus[]) =>
    new AppError(403, `Only an auditor or admin may move this action from ${from} to ${to}`, { from, to, allowed }).as('actions.error.notAllowed'),
  comment_required: (from: ActionStatus, to: ActionStatus, allowed: ActionStatus[]) =>
    unprocessable(to === 'resolved' ? 'Describe the fix in a comment to resolve the action' : 'Say in a comment why the fix is not accepted', { from, to, allowed }).as(to === 'resolved' ? 'actions.error.describeFix' : 'actions.error.giveReason'),
};

/**
 * Changes an action's status, owner or due date, adds a comment and files: one event per change,
 * all in one transaction. The status is read and changed inside that transaction and written only
 * if it is still the one read, so concurrent requests each see the state the last one left.
 */
export async function updateAction(db: Db, o: UpdateActionOptions): Promise<UpdateActionResult> {
  const comment = cleanComment(o.comment);
  const files = o.files ?? [];
  if ((o.owner !== undefined || o.dueAt !== undefined) && !canManageActions(o.actor)) throw forbidden('Only auditors and admins reassign actions or change due dates').as('actions.error.notAllowed');
  if (files.length > 0 && !o.dataDir) throw new Error('updateAction needs dataDir to store files');
  // Checked before any file is written, and again in the transaction that records the change.
  await findReadableAction(db, o.actionId, o.actor);
  const now = o.now ?? Date.now();
  const stored = files.length > 0 ? storeActionFiles(files, { actionId: o.actionId, uploadedBy: o.actor.id, dataDir: o.dataDir!, now }) : [];

  return writeTransaction(db, async (tx) => {
    const row = await findReadableAction(tx, o.actionId, o.actor);
    if (o.expectedStatus !== undefined && o.expectedStatus !== row.status) throw conflict(`The action changed meanwhile; it is now ${row.status}`, { status: row.status }).as('actions.error.changed');
    const closed = row.status === 'verified';
    if (closed && (o.owner !== undefined || o.dueAt !== undefined || stored.length > 0)) throw conflict('This action is verified and closed; it can only be commented on').as('actions.error.closed');
    const event = (e: Omit<NewActionEvent, 'actionId' | 'actorId' | 'at'>): NewActionEvent => ({ actionId: row.id, actorId: o.actor.id, at: now, ...e });
    const events: NewActionEvent[] = [];
    const set: Partial<typeof correctiveActions.$inferInsert> = {};

    if (o.status !== undefined) {
      const check = checkTransition(row, o.actor, o.status, comment);
      if (!check.ok) throw REFUSALS[check.reason](row.status, o.status, check.allowed);
      set.status = o.status;
      events.push(event({ kind: 'status', fromValue: row.status, toValue: o.status, comment }));
    }
    if (o.owner !== undefined) {
      const owner = await findOwner(tx, o.owner);
      if (owner.id !== row.ownerId) {
        set.ownerId = owner.id;
        events.push(event({ kind: 'owner', fromValue: row.ownerId, toValue: owner.id }));
      }
    }
    if (o.dueAt !== undefined && o.dueAt !== row.dueAt) {
      set.dueAt = o.dueAt;
      events.push(event({ kind: 'due', fromValue: String(row.dueAt), toValue: String(o.dueAt) }));
    }
    if (comment && o.status === undefined) events.push(event({ kind: 'comment', comment }));
    for (const file of stored) events.push(event({ kind: 'evidence', toValue: file.id, comment: file.fileName }));
    if (events.length === 0) return { id: row.id, status: row.status, ownerId: row.ownerId, dueAt: row.dueAt, updatedAt: row.updatedAt, events: 0, files: [] };

    // Compare-and-set on the status read above: with several app servers on one database a
    // concurrent change makes this match nothing, and the request is refused rather than lost.
    const [updated] = await tx
      .update(correctiveActions)
      .set({ ...set, updatedAt: now })
      .where(and(eq(correctiveActions.id, row.id), eq(correctiveActions.status, row.status)))
      .returning();
    if (!updated) throw conflict('The action changed meanwhile; reload and try again').as('actions.error.retry');
    if (stored.length > 0) await tx.insert(evidence).values(stored);
    await addEvents(tx, events);
    // the new owner is told it is theirs; a fix marked resolved goes to the audit's auditor to verify
    if (set.ownerId) await enqueueMail(tx, { ...actionOwnerNotification(updated, set.ownerId, now), now });
    if (set.status === 'resolved') {
      const [audit] = await tx.select({ auditorId: audits.auditorId }).from(audits).where(eq(audits.id, row.auditId));
      const [by] = await tx.select({ name: users.name }).from(users).where(eq(users.id, o.actor.id));
      if (audit) await enqueueMail(tx, { ...actionResolvedNotification(updated, audit.auditorId, by?.name ?? '', now), now });
    }
    await appendLog(tx, {
      actorId: o.actor.id,
      action: 'action.update',
      subjectType: 'corrective_action',
      subjectId: row.id,
      details: { auditId: row.auditId, changes: events.map((e) => ({ kind: e.kind, from: e.fromValue ?? null, to: e.toValue ?? null })), comment, files: stored.map((f) => ({ id: f.id, fileName: f.fileName, sha256: f.sha256 })) },
      at: now,
    });
    const views = stored.map((f) => ({ id: f.id!, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt }));
    return { id: row.id, status: updated.status, ownerId: updated.ownerId, dueAt: updated.dueAt, updatedAt: updated.updatedAt, events: events.length, files: views };
  });
}
