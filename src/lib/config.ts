// The one place configuration is read from the environment; it fails fast on a bad value.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  LMS_DATA_DIR: z.string().default('./data'),
  LMS_CONTENT_DIR: z.string().default('./content'),
  LMS_SIGNING_P12: z.string().optional(),
  LMS_SIGNING_PASSPHRASE: z.string().optional(),
  LMS_ORGANISATION: z.string().default('Example Advisory Ltd.'),
  // Name of the header a trusted reverse proxy sets to the client's address (e.g. x-forwarded-for).
  LMS_TRUSTED_PROXY_HEADER: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  // mail: without LMS_SMTP_URL mails stay in the outbox (listed on /admin), nothing is sent
  LMS_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  LMS_MAIL_FROM: z.string().default('Compliance Academy <no-reply@localhost>'),
  LMS_PUBLIC_URL: z.string().url().optional(),
  // the in-server reminder scheduler: how often it runs (0 turns it off), and its lease's lifetime
  LMS_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(0).default(5 * 60 * 1000),
  LMS_NOTIFY_LEASE_MS: z.coerce.number().int().min(500).default(60 * 1000),
  // tries per mail before it is marked failed, and the first wait between tries (doubling each time)
  LMS_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  LMS_MAIL_RETRY_MS: z.coerce.number().int().min(0).default(60 * 1000),
});

export type Config = {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  dataDir: string;
  contentDir: string;
  signingP12: string | undefined;
  signingPassphrase: string | undefined;
  organisation: string;
  trustedProxyHeader: string | undefined;
  production: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  notifyIntervalMs: number;
  notifyLeaseMs: number;
  mailMaxAttempts: number;
  mailRetryMs: number;
};

/** Reads and validates the environment; throws naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LMS_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'lms.db')}`,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    dataDir,
    contentDir: path.resolve(e.LMS_CONTENT_DIR),
    signingP12: e.LMS_SIGNING_P12,
    signingPassphrase: e.LMS_SIGNING_PASSPHRASE,
    organisation: e.LMS_ORGANISATION,
    trustedProxyHeader: e.LMS_TRUSTED_PROXY_HEADER?.toLowerCase(),
    production: e.NODE_ENV === 'production',
    smtpUrl: e.LMS_SMTP_URL,
    mailFrom: e.LMS_MAIL_FROM,
    publicUrl: e.LMS_PUBLIC_URL ?? `http://${env.HOST ?? 'localhost'}:${env.PORT ?? '4321'}`,
    notifyIntervalMs: e.LMS_NOTIFY_INTERVAL_MS,
    notifyLeaseMs: e.LMS_NOTIFY_LEASE_MS,
    mailMaxAttempts: e.LMS_MAIL_MAX_ATTEMPTS,
    mailRetryMs: e.LMS_MAIL_RETRY_MS,
  };
}

let cached: Config | undefined;
/** The process-wide configuration, read once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
