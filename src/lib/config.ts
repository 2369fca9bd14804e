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
  // Automatic audit-log checkpoints: at most this far apart (0: none), or after this many entries; checked every poll.
  LMS_CHECKPOINT_MINUTES: z.coerce.number().min(0).default(60),
  LMS_CHECKPOINT_BURST: z.coerce.number().int().min(1).default(500),
  LMS_CHECKPOINT_POLL_SECONDS: z.coerce.number().min(0.1).default(30),
  // The server verifies the whole log this often (0: never on its own), keeping the outcome for /admin.
  LMS_LOG_VERIFY_HOURS: z.coerce.number().min(0).default(24),
  NODE_ENV: z.string().default('development'),
  // Sign-in with the firm's OpenID Connect provider (README, "Single sign-on").
  LMS_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LMS_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  LMS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  LMS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LMS_OIDC_NAME: z.string().min(1).max(60).default('single sign-on'),
  LMS_OIDC_ALLOW_HTTP: z.enum(['0', '1']).default('0'),
  LMS_OIDC_SCOPES: z.string().default('openid email profile'),
  LMS_OIDC_DEPARTMENT_CLAIM: z.string().min(1).default('department'),
  LMS_OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  LMS_OIDC_ROLE_MAP: z.string().default(''),
  LMS_OIDC_PROVISION: z.enum(['on', 'off']).default('on'),
  LMS_PASSWORD_LOGIN: z.enum(['on', 'off']).default('on'),
  LMS_BREAKGLASS_EMAIL: z.email().optional(),
  // mail: without LMS_SMTP_URL mails stay in the outbox (listed on /admin), nothing is sent
  LMS_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  LMS_MAIL_FROM: z.string().default('Compliance Academy <no-reply@localhost>'),
  // the in-server reminder scheduler: how often it runs (0 turns it off), and its lease's lifetime
  LMS_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(0).default(5 * 60 * 1000),
  LMS_NOTIFY_LEASE_MS: z.coerce.number().int().min(500).default(60 * 1000),
  // tries per mail before it is marked failed, and the first wait between tries (doubling each time)
  LMS_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  LMS_MAIL_RETRY_MS: z.coerce.number().int().min(0).default(60 * 1000),
});

const mappableRoles = ['employee', 'hr', 'auditor', 'admin'] as const;
export type RoleMapping = { role: (typeof mappableRoles)[number]; group: string };

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  name: string;
  /** `<LMS_PUBLIC_URL>/auth/oidc/callback` */
  redirectUri: string;
  /** Where the provider sends the browser after its logout: `<LMS_PUBLIC_URL>/login` */
  postLogoutRedirectUri: string;
  allowHttp: boolean;
  scopes: string;
  departmentClaim: string;
  groupsClaim: string;
  roleMap: RoleMapping[];
  provision: boolean;
};

/** Parses `hr=Compliance-HR,auditor=Internal-Audit,admin=LMS-Admins` (a role may appear more than once). */
export function parseRoleMap(value: string): RoleMapping[] {
  const out: RoleMapping[] = [];
  for (const part of value.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    const role = part.slice(0, eq).trim().toLowerCase();
    const group = part.slice(eq + 1).trim();
    if (eq < 1 || !group || !(mappableRoles as readonly string[]).includes(role)) {
      throw new Error(`Invalid configuration: LMS_OIDC_ROLE_MAP: "${part.trim()}" is not role=group with a role of ${mappableRoles.join(', ')}`);
    }
    out.push({ role: role as RoleMapping['role'], group });
  }
  return out;
}

function oidcFrom(e: z.infer<typeof schema>): OidcConfig | undefined {
  if (!e.LMS_OIDC_ISSUER) return undefined;
  if (!e.LMS_OIDC_CLIENT_ID) throw new Error('Invalid configuration: LMS_OIDC_CLIENT_ID is required with LMS_OIDC_ISSUER');
  if (!e.LMS_PUBLIC_URL) throw new Error('Invalid configuration: LMS_PUBLIC_URL is required with LMS_OIDC_ISSUER (the redirect URI is built from it)');
  const allowHttp = e.LMS_OIDC_ALLOW_HTTP === '1';
  if (new URL(e.LMS_OIDC_ISSUER).protocol === 'http:' && !allowHttp) {
    throw new Error('Invalid configuration: LMS_OIDC_ISSUER: an http:// issuer needs LMS_OIDC_ALLOW_HTTP=1');
  }
  const publicUrl = e.LMS_PUBLIC_URL.replace(/\/+$/, '');
  const scopes = e.LMS_OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return {
    issuer: e.LMS_OIDC_ISSUER,
    clientId: e.LMS_OIDC_CLIENT_ID,
    clientSecret: e.LMS_OIDC_CLIENT_SECRET,
    name: e.LMS_OIDC_NAME,
    redirectUri: `${publicUrl}/auth/oidc/callback`,
    postLogoutRedirectUri: `${publicUrl}/login`,
    allowHttp,
    scopes: scopes.join(' '),
    departmentClaim: e.LMS_OIDC_DEPARTMENT_CLAIM,
    groupsClaim: e.LMS_OIDC_GROUPS_CLAIM,
    roleMap: parseRoleMap(e.LMS_OIDC_ROLE_MAP),
    provision: e.LMS_OIDC_PROVISION !== 'off',
  };
}

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
  /** null when automatic checkpoints are off. */
  checkpoints: { intervalMs: number; burst: number; pollMs: number } | null;
  /** How often the server verifies the log on its own; null: never. */
  logVerifyMs: number | null;
  production: boolean;
  /** undefined when no OpenID provider is configured */
  oidc: OidcConfig | undefined;
  /** false when LMS_PASSWORD_LOGIN=off: only the break-glass admin may use a password */
  passwordLogin: boolean;
  /** lower-cased LMS_BREAKGLASS_EMAIL */
  breakglassEmail: string | undefined;
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
  // an empty variable means unset (as in `LMS_OIDC_ISSUER= npm start`)
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
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
    logVerifyMs: e.LMS_LOG_VERIFY_HOURS > 0 ? e.LMS_LOG_VERIFY_HOURS * 3_600_000 : null,
    checkpoints: e.LMS_CHECKPOINT_MINUTES > 0 ? { intervalMs: e.LMS_CHECKPOINT_MINUTES * 60_000, burst: e.LMS_CHECKPOINT_BURST, pollMs: e.LMS_CHECKPOINT_POLL_SECONDS * 1000 } : null,
    production: e.NODE_ENV === 'production',
    oidc: oidcFrom(e),
    passwordLogin: e.LMS_PASSWORD_LOGIN !== 'off',
    breakglassEmail: e.LMS_BREAKGLASS_EMAIL?.trim().toLowerCase(),
    smtpUrl: e.LMS_SMTP_URL,
    mailFrom: e.LMS_MAIL_FROM,
    publicUrl: (e.LMS_PUBLIC_URL ?? `http://${env.HOST ?? 'localhost'}:${env.PORT ?? '4321'}`).replace(/\/+$/, ''),
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
