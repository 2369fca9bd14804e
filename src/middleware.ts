import type { APIContext, MiddlewareNext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { decideAccess } from './lib/auth/permissions.ts';
import { normaliseRequestPath } from './lib/auth/request-path.ts';
import { clearSessionCookie, setSessionCookie } from './lib/auth/session-cookie.ts';
import { config } from './lib/config.ts';
import { loggableError } from './lib/errors.ts';
import { t } from './i18n/index.ts';
import { errorResponse, isSecureRequest } from './lib/http.ts';
import { localePath, splitLocale } from './lib/locale-path.ts';
import { rememberLocale } from './lib/notify/preferences.ts';
import { runtime } from './lib/runtime.ts';

function oidcOrigin(): string {
  const issuer = config().oidc?.issuer;
  return issuer ? ` ${new URL(issuer).origin}` : '';
}

// frame-ancestors cannot be set from a <meta> tag, so it goes in a header; Astro's own
// <meta> CSP carries script-src and style-src with the hashes of its scripts.
const SECURITY_HEADERS: Record<string, string> = {
  // the logout form's redirect may continue to the identity provider's logout, which form-action governs too
  'content-security-policy': `frame-ancestors 'none'; base-uri 'self'; form-action 'self'${oidcOrigin()}; object-src 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(self), geolocation=(), microphone=()',
};

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    return await handleRequest(context, next);
  } catch (err) {
    // caught here so that Astro's own logger never prints the message: a database error quotes its
    // parameters (a session id from the cookie, a password hash), and others may quote request data
    const api = new URL(context.request.url).pathname.startsWith('/api/');
    console.error(`Unhandled error on ${api ? 'an API route' : 'a page'}:`, loggableError(err));
    const locale = context.locals.locale ?? 'en';
    return api ? errorResponse(500, 'Something went wrong on our side') : new Response(t(locale, 'error.unexpected'), { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
});

async function handleRequest(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const url = new URL(context.request.url);
  // access is decided on the path the router will serve, and the router is then given exactly that path
  const served = normaliseRequestPath(url.pathname);
  if (!served.ok) return malformedPath(url.pathname);
  const { locale, path } = splitLocale(served.path);
  context.locals.locale = locale;
  context.locals.path = path;
  context.locals.user = null;
  context.locals.session = null;

  const { lucia } = await runtime();
  // Session ids are read from the cookie only, never from the URL.
  const sessionId = context.cookies.get(lucia.sessionCookieName)?.value ?? null;
  if (sessionId) {
    const { session, user } = await lucia.validateSession(sessionId);
    const secure = isSecureRequest(context.request, config().trustedProxyHeader);
    if (session && user?.active) {
      // lucia extends a session used in its second half: the cookie follows (sliding expiry)
      if (session.fresh) setSessionCookie(context.cookies, lucia, session.id, secure);
      context.locals.session = session;
      context.locals.user = user;
    } else {
      if (session) await lucia.invalidateSession(session.id);
      clearSessionCookie(context.cookies, lucia, secure);
    }
  }

  const isApi = path.startsWith('/api/');
  // the JSON API is not localised: it lives at /api only
  if (isApi && locale !== 'en') return errorResponse(404, 'Not found');
  const decision = decideAccess(path, context.locals.user?.role ?? null);
  let response: Response;
  if (decision === 'login') {
    response = isApi
      ? errorResponse(401, 'Not logged in')
      : context.redirect(`${localePath(locale, '/login')}?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  } else if (decision === 'forbidden') {
    response = isApi ? errorResponse(403, 'Not allowed') : await next('/forbidden');
  } else {
    response = locale === 'en' && served.path === url.pathname ? await next() : await next(path + url.search);
    // an API path no endpoint matched gets the API's error shape, not the HTML 404 page
    if (isApi && response.status === 404 && !response.headers.get('content-type')?.includes('json')) {
      response = errorResponse(404, 'Not found');
    }
  }

  // a signed-in person's language is the one they last used a page in: their mails are written in it
  const who = context.locals.user;
  if (!isApi && who && response.status === 200 && who.locale !== locale) await rememberLocale(who.id, locale);
  // remember the language last used, so "/" only sends first-time visitors by their browser's preference
  if (!isApi && context.cookies.get('lms_locale')?.value !== locale && response.status === 200) {
    context.cookies.set('lms_locale', locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, httpOnly: true });
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    const existing = response.headers.get(name);
    // Astro sends its own CSP (script-src with hashes) on pages; ours adds what it cannot express
    response.headers.set(name, existing && name === 'content-security-policy' ? `${existing.replace(/;\s*$/, '')}; ${value}` : existing ?? value);
  }
  if (context.locals.user && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
  return response;
}

/** 400 for a path that decodes to something no route should see; the API's shape under /api, else a short page. */
function malformedPath(raw: string): Response {
  const { locale, path } = splitLocale(raw.toLowerCase());
  if (path.startsWith('/api/')) return errorResponse(400, 'The address is malformed');
  const text = t(locale, 'error.malformedPath');
  const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${text}</title><p>${text}</p><p><a href="${localePath(locale, '/')}">${t(locale, 'nav.home')}</a></p></html>`;
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(html, { status: 400, headers });
}
