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
  // Automatic audit-log checkpoints: at most this far apart (0: none), or after this many entries; checked every poll.
  LMS_CHECKPOINT_MINUTES: z.coerce.number().min(0).default(60),
  LMS_CHECKPOINT_BURST: z.coerce.number().int().min(1).default(500),
  LMS_CHECKPOINT_POLL_SECONDS: z.coerce.number().min(0.1).default(30),
  // The server verifies the whole log this often (0: never on its own), keeping the outcome for /admin.
  LMS_LOG_VERIFY_HOURS: z.coerce.number().min(0).default(24),
  NODE_ENV: z.string().default('development'),
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
  /** null when automatic checkpoints are off. */
  checkpoints: { intervalMs: number; burst: number; pollMs: number } | null;
  /** How often the server verifies the log on its own; null: never. */
  logVerifyMs: number | null;
  production: boolean;
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
    logVerifyMs: e.LMS_LOG_VERIFY_HOURS > 0 ? e.LMS_LOG_VERIFY_HOURS * 3_600_000 : null,
    checkpoints: e.LMS_CHECKPOINT_MINUTES > 0 ? { intervalMs: e.LMS_CHECKPOINT_MINUTES * 60_000, burst: e.LMS_CHECKPOINT_BURST, pollMs: e.LMS_CHECKPOINT_POLL_SECONDS * 1000 } : null,
    production: e.NODE_ENV === 'production',
  };
}

let cached: Config | undefined;
/** The process-wide configuration, read once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
