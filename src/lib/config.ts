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
  // how often the audit programme's scheduler runs a pass in each server process; 0 turns it off
  LMS_PROGRAMME_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
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
  programmeIntervalMs: number;
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
    programmeIntervalMs: e.LMS_PROGRAMME_INTERVAL_MS,
    production: e.NODE_ENV === 'production',
  };
}

let cached: Config | undefined;
/** The process-wide configuration, read once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
