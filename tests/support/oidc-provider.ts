// A real OpenID provider (the `oidc-provider` package) on loopback for the tests, with test accounts
// and groups, issuer http://127.0.0.1:<port>. A small front server in the same process answers the
// login interaction (a one-field form: the account id) and can rewrite the ID token the token
// endpoint returns, to test forged and wrong tokens.
import http from 'node:http';
import type net from 'node:net';
import * as jose from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { freePort } from './server.ts';

export type TestAccount = {
  email: string;
  email_verified?: boolean;
  name?: string;
  department?: string;
  groups?: string[];
};

/** Rewrites the claims (and may sign with another key) of the ID token in the token response. */
export type Tamper = (claims: jose.JWTPayload) => { claims: jose.JWTPayload; signWith?: 'foreign-key' | 'rotated-key' };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** set to rewrite the next ID tokens; null for honest answers */
  tamper: Tamper | null;
  /** lifetime of authorization codes in seconds */
  codeTtl: number;
  /** how many token requests reached the provider */
  tokenRequests: number;
  /** requests per path (discovery, keys, token, …) */
  hits: Map<string, number>;
  /** publishes a second signing key (kid test-key-2) beside the first; tamper with signWith 'rotated-key' signs with it */
  rotateKeys: () => Promise<void>;
  /** the app settings that point at this provider */
  appEnv: (appUrl: string) => Record<string, string>;
  stop: () => Promise<void>;
};

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginForm(uid: string, error = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head><body>
<h1>Test identity provider</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">Username</label><input id="login" name="login" autofocus>
<button type="submit">Continue</button></form></body></html>`;
}

/** Starts the provider; the app's redirect URI is `<appUrl>/auth/oidc/callback`, so the app's port must be known first. */
export async function startProvider(o: { appUrl: string; accounts?: Record<string, TestAccount> }): Promise<TestProvider> {
  const [frontPort, innerPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${frontPort}`;
  const clientId = 'lms-test';
  const clientSecret = 'lms-test-secret-0123456789abcdef';
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingJwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  // a key the provider never published, under the same kid: tokens signed with it must fail the signature check
  const foreign = (await jose.generateKeyPair('RS256')).privateKey;

  const state: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts: new Map(Object.entries(o.accounts ?? {})),
    tamper: null,
    codeTtl: 60,
    tokenRequests: 0,
    hits: new Map(),
    rotateKeys: async () => {},
    appEnv: (appUrl) => ({
      LMS_PUBLIC_URL: appUrl,
      LMS_OIDC_ISSUER: issuer,
      LMS_OIDC_CLIENT_ID: clientId,
      LMS_OIDC_CLIENT_SECRET: clientSecret,
      LMS_OIDC_ALLOW_HTTP: '1',
      LMS_OIDC_NAME: 'Test IdP',
      LMS_OIDC_SCOPES: 'openid email profile groups',
      LMS_OIDC_ROLE_MAP: 'hr=Compliance-HR,auditor=Internal-Audit,admin=LMS-Admins',
    }),
    stop: async () => {},
  };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${o.appUrl}/auth/oidc/callback`],
      post_logout_redirect_uris: [`${o.appUrl}/login`],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    }],
    jwks: { keys: [signingJwk as jose.JWK & { kid: string }] } as never,
    cookies: { keys: ['test-cookie-key-not-secret'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'department'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // the claims of the requested scopes go into the ID token, which is what the app reads
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // the default page imports a web font; nothing outside loopback is reachable here
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head><body><h1>Sign out of the test provider?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></body></html>`;
        },
      },
    },
    pkce: { required: () => true },
    ttl: { AuthorizationCode: () => state.codeTtl, AccessToken: 600, IdToken: 600, Interaction: 600, Grant: 3600, Session: 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const a = state.accounts.get(id);
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...a }) };
    },
    // first-party client: no consent screen
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  let rotated: { privateKey: CryptoKey; publicJwk: jose.JWK } | null = null;
  state.rotateKeys = async () => {
    const pair = await jose.generateKeyPair('RS256', { extractable: true });
    rotated = { privateKey: pair.privateKey, publicJwk: { ...(await jose.exportJWK(pair.publicKey)), kid: 'test-key-2', alg: 'RS256', use: 'sig' } };
  };
  const callback = provider.callback();
  const inner = http.createServer(callback);
  await listen(inner, innerPort);

  async function rewriteToken(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req);
    const upstream = await fetch(`http://127.0.0.1:${innerPort}/token`, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['content-length', 'connection', 'host'].includes(k))) as Record<string, string>,
      body,
    });
    const json = (await upstream.json()) as Record<string, unknown>;
    if (upstream.ok && typeof json.id_token === 'string' && state.tamper) {
      const { claims, signWith } = state.tamper(jose.decodeJwt(json.id_token));
      if (signWith === 'rotated-key' && !rotated) throw new Error('rotateKeys() first');
      const key = signWith === 'foreign-key' ? foreign : signWith === 'rotated-key' ? rotated!.privateKey : await jose.importJWK(signingJwk, 'RS256');
      const kid = signWith === 'rotated-key' ? 'test-key-2' : 'test-key-1';
      json.id_token = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
    }
    res.writeHead(upstream.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(json));
  }

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST') {
      const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
      if (!state.accounts.has(login)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(loginForm(uid, 'Unknown user'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name !== 'login') throw new Error(`unexpected prompt ${details.prompt.name}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginForm(uid));
  }

  const front = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    const done = (p: Promise<void>) => p.catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
    if (url.pathname === '/token' && req.method === 'POST') state.tokenRequests++;
    state.hits.set(url.pathname, (state.hits.get(url.pathname) ?? 0) + 1);
    if (url.pathname === '/jwks' && rotated) {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicFirst } = signingJwk;
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
      res.end(JSON.stringify({ keys: [publicFirst, rotated.publicJwk] }));
      return;
    }
    if (m) return done(interaction(req, res, m[1]!));
    if (url.pathname === '/token' && state.tamper) return done(rewriteToken(req, res));
    return callback(req, res);
  });
  await listen(front, frontPort);
  const sockets = new Set<net.Socket>();
  for (const s of [front, inner]) s.on('connection', (c) => { sockets.add(c); c.on('close', () => sockets.delete(c)); });

  state.stop = async () => {
    for (const c of sockets) c.destroy();
    await Promise.all([front, inner].map((s) => new Promise((r) => s.close(r))));
  };
  return state;
}

/** A cookie jar of name=value pairs (paths and expiry do not matter for these short walks). */
export class Jar {
  cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0\b/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

async function get(url: string, jar: Jar, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, { redirect: 'manual', headers: { ...headers, cookie: jar.header() } });
  jar.take(res);
  return res;
}

/**
 * Walks the browser's part of a sign-in up to the provider's redirect back to the app:
 * app /auth/oidc/start → provider authorization → login form → provider resume. Returns the
 * callback URL (with code and state) and the app-side cookies (the flow cookie), not yet used.
 */
export async function walkToCallback(o: { appUrl: string; provider: TestProvider; login: string; next?: string; headers?: Record<string, string>; locale?: 'zh-cn' }) {
  const app = new Jar();
  const idp = new Jar();
  const startPath = `${o.locale === 'zh-cn' ? '/zh-cn' : ''}/auth/oidc/start${o.next !== undefined ? `?next=${encodeURIComponent(o.next)}` : ''}`;
  const start = await get(o.appUrl + startPath, app, o.headers);
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  const authUrl = start.headers.get('location')!;
  const callbackUrl = await walkProvider({ authUrl, provider: o.provider, login: o.login, appUrl: o.appUrl, idp });
  return { authUrl: new URL(authUrl), callbackUrl, app, idp };
}

/** The provider's part alone: authorization URL → login form → resume → the redirect back (returned). */
export async function walkProvider(o: { authUrl: string; provider: TestProvider; login: string; appUrl: string; idp?: Jar }): Promise<string> {
  const idp = o.idp ?? new Jar();
  const authUrl = o.authUrl;
  const toLogin = await get(authUrl, idp);
  if (toLogin.status !== 303) throw new Error(`authorization answered ${toLogin.status}: ${await toLogin.text()}`);
  const interactionUrl = new URL(toLogin.headers.get('location')!, o.provider.issuer).href;
  await get(interactionUrl, idp);
  const posted = await fetch(interactionUrl, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: idp.header() }, body: new URLSearchParams({ login: o.login }) });
  idp.take(posted);
  if (posted.status !== 303) throw new Error(`login answered ${posted.status}: ${await posted.text()}`);
  const resumed = await get(new URL(posted.headers.get('location')!, o.provider.issuer).href, idp);
  const callbackUrl = resumed.headers.get('location') ?? '';
  if (resumed.status !== 303 || !callbackUrl.startsWith(`${o.appUrl}/auth/oidc/callback`)) throw new Error(`resume answered ${resumed.status} to ${callbackUrl}: ${await resumed.text()}`);
  return callbackUrl;
}

/** Calls the app's callback as the browser would, with its cookies. */
export async function callApp(url: string, jar: Jar, headers: Record<string, string> = {}): Promise<Response> {
  return get(url, jar, headers);
}
