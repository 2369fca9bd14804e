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
    if (dueAt === null) throw new AppError(422, 'Choose a valid due date').as('actions.error.dueDate');
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
    if (!text('comment').trim() && files.length === 0) throw new AppError(422, 'Write a comment or attach a file').as('actions.error.empty');
    return { intent, update: { ...base, comment: text('comment'), files, expectedStatus } };
  }
  const move = MOVES.find((m) => m.name === intent);
  if (!move) throw badRequest('Unknown request').as('actions.error.unknownIntent');
  return { intent: move.name, update: { ...base, status: move.to, comment: text('comment'), files, expectedStatus } };
}

/** A refusal in the reader's language: the error's own key, with the statuses it names translated. */
export function errorMessage(locale: Locale, err: AppError): string {
  const details = err.details as { allowed?: ActionStatus[]; status?: ActionStatus } | undefined;
  const names = (list: ActionStatus[]) => list.map((s) => t(locale, `actions.status.${s}`)).join(', ') || t(locale, 'actions.error.nothingAllowed');
  if (err.key === 'actions.error.illegal') return t(locale, err.key, { allowed: names(details?.allowed ?? []) });
  if (err.key === 'actions.error.changed' && details?.status) return t(locale, err.key, { status: t(locale, `actions.status.${details.status}`) });
  if (err.status === 413) return t(locale, 'actions.error.tooLarge');
  return errorText(locale, err);
}
