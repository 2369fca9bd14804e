// Step two: the provider sent the browser back with a code. openid-client checks state, exchanges
// the code (with the PKCE verifier) and validates the ID token: signature against the provider's
// keys, issuer, audience, nonce and expiry. Then the person is found or provisioned, and the same
// lucia session as a password login is opened.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write.ts';
import { addressThrottle, openSession } from '../login.ts';
import type { AppLucia } from '../lucia.ts';
import { profileFromClaims } from './claims.ts';
import { providerConfiguration } from './client.ts';
import { failureFromGrantError, OidcFailure } from './failure.ts';
import type { Flow } from './flow.ts';
import { provisionUser } from './provision-user.ts';
import { recordOidcFailure } from './record-failure.ts';

export type FinishOptions = {
  db: Db;
  lucia: AppLucia;
  cfg: OidcConfig;
  breakglassEmail: string | undefined;
  /** the query string the provider sent to the callback */
  search: string;
  /** the flow from this browser's cookie (null when missing or expired) */
  flow: Flow | null;
  address: string;
  now?: number;
};

/** Signs the person in; any failure is counted, logged and thrown as OidcFailure, and no session exists. */
export async function finishSignIn(o: FinishOptions) {
  const now = o.now ?? Date.now();
  try {
    const throttle = await addressThrottle(o.db, o.address, now);
    if (throttle.throttled) throw new OidcFailure('throttled', 'too many failed sign-ins from this address', { retryAfterSeconds: throttle.retryAfterSeconds });
    const params = new URLSearchParams(o.search);
    if (!o.flow) throw new OidcFailure('state', 'no sign-in was started in this browser, or it expired');
    if (params.get('state') !== o.flow.state) throw new OidcFailure('state', 'the state parameter does not match this browser\'s sign-in');

    const configuration = await providerConfiguration(o.cfg);
    // the URL the provider redirected to, as registered (behind a proxy the request URL differs)
    const currentUrl = new URL(o.cfg.redirectUri);
    currentUrl.search = params.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: o.flow.verifier,
        expectedState: o.flow.state,
        expectedNonce: o.flow.nonce,
        idTokenExpected: true,
      });
      const c = tokens.claims();
      if (!c) throw new OidcFailure('token', 'the token response has no ID token');
      claims = c as Record<string, unknown>;
    } catch (err) {
      throw err instanceof OidcFailure ? err : failureFromGrantError(err);
    }

    const profile = profileFromClaims(claims, o.cfg);
    if ('problem' in profile) {
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
      throw new OidcFailure(profile.problem, profile.problem === 'no_email' ? 'the ID token carries no usable email' : 'the provider has not verified this email', { email });
    }
    const result = await writeTransaction(o.db, (tx) => provisionUser(tx, { profile, provision: o.cfg.provision, breakglassEmail: o.breakglassEmail, now }));
    if (!result.ok) {
      throw new OidcFailure(result.reason, result.reason === 'deactivated' ? 'the account is deactivated here' : 'no account for this email and provisioning is off', { email: profile.email, userId: result.userId });
    }
    const session = await openSession({ db: o.db, lucia: o.lucia, userId: result.userId, address: o.address, method: 'oidc', now, details: { issuer: profile.issuer, ...(result.created ? { provisioned: true } : {}), ...(result.linked ? { linked: true } : {}) } });
    return { session, userId: result.userId, next: o.flow.next };
  } catch (err) {
    if (!(err instanceof OidcFailure)) throw err;
    await recordOidcFailure(o.db, err, o.address, now);
    throw err;
  }
}
