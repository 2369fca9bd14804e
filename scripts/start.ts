// `npm start`: migrate, seed a demo organisation on an empty database, then serve the built app.
import { systemActor } from '../src/lib/auth/permissions.ts';
import { config } from '../src/lib/config.ts';
import { scheduleCheckpoints } from '../src/lib/log/checkpoint-schedule.ts';
import { checkpointOrgLog } from '../src/lib/log/org-log.ts';
import { prepare } from './prepare.ts';

const db = await prepare({ seed: process.env.LMS_SEED !== '0' });
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
// @ts-ignore: the build output has no type declarations
await import('../dist/server/entry.mjs');

const checkpoints = config().checkpoints;
if (checkpoints) scheduleCheckpoints(db, { policy: checkpoints, pollMs: checkpoints.pollMs, take: (trigger) => checkpointOrgLog(db, systemActor, trigger) });
