// A real SMTP server for tests (the smtp-server package): it accepts mail like any relay, parses
// each message, and can be told to answer 4xx or 5xx, to stall, or to go away, to test the sender.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SunkMail = { to: string; from: string; subject: string; text: string; html: string; messageId: string; contentLanguage: string | undefined; raw: string };

export type SinkMode = { kind: 'accept' } | { kind: 'reject'; code: number; message: string };

export type SmtpSink = {
  url: string;
  port: number;
  /** Mails the sink accepted (answered 250), in order. */
  mails: SunkMail[];
  /** How many DATA commands arrived (accepted or not). */
  received: () => number;
  setMode: (mode: SinkMode) => void;
  /** Called with each message before the sink answers it (may hold the answer); false: not accepted, not recorded. */
  onMessage: (fn: ((n: number) => boolean | void | Promise<boolean | void>) | null) => void;
  waitFor: (pred: (mails: SunkMail[]) => boolean, timeoutMs?: number) => Promise<SunkMail[]>;
  close: () => Promise<void>;
};

/** Starts a sink on a free port (or the one given, to come back after close). */
export async function startSmtpSink(o: { port?: number } = {}): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  let mode: SinkMode = { kind: 'accept' };
  let hook: ((n: number) => boolean | void | Promise<boolean | void>) | null = null;
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        received++;
        if (hook && (await hook(received)) === false) {
          callback(Object.assign(new Error('4.3.2 Not now'), { responseCode: 421 }));
          return;
        }
        if (mode.kind === 'reject') {
          const err = Object.assign(new Error(mode.message), { responseCode: mode.code });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = await simpleParser(raw);
        const header = parsed.headers.get('content-language');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          messageId: parsed.messageId ?? '',
          contentLanguage: typeof header === 'string' ? header : undefined,
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    received: () => received,
    setMode: (m) => (mode = m),
    onMessage: (fn) => (hook = fn),
    waitFor: async (pred, timeoutMs = 20_000) => {
      const start = Date.now();
      while (!pred(mails)) {
        if (Date.now() - start > timeoutMs) throw new Error(`the sink did not get the expected mails in ${timeoutMs} ms; it has ${mails.length}: ${mails.map((m) => `${m.to} «${m.subject}»`).join('; ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The links (http URLs) in a mail's plain text. */
export function linksIn(mail: SunkMail): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s]+/g)].map((m) => m[0]);
}
