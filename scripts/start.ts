// `npm start`: migrate, seed a demo organisation on an empty database, then serve the built app
// and run the scheduled work (log checkpoints, reminders) in the same process.
import { systemActor } from '../src/lib/auth/permissions.ts';
import { config } from '../src/lib/config.ts';
import { scheduleLogJobs } from '../src/lib/log/checkpoint-schedule.ts';
import { checkpointOrgLog, verifyOrgLog } from '../src/lib/log/org-log.ts';
import { startNotifyScheduler } from '../src/lib/notify/scheduler.ts';
import { startProgrammeScheduler } from '../src/lib/programme/scheduler.ts';
import { prepare } from './prepare.ts';

const db = await prepare({ seed: process.env.LMS_SEED !== '0' });
// scheduled drafts and daily training snapshots; with several servers, leases pick one to do each pass
if (config().programmeIntervalMs > 0) startProgrammeScheduler(db, { intervalMs: config().programmeIntervalMs });
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
// @ts-ignore: the build output has no type declarations
await import('../dist/server/entry.mjs');

// the audit log's checkpoints (and its daily verification), on whichever server holds the lease
const { checkpoints, logVerifyMs } = config();
if (checkpoints) {
  scheduleLogJobs(db, {
    pollMs: checkpoints.pollMs,
    checkpoints: { policy: checkpoints, take: (trigger) => checkpointOrgLog(db, systemActor, trigger) },
    verification: logVerifyMs ? { everyMs: logVerifyMs, verify: () => verifyOrgLog(db, systemActor, 'server') } : undefined,
  });
}
// reminders and escalations: a pass every few minutes, under a database lease (LMS_NOTIFY_INTERVAL_MS)
startNotifyScheduler(db);
