// The short-lived state of one sign-in between /auth/oidc/start and /auth/oidc/callback, kept in an
// HttpOnly cookie of the browser that started it (so a callback from another browser has none).
import { z } from 'zod';
import { isLocale, type Locale } from '../../../i18n/index.ts';

export const FLOW_COOKIE = 'lms_oidc';
export const FLOW_MAX_AGE_SECONDS = 600;

const flowSchema = z.object({
  state: z.string().min(16).max(128),
  nonce: z.string().min(16).max(128),
  verifier: z.string().min(43).max(128),
  next: z.string().max(2048),
  locale: z.string().refine(isLocale),
  at: z.number().int(),
});

export type Flow = { state: string; nonce: string; verifier: string; next: string; locale: Locale; at: number };

export function encodeFlow(f: Flow): string {
  return Buffer.from(JSON.stringify(f)).toString('base64url');
}

/** The flow a cookie holds, or null when it is missing, malformed or older than ten minutes. */
export function decodeFlow(value: string | undefined, now = Date.now()): Flow | null {
  if (!value || value.length > 4096) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const f = parsed.data as Flow;
    return now - f.at <= FLOW_MAX_AGE_SECONDS * 1000 && f.at <= now + 60_000 ? f : null;
  } catch {
    return null;
  }
}

/** The locale a flow cookie names, even an expired one (for the error page). */
export function flowLocale(value: string | undefined): Locale | null {
  if (!value || value.length > 4096) return null;
  try {
    const l: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))?.locale;
    return isLocale(l) ? l : null;
  } catch {
    return null;
  }
}
