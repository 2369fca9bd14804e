// Runs `npm run lms -- notify run` as its own process against a test database, as cron would.
import { spawn, type ChildProcess } from 'node:child_process';
import { root } from './server.ts';

export type NotifyEnv = { dataDir: string; smtpUrl?: string; publicUrl?: string; env?: Record<string, string> };
export type RunResult = { code: number | null; signal: NodeJS.Signals | null; out: string };

/** Starts one pass (`--now` when given) and returns the child, for tests that kill it midway. */
export function spawnNotifyRun(o: NotifyEnv, now?: number): { child: ChildProcess; done: Promise<RunResult> } {
  const args = ['scripts/lms.ts', 'notify', 'run', ...(now === undefined ? [] : ['--now', new Date(now).toISOString()])];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LMS_DATA_DIR: o.dataDir, NODE_ENV: 'test', ...o.env };
  delete env.LMS_SMTP_URL;
  if (o.smtpUrl) env.LMS_SMTP_URL = o.smtpUrl;
  if (o.publicUrl) env.LMS_PUBLIC_URL = o.publicUrl;
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<RunResult>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { child, done };
}

/** One pass to its end; throws with the output when it fails. */
export async function notifyRun(o: NotifyEnv, now?: number): Promise<string> {
  const r = await spawnNotifyRun(o, now).done;
  if (r.code !== 0) throw new Error(`notify run failed (${r.code} ${r.signal}):\n${r.out}`);
  return r.out;
}
