import type { APIRoute } from 'astro';
import { logout } from '../../../lib/auth/login.ts';
import { clearSessionCookie } from '../../../lib/auth/session-cookie.ts';
import { config } from '../../../lib/config.ts';
import { handle, isSecureRequest } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';

export const POST: APIRoute = handle(async ({ locals, cookies, request }) => {
  const { db, lucia } = await runtime();
  if (locals.session && locals.user) await logout({ db, lucia, sessionId: locals.session.id, userId: locals.user.id });
  clearSessionCookie(cookies, lucia, isSecureRequest(request, config().trustedProxyHeader));
  return new Response(null, { status: 204 });
});
