// Why a sign-in through the identity provider failed: a fixed reason for the page (and the log),
// and the library's own message as detail. Neither ever contains a token.
import * as client from 'openid-client';

export const failureReasons = [
  'unreachable', // discovery, keys or the token endpoint could not be reached
  'state', // no sign-in was started in this browser, it is too old, or `state` does not match
  'denied', // the provider answered the callback with an error (the person cancelled, no access)
  'code', // the code was refused: replayed, expired or not ours
  'token', // the ID token failed a check: signature, audience, issuer, nonce, expiry
  'no_email',
  'unverified_email',
  'deactivated',
  'no_account', // unknown person and LMS_OIDC_PROVISION=off
  'throttled',
] as const;
export type FailureReason = (typeof failureReasons)[number];

export class OidcFailure extends Error {
  readonly reason: FailureReason;
  readonly detail: string;
  retryAfterSeconds = 0;
  email: string | undefined;
  userId: string | undefined;
  constructor(reason: FailureReason, detail: string, o: { email?: string | undefined; userId?: string | undefined; retryAfterSeconds?: number } = {}) {
    super(`OpenID sign-in failed (${reason}): ${detail}`);
    this.reason = reason;
    this.detail = detail;
    this.email = o.email;
    this.userId = o.userId;
    this.retryAfterSeconds = o.retryAfterSeconds ?? 0;
  }

  /** The UI string for the page. */
  get key(): string {
    return `sso.error.${this.reason}`;
  }
}

function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|UND_ERR_\w+)$/.test(code)) return true;
    if ((e as { name?: unknown }).name === 'TimeoutError' || (e as { name?: unknown }).name === 'AbortError') return true;
  }
  return false;
}

/** Classifies an error from openid-client during the code exchange. */
export function failureFromGrantError(err: unknown): OidcFailure {
  if (err instanceof client.AuthorizationResponseError) return new OidcFailure('denied', `provider answered ${err.error}`);
  if (err instanceof client.ResponseBodyError) {
    if (err.error === 'invalid_grant') return new OidcFailure('code', `token endpoint: ${err.error}`);
    return new OidcFailure(err.status >= 500 ? 'unreachable' : 'code', `token endpoint: ${err.error} (HTTP ${err.status})`);
  }
  if (isNetworkError(err)) return new OidcFailure('unreachable', `provider unreachable: ${describe(err)}`);
  const code = (err as { code?: unknown }).code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON') return new OidcFailure('unreachable', describe(err));
  if (code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(String((err as Error).message))) return new OidcFailure('state', describe(err));
  return new OidcFailure('token', describe(err));
}

/** An error from discovery. */
export function failureFromDiscoveryError(err: unknown): OidcFailure {
  return new OidcFailure('unreachable', `discovery failed: ${describe(err)}`);
}

// The library's messages are fixed texts ("unexpected JWT "aud" (audience) claim value"); openid-client
// wraps oauth4webapi's precise one as `cause`. The cause's own `cause` objects, which hold claims,
// keys or headers, are deliberately never logged.
function describe(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const code = (err as { code?: unknown }).code;
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const precise = cause && (typeof (cause as { code?: unknown }).code === 'string' || isNetworkError(err)) && cause.message !== err.message ? `: ${cause.message.slice(0, 160)}` : '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${err.message.slice(0, 160)}${precise}`;
}
