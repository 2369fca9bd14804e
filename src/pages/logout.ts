import type { APIRoute } from 'astro';
import { logout } from '../lib/auth/login.ts';
import { providerLogoutUrl } from '../lib/auth/oidc/end-session.ts';
import { clearSessionCookie } from '../lib/auth/session-cookie.ts';
import { config } from '../lib/config.ts';
import { isSecureRequest } from '../lib/http.ts';
import { localePath } from '../lib/locale-path.ts';
import { runtime } from '../lib/runtime.ts';

// The layout's logout button posts here; the API twin is /api/auth/logout. After a sign-in through
// the identity provider, the browser then goes to the provider's logout (when it has one).
export const POST: APIRoute = async ({ locals, cookies, request, redirect }) => {
  const { db, lucia } = await runtime();
  const { oidc, trustedProxyHeader } = config();
  const viaProvider = locals.session?.loginMethod === 'oidc';
  if (locals.session && locals.user) await logout({ db, lucia, sessionId: locals.session.id, userId: locals.user.id });
  clearSessionCookie(cookies, lucia, isSecureRequest(request, trustedProxyHeader));
  const providerUrl = viaProvider && oidc ? await providerLogoutUrl(oidc) : null;
  return redirect(providerUrl ?? localePath(locals.locale, '/login'), 303);
};
