import type { AppLucia } from './lucia.ts';

type CookieJar = { set(name: string, value: string, options: Record<string, unknown>): void };

/** Sets the session cookie: HttpOnly, SameSite=Lax, and Secure when the request came over https. */
export function setSessionCookie(cookies: CookieJar, lucia: AppLucia, sessionId: string, secure: boolean): void {
  const c = lucia.createSessionCookie(sessionId);
  cookies.set(c.name, c.value, { ...c.attributes, secure });
}

/** Clears the session cookie. */
export function clearSessionCookie(cookies: CookieJar, lucia: AppLucia, secure: boolean): void {
  const c = lucia.createBlankSessionCookie();
  cookies.set(c.name, c.value, { ...c.attributes, secure });
}
