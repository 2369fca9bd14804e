// One pass of the notification machinery: decide what is due, bundle it into mails, send them.
// Held under the 'notify' database lease, so of several app servers (and cron runs) one works at a time.
import { config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { acquireLease, processHolder, releaseLease } from '../jobs/lease.ts';
import { composeMails, mailDomainOf } from './compose-mails.ts';
import { decideDue, type DecideResult } from './decide-due.ts';
import { sendDueMails, type SendResult } from './send-mails.ts';
import { smtpTransport, type MailTransport } from './smtp-transport.ts';

export const NOTIFY_LEASE = 'notify';

export type NotifyPassOptions = {
  /** The time deciding, dedup periods and retry waits go by (`notify run --now`); the lease keeps real time. */
  now?: number;
  /** Overrides the SMTP transport from LMS_SMTP_URL; null keeps mails in the outbox. */
  transport?: MailTransport | null;
  holder?: string;
};

export type NotifyPassResult = { ran: true; decided: DecideResult; composed: number; sent: SendResult | null } | { ran: false };

/** Runs one pass if the lease can be had; `{ran: false}` when another server is working. */
export async function runNotifyPass(db: Db, o: NotifyPassOptions = {}): Promise<NotifyPassResult> {
  const cfg = config();
  const now = o.now ?? Date.now();
  const holder = o.holder ?? processHolder;
  const lease = { name: NOTIFY_LEASE, holder, ttlMs: cfg.notifyLeaseMs };
  if (!(await acquireLease(db, lease))) return { ran: false };
  // renewing before each step and each mail: a pass that lost its lease (a long stall) stops at once
  const stillMine = () => acquireLease(db, lease);
  const ownTransport = o.transport === undefined && cfg.smtpUrl ? smtpTransport(cfg.smtpUrl) : null;
  const transport = o.transport === undefined ? ownTransport : o.transport;
  try {
    const decided = await decideDue(db, { now, stillMine });
    const composed = await composeMails(db, { now, publicUrl: cfg.publicUrl, mailDomain: mailDomainOf(cfg.publicUrl), stillMine });
    const sent = transport && (await stillMine())
      ? await sendDueMails(db, { now, transport, from: cfg.mailFrom, maxAttempts: cfg.mailMaxAttempts, retryMs: cfg.mailRetryMs, stillMine, sender: holder })
      : null;
    return { ran: true, decided, composed, sent };
  } finally {
    ownTransport?.close();
    await releaseLease(db, NOTIFY_LEASE, holder);
  }
}
