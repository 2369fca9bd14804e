import type { AppLucia } from './lucia.ts';

type CookieJar = { set(name: string, value: string, options: Record<string, unknown>): void };

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over https. */
export function setSessionCookie(cookies: CookieJar, lucia: AppLucia, sessionId: string, url: URL): void {
  const c = lucia.createSessionCookie(sessionId);
  cookies.set(c.name, c.value, { ...c.attributes, secure: url.protocol === 'https:' });
}

/** Clears the session cookie. */
export function clearSessionCookie(cookies: CookieJar, lucia: AppLucia, url: URL): void {
  const c = lucia.createBlankSessionCookie();
  cookies.set(c.name, c.value, { ...c.attributes, secure: url.protocol === 'https:' });
}
