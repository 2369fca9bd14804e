import { Lucia, TimeSpan } from 'lucia';
import type { Role } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { SessionAdapter } from './session-adapter.ts';

export type SessionUser = { id: string; email: string; name: string; role: Role; departmentId: string | null; active: boolean; locale: string | null; hasReports: boolean };

/** Lucia over our users and sessions tables; sessions last 14 days and slide while used. */
export function createLucia(db: Db) {
  return new Lucia(new SessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(14, 'd'),
    sessionCookie: { name: 'lms_session', attributes: { sameSite: 'lax' } },
    getSessionAttributes: (a) => ({ loginMethod: a.loginMethod ?? 'password' }),
    getUserAttributes: (a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      departmentId: a.departmentId,
      active: Boolean(a.active),
      // the language they last used: mails are written in it
      locale: a.locale ?? null,
      // whether anyone reports to them: the menu then shows "My team"
      hasReports: Boolean(a.hasReports),
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

/** How a session was opened. */
export type LoginMethod = 'password' | 'oidc';

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseSessionAttributes: { loginMethod?: LoginMethod };
    DatabaseUserAttributes: { email: string; name: string; role: Role; departmentId: string | null; active: boolean; locale: string | null; hasReports: boolean };
  }
}
