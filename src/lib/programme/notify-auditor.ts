// Telling the auditor about a draft opened for them. The mail outbox (issue 12) is not in this
// branch yet, so for now the draft shows on /audits under "Scheduled audits" and this is a no-op;
// when src/lib/notify lands, this enqueues the mail in the same transaction.
import type { Tx } from '../db/client.ts';
import type { Locale } from '../../i18n/index.ts';

export type DraftOpenedNotice = { auditId: string; auditorId: string; title: string; dueAt: number; locale: Locale };

/** Records that the auditor should hear about a newly opened draft (inside the opening transaction). */
export async function notifyDraftOpened(_tx: Tx, _notice: DraftOpenedNotice): Promise<void> {}
