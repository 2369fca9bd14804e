// `npm start`: migrate, seed a demo organisation on an empty database, then serve the built app
// and run the reminder scheduler in the same process.
import { startNotifyScheduler } from '../src/lib/notify/scheduler.ts';
import { prepare } from './prepare.ts';

const db = await prepare({ seed: process.env.LMS_SEED !== '0' });
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
// @ts-ignore: the build output has no type declarations
await import('../dist/server/entry.mjs');
// reminders and escalations: a pass every few minutes, under a database lease (LMS_NOTIFY_INTERVAL_MS)
startNotifyScheduler(db);
