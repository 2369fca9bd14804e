import type { APIRoute } from 'astro';
import { logout } from '../lib/auth/login.ts';
import { clearSessionCookie } from '../lib/auth/session-cookie.ts';
import { config } from '../lib/config.ts';
import { isSecureRequest } from '../lib/http.ts';
import { localePath } from '../lib/locale-path.ts';
import { runtime } from '../lib/runtime.ts';

// The layout's logout button posts here; the API twin is /api/auth/logout.
export const POST: APIRoute = async ({ locals, cookies, request, redirect }) => {
  const { db, lucia } = await runtime();
  if (locals.session && locals.user) await logout({ db, lucia, sessionId: locals.session.id, userId: locals.user.id });
  clearSessionCookie(cookies, lucia, isSecureRequest(request, config().trustedProxyHeader));
  return redirect(localePath(locals.locale, '/login'), 303);
};
