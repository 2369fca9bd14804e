import { correctiveActions } from '../../../db/schema.ts';
import type { Severity } from '../content/schemas.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { conflict, forbidden, unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';
import { actionOwnerNotification } from '../notify/event-mails.ts';
import { canManageActions } from './action-access.ts';
import { defaultDueAt } from './action-defaults.ts';
import { addEvents, cleanComment, findOwner, type NewActionEvent } from './action-records.ts';
import type { ActionActor } from './action-transitions.ts';
import { findAudit } from './load-audit.ts';

export const MAX_ACTION_TITLE = 200;

export type CreateManualActionOptions = {
  auditId: string;
  actor: ActionActor;
  title: string;
  detail?: string;
  severity: Severity;
  /** User id or email. */
  owner?: string;
  /** Due time in ms; by default from the severity (critical 7 days … low 90). */
  dueAt?: number;
  now?: number;
};

/** Adds a finding outside the checklist to a signed audit as a new open action (auditors and admins). */
export async function createManualAction(db: Db, o: CreateManualActionOptions): Promise<{ id: string; dueAt: number }> {
  if (!canManageActions(o.actor)) throw forbidden('Only auditors and admins add corrective actions').as('error.notAllowed');
  const title = o.title.trim();
  if (!title) throw unprocessable('Give the action a title').as('error.actionTitleMissing');
  if (title.length > MAX_ACTION_TITLE) throw unprocessable(`A title is at most ${MAX_ACTION_TITLE} characters`).as('error.actionTitleTooLong', { max: MAX_ACTION_TITLE });
  const detail = cleanComment(o.detail) ?? '';
  return writeTransaction(db, async (tx) => {
    const audit = await findAudit(tx, o.auditId);
    // the audit's own findings become actions at signing; one added by hand joins a finished audit
    if (audit.status !== 'signed') throw conflict('Actions can be added by hand only to a signed audit').as('actions.new.notSigned');
    const owner = o.owner ? await findOwner(tx, o.owner) : null;
    const now = o.now ?? Date.now();
    const id = newId();
    const dueAt = o.dueAt ?? defaultDueAt(o.severity, now);
    await tx.insert(correctiveActions).values({ id, auditId: audit.id, itemId: null, title, detail, severity: o.severity, status: 'open', ownerId: owner?.id ?? null, dueAt, createdBy: o.actor.id, createdAt: now, updatedAt: now });
    const events: NewActionEvent[] = [{ actionId: id, actorId: o.actor.id, at: now, kind: 'created', toValue: 'open', comment: detail || null }];
    if (owner) events.push({ actionId: id, actorId: o.actor.id, at: now, kind: 'owner', fromValue: null, toValue: owner.id });
    await addEvents(tx, events);
    if (owner) await enqueueMail(tx, { ...actionOwnerNotification({ id, title, dueAt }, owner.id, now), now });
    await appendLog(tx, { actorId: o.actor.id, action: 'action.create', subjectType: 'corrective_action', subjectId: id, details: { auditId: audit.id, title, severity: o.severity, ownerId: owner?.id ?? null, dueAt }, at: now });
    return { id, dueAt };
  });
}
