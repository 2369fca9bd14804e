import type { Db, Tx } from './client.ts';

// SQLite has one writer at a time. Queueing this process's write transactions here, rather
// than letting them race for the file lock, means a burst of a hundred submissions waits its
// turn instead of failing with SQLITE_BUSY or exhausting the client's connection pool.
let tail: Promise<unknown> = Promise.resolve();

/** Runs `work` in a write transaction, one at a time per process; it commits or rolls back whole. */
export function writeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const run = tail.then(() => db.transaction(work));
  tail = run.catch(() => undefined);
  return run;
}
