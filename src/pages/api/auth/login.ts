import type { APIRoute } from 'astro';
import { z } from 'zod';
import { login } from '../../../lib/auth/login.ts';
import { setSessionCookie } from '../../../lib/auth/session-cookie.ts';
import { config } from '../../../lib/config.ts';
import { clientAddressOf, handle, isSecureRequest, json, readJson } from '../../../lib/http.ts';
import { runtime } from '../../../lib/runtime.ts';

const body = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export const POST: APIRoute = handle(async (ctx) => {
  const input = await readJson(ctx.request, body);
  const { db, lucia } = await runtime();
  const address = clientAddressOf(ctx.request, ctx.clientAddress, config().trustedProxyHeader);
  const { session, user } = await login({ db, lucia, email: input.email, password: input.password, address });
  setSessionCookie(ctx.cookies, lucia, session.id, isSecureRequest(ctx.request, config().trustedProxyHeader));
  return json({ user });
});
