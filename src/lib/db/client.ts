import fs from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from '../../../db/schema.ts';
import { config } from '../config.ts';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

let client: Client | undefined;
let db: Db | undefined;

/** Opens a libSQL client; a local file is put in WAL mode so readers never wait for the writer. */
export async function openClient(url: string, authToken?: string): Promise<Client> {
  const isFile = url.startsWith('file:');
  if (isFile) fs.mkdirSync(path.dirname(path.resolve(url.slice('file:'.length))), { recursive: true });
  // timeout: how long a connection waits for SQLite's write lock (ms) instead of failing with SQLITE_BUSY
  const c = createClient({ url, authToken, timeout: 15_000 });
  if (isFile) await c.execute('PRAGMA journal_mode = WAL');
  return c;
}

/** Wraps an open client in drizzle with the schema. */
export function drizzleFor(c: Client): Db {
  return drizzle(c, { schema });
}

/** The process-wide database handle. */
export async function getDb(): Promise<Db> {
  if (db) return db;
  const cfg = config();
  client = await openClient(cfg.databaseUrl, cfg.databaseAuthToken);
  db = drizzleFor(client);
  return db;
}

/** Closes the process-wide handle (CLI commands and tests). */
export function closeDb(): void {
  client?.close();
  client = undefined;
  db = undefined;
}

export { schema };
