// The server's long-lived parts, made once per process on first use.
import { createLucia, type AppLucia } from './auth/lucia.ts';
import { getDb, type Db } from './db/client.ts';

let ready: Promise<{ db: Db; lucia: AppLucia }> | undefined;

/** The database and session manager for this process. */
export function runtime(): Promise<{ db: Db; lucia: AppLucia }> {
  ready ??= getDb().then((db) => ({ db, lucia: createLucia(db) }));
  return ready;
}
