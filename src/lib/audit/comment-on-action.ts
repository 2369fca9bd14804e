import { eq } from 'drizzle-orm';
import { actionEvents, correctiveActions } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { unprocessable } from '../errors.ts';
import { appendLog } from '../log/append-log.ts';
import { cleanComment, findReadableAction } from './action-records.ts';
import type { ActionActor } from './action-transitions.ts';

export type CommentOnActionOptions = { actionId: string; actor: ActionActor; text: string; now?: number };
export type ActionComment = { id: number; actionId: string; actorId: string; at: number; kind: 'comment'; comment: string };

/** Adds a comment to the action's history (the owner, auditors and admins; a closed action too). */
export async function commentOnAction(db: Db, o: CommentOnActionOptions): Promise<ActionComment> {
  const text = cleanComment(o.text);
  if (!text) throw unprocessable('Write something to comment').as('actions.error.empty');
  return writeTransaction(db, async (tx) => {
    const row = await findReadableAction(tx, o.actionId, o.actor);
    const at = o.now ?? Date.now();
    const [event] = await tx.insert(actionEvents).values({ actionId: row.id, actorId: o.actor.id, at, kind: 'comment', comment: text }).returning({ id: actionEvents.id });
    await tx.update(correctiveActions).set({ updatedAt: at }).where(eq(correctiveActions.id, row.id));
    await appendLog(tx, { actorId: o.actor.id, action: 'action.comment', subjectType: 'corrective_action', subjectId: row.id, details: { auditId: row.auditId, eventId: event!.id, comment: text }, at });
    return { id: event!.id, actionId: row.id, actorId: o.actor.id, at, kind: 'comment', comment: text };
  });
}
