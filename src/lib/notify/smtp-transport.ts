// Real mail over SMTP with nodemailer; the sender sees only this small interface.
import nodemailer from 'nodemailer';

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string; messageId: string; locale: string };
export type MailTransport = { send: (mail: OutgoingMail) => Promise<{ response: string }>; close: () => void };

/** A transport for `LMS_SMTP_URL` (smtp://user:pass@host:587, smtps://… for TLS); short timeouts so a dead server fails a try, not the pass. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  return {
    send: async (m) => {
      const info = await transporter.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: { 'Content-Language': m.locale === 'zh-cn' ? 'zh-CN' : 'en', 'Auto-Submitted': 'auto-generated' },
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}

/** What the SMTP server (or the connection) answered to a failed try, for admins to read. */
export function describeSendError(err: unknown): string {
  const e = err as { response?: string; responseCode?: number; code?: string; message?: string };
  if (e.response) return e.response.slice(0, 500);
  return `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`.slice(0, 500);
}
