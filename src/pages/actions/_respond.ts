// Turns the action page's forms into one update, and refusals into messages in the reader's language.
import type { Locale } from '../../i18n/index.ts';
import { errorText, t } from '../../i18n/index.ts';
import { MOVES, isActionStatus, type ActionActor, type ActionStatus } from '../../lib/audit/action-transitions.ts';
import type { IncomingFile } from '../../lib/audit/action-evidence-file.ts';
import type { UpdateActionOptions } from '../../lib/audit/update-action.ts';
import { AppError, badRequest } from '../../lib/errors.ts';
import { parseDueDate } from '../../lib/training/assignment-input.ts';

export type FormIntent = 'comment' | 'assign' | (typeof MOVES)[number]['name'];

/** The update a submitted form asks for, and what it was (for the confirmation message). */
export async function updateFromForm(form: FormData, o: { actionId: string; actor: ActionActor; dataDir: string }): Promise<{ intent: FormIntent; update: UpdateActionOptions }> {
  const text = (name: string) => String(form.get(name) ?? '');
  const intent = text('intent');
  const base = { actionId: o.actionId, actor: o.actor, dataDir: o.dataDir };
  if (intent === 'assign') {
    const dueAt = parseDueDate(text('dueAt').trim());
    if (dueAt === null) throw new AppError(422, 'actions.error.dueDate');
    const owner = text('owner').trim();
    return { intent, update: { ...base, owner: owner || undefined, dueAt } };
  }
  const files: IncomingFile[] = [];
  for (const entry of form.getAll('files')) {
    if (entry instanceof File && entry.size > 0) files.push({ fileName: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const from = text('from');
  const expectedStatus: ActionStatus | undefined = isActionStatus(from) ? from : undefined;
  if (intent === 'comment') {
    if (!text('comment').trim() && files.length === 0) throw new AppError(422, 'actions.error.empty');
    return { intent, update: { ...base, comment: text('comment'), files, expectedStatus } };
  }
  const move = MOVES.find((m) => m.name === intent);
  if (!move) throw badRequest('actions.error.unknownIntent');
  return { intent: move.name, update: { ...base, status: move.to, comment: text('comment'), files, expectedStatus } };
}

/** A refusal in the reader's language where we know it, else the operation's own message. */
export function errorMessage(locale: Locale, err: AppError): string {
  if (err.message.startsWith('actions.error.')) return t(locale, err.message);
  const details = err.details as { allowed?: ActionStatus[]; to?: ActionStatus; status?: ActionStatus } | undefined;
  const names = (list: ActionStatus[]) => list.map((s) => t(locale, `actions.status.${s}`)).join(', ') || t(locale, 'actions.error.nothingAllowed');
  if (err.status === 422 && details?.to && /comment/i.test(err.message)) return t(locale, details.to === 'resolved' ? 'actions.error.describeFix' : 'actions.error.giveReason');
  if (err.status === 422 && details?.allowed) return t(locale, 'actions.error.illegal', { allowed: names(details.allowed) });
  if (err.status === 403) return t(locale, 'actions.error.notAllowed');
  if (err.status === 409 && details?.status) return t(locale, 'actions.error.changed', { status: t(locale, `actions.status.${details.status}`) });
  if (err.status === 409 && /verified/i.test(err.message)) return t(locale, 'actions.error.closed');
  if (err.status === 409) return t(locale, 'actions.error.retry');
  if (err.status === 413) return t(locale, 'actions.error.tooLarge');
  if (err.status === 415) return t(locale, 'actions.error.fileType');
  return errorText(locale, err);
}
