// Starts the built server (npm run build first) on a free port with its own data directory,
// and gives tests helpers to create users and sign in through the real HTTP API.
import { systemActor } from '../../src/lib/auth/permissions.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '../../src/lib/auth/manage-users.ts';
import type { Role } from '../../src/lib/auth/permissions.ts';
import { drizzleFor, openClient, type Db } from '../../src/lib/db/client.ts';
import { migrateDatabase } from '../../src/lib/db/migrate.ts';
import { newId } from '../../src/lib/ids.ts';

export const root = path.resolve(import.meta.dirname, '../..');

export type TestServer = {
  url: string;
  dataDir: string;
  db: Db;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Creates a user straight in the database; returns its email and password. */
  user: (role: Role, o?: { name?: string; department?: string; email?: string }) => Promise<{ id: string; email: string; password: string; role: Role }>;
  /** Signs in through POST /api/auth/login and returns a client that sends the session cookie. */
  login: (who: { email: string; password: string }) => Promise<Client>;
  /** A client with no session. */
  anonymous: () => Client;
};

export type Client = {
  cookie: string | null;
  fetch: (pathname: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function clientFor(url: string, cookie: string | null): Client {
  return {
    cookie,
    fetch: (pathname, init = {}) => {
      const headers = new Headers(init.headers);
      if (cookie) headers.set('cookie', cookie);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return fetch(url + pathname, { ...init, headers, body, redirect: 'manual' });
    },
  };
}

/** Starts a server process on a fresh data directory (or the one given, to restart after a crash). */
export async function startServer(o: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(root, 'dist/server/entry.mjs'))) throw new Error('Run `npm run build` before the integration tests');
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lms-test-'));
  const port = o.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    // the audit programme's scheduler is off unless a test asks for it (it writes on its own timer)
    env: { ...process.env, LMS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LMS_SEED: '0', NODE_ENV: 'test', LMS_PROGRAMME_INTERVAL_MS: '0', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = () => {
      if (/listening on/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const client = await openClient(`file:${path.join(dataDir, 'lms.db')}`);
  const db = drizzleFor(client);
  await migrateDatabase(db, path.join(root, 'db/migrations'));
  const server: TestServer = {
    url,
    dataDir,
    db,
    child,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      client.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
    },
    user: async (role, u = {}) => {
      const email = u.email ?? `${role}-${newId(8)}@test.example`;
      const password = `pw-${newId(16)}`;
      const id = await createUser(db, { user: { email, name: u.name ?? `Test ${role} ${newId(4)}`, role, department: u.department }, password, actor: systemActor });
      return { id, email, password, role };
    },
    login: async (who) => {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lms_session='))!.split(';')[0]!;
      return clientFor(url, cookie);
    },
    anonymous: () => clientFor(url, null),
  };
  return server;
}
