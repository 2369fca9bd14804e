// The relying party's caching, in this process against a real oidc-provider on loopback (no app
// server, so that the clock can be moved): discovery and keys are fetched once; a token naming an
// unknown key makes the keys be fetched again (the library allows that once its copy is a minute
// old, so that forged kids cannot make it hammer the provider); an unreachable token endpoint fails
// cleanly.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLucia } from '../../src/lib/auth/lucia.ts';
import { finishSignIn } from '../../src/lib/auth/oidc/finish-sign-in.ts';
import { OidcFailure } from '../../src/lib/auth/oidc/failure.ts';
import { decodeFlow } from '../../src/lib/auth/oidc/flow.ts';
import { startSignIn } from '../../src/lib/auth/oidc/start-sign-in.ts';
import { loadConfig, type OidcConfig } from '../../src/lib/config.ts';
import { tempDb } from '../support/db.ts';
import { startProvider, walkProvider, type TestProvider } from '../support/oidc-provider.ts';

const appUrl = 'http://127.0.0.1:9'; // never called: the test plays the browser and the app
let provider: TestProvider;
let cfg: OidcConfig;
let db: Awaited<ReturnType<typeof tempDb>>;

beforeAll(async () => {
  provider = await startProvider({ appUrl, accounts: { kim: { email: 'kim@firm.example', email_verified: true, name: 'Kim' } } });
  cfg = loadConfig(provider.appEnv(appUrl)).oidc!;
  db = await tempDb();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await provider?.stop();
  db?.close();
});

async function signIn() {
  const started = await startSignIn({ db: db.db, cfg, next: '/training', locale: 'en', address: '127.0.0.1' });
  const callbackUrl = await walkProvider({ authUrl: started.url, provider, login: 'kim', appUrl });
  return finishSignIn({ db: db.db, lucia: createLucia(db.db), cfg, breakglassEmail: undefined, search: new URL(callbackUrl).search, flow: decodeFlow(started.flowCookie), address: '127.0.0.1' });
}

describe('discovery and the provider\'s keys', () => {
  it('are fetched once for several sign-ins, and the keys again when a token names a new key', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn()).next).toBe('/training');
    expect(provider.hits.get('/.well-known/openid-configuration')).toBe(1);
    expect(provider.hits.get('/jwks')).toBe(1);

    // the provider rotates: it publishes a second key and signs with it
    await provider.rotateKeys();
    provider.tamper = (claims) => ({ claims, signWith: 'rotated-key' });
    // a minute later (the library's guard), the unknown kid makes it fetch the keys again
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() + 61_000);
    expect((await signIn()).next).toBe('/training');
    expect(provider.hits.get('/jwks')).toBe(2);
    expect(provider.hits.get('/.well-known/openid-configuration')).toBe(1);
    vi.restoreAllMocks();
    provider.tamper = null;
  });

  it('a token endpoint that cannot be reached fails as unreachable, with no session', async () => {
    const started = await startSignIn({ db: db.db, cfg, next: '/training', locale: 'en', address: '10.9.9.9' });
    const callbackUrl = await walkProvider({ authUrl: started.url, provider, login: 'kim', appUrl });
    await provider.stop();
    const err = await finishSignIn({ db: db.db, lucia: createLucia(db.db), cfg, breakglassEmail: undefined, search: new URL(callbackUrl).search, flow: decodeFlow(started.flowCookie), address: '10.9.9.9' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OidcFailure);
    expect((err as OidcFailure).reason).toBe('unreachable');
  });
});
