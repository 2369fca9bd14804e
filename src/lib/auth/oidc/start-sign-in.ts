// Step one of the authorization code flow with PKCE, state and nonce: where to send the browser,
// and what it must bring back (kept in its flow cookie).
import * as client from 'openid-client';
import type { Locale } from '../../../i18n/index.ts';
import type { OidcConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { addressThrottle } from '../login.ts';
import { providerConfiguration } from './client.ts';
import { encodeFlow } from './flow.ts';
import { OidcFailure } from './failure.ts';
import { recordOidcFailure } from './record-failure.ts';

export type StartOptions = { db: Db; cfg: OidcConfig; next: string; locale: Locale; address: string; now?: number };

/** The provider's authorization URL and the flow cookie's value; failures are recorded and thrown as OidcFailure. */
export async function startSignIn(o: StartOptions): Promise<{ url: string; flowCookie: string }> {
  const now = o.now ?? Date.now();
  const throttle = await addressThrottle(o.db, o.address, now);
  if (throttle.throttled) throw new OidcFailure('throttled', 'too many failed sign-ins from this address', { retryAfterSeconds: throttle.retryAfterSeconds });
  try {
    const configuration = await providerConfiguration(o.cfg);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: o.cfg.redirectUri,
      scope: o.cfg.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ui_locales: o.locale === 'zh-cn' ? 'zh-CN en' : 'en',
    });
    return { url: url.href, flowCookie: encodeFlow({ state, nonce, verifier, next: o.next, locale: o.locale, at: now }) };
  } catch (err) {
    const failure = err instanceof OidcFailure ? err : new OidcFailure('unreachable', err instanceof Error ? err.message.slice(0, 200) : 'unknown error');
    await recordOidcFailure(o.db, failure, o.address, now);
    throw failure;
  }
}
