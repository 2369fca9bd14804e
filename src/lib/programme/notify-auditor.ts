// Telling the auditor about a draft a schedule opened for them: a mail through the outbox (issue 12),
// queued in the opening transaction, so it exists exactly when the draft does and is sent once.
import type { Locale } from '../../i18n/index.ts';
import type { Tx } from '../db/client.ts';
import { enqueueMail } from '../notify/enqueue-mail.ts';

export type DraftOpenedNotice = { auditId: string; auditorId: string; title: string; dueAt: number; locale: Locale; now: number };

/** Queues the mail "a scheduled audit is ready for you, due …" inside the opening transaction. */
export async function notifyDraftOpened(tx: Tx, n: DraftOpenedNotice): Promise<void> {
  await enqueueMail(tx, {
    to: n.auditorId,
    kind: 'audit.scheduled_draft',
    dedupKey: `scheduled-draft:${n.auditId}`,
    link: `/audits/${n.auditId}`,
    params: { title: n.title, dueAt: n.dueAt },
    subject: { type: 'audit', id: n.auditId },
    now: n.now,
  });
}
