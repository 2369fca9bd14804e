// The command line: `npm run lms -- <command>`.
import { systemActor } from '../src/lib/auth/permissions.ts';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { seedDemo } from '../db/seed.ts';
import { createUser, importUsers } from '../src/lib/auth/manage-users.ts';
import { newUserSchema, validateUserImport } from '../src/lib/auth/user-input.ts';
import { exportContent } from '../src/lib/authoring/export-content.ts';
import { importContent } from '../src/lib/authoring/import-content.ts';
import { ContentError } from '../src/lib/content/load-content.ts';
import { readContentSource } from '../src/lib/content/read-content-source.ts';
import { closeDb } from '../src/lib/db/client.ts';
import { AppError } from '../src/lib/errors.ts';
import { checkpointOrgLog, verifyOrgLog } from '../src/lib/log/org-log.ts';
import type { LogVerification } from '../src/lib/log/verify-log.ts';
import { runNotifyPass } from '../src/lib/notify/run-notify.ts';
import { runProgramme } from '../src/lib/programme/run-programme.ts';
import { parseCsv } from '../src/lib/reports/csv.ts';
import { prepare } from './prepare.ts';

const usage = `Usage: npm run lms -- <command>
  user add --email E --name N --role employee|hr|auditor|admin|editor [--department D] [--manager EMAIL]   (password on standard input)
  user import <file.csv>        columns email,name,role,department[,manager]; all rows or none
  notify run [--now ISO]        one pass of reminders: decide what is due, write the mails, send them
  db migrate                    apply migrations
  db seed                       add the demo organisation (also in production)
  log verify [--checkpoint F] [--document P]
                                check the audit log's hash chain and every anchor (checkpoints, signed
                                documents); F: a checkpoint copy kept elsewhere, P: a signed PDF (repeatable)
  log checkpoint                write a signed checkpoint of the log's head to <data>/checkpoints/
  programme run [--now ISO]     one pass of the audit programme: open scheduled drafts, take the training snapshot
  content import <dir|zip> [--material] [--note N]   publish what differs from the database as new versions
  content export <dir>          write the published courses and checklists in the content/ format`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [area, command, ...rest] = argv;
  const key = `${area ?? ''} ${command ?? ''}`;
  if (key === 'db migrate') {
    await prepare({ seed: false, signing: false });
    console.log('Database is up to date.');
    return 0;
  }
  const db = await prepare({ seed: false, signing: false });
  switch (key) {
    case 'db seed': {
      const logins = await seedDemo(db);
      for (const l of logins) console.log(`${l.role}\t${l.email}\t${l.password}`);
      return 0;
    }
    case 'log verify': {
      const { values } = parseArgs({ args: rest, options: { checkpoint: { type: 'string', multiple: true }, document: { type: 'string', multiple: true } } });
      const result = await verifyOrgLog(db, systemActor, 'cli', { checkpointFiles: values.checkpoint ?? [], documentFiles: values.document ?? [] });
      for (const line of describeVerification(result)) console.log(line);
      if (result.ok) {
        console.log(`Audit log intact: ${result.entries} entries; every anchor matches.`);
        return 0;
      }
      console.error(`Audit log NOT intact: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
      for (const p of result.problems) console.error(`  - ${p}`);
      return 1;
    }
    case 'programme run': {
      const { values } = parseArgs({ args: rest, options: { now: { type: 'string' } } });
      const now = values.now === undefined ? Date.now() : Date.parse(values.now);
      if (!Number.isFinite(now)) {
        console.error('--now takes an ISO date, e.g. 2026-03-01T09:00:00Z');
        return 2;
      }
      const pass = await runProgramme(db, { now });
      if (pass.opened === null) console.log('Scheduled drafts: another server is opening them right now.');
      else {
        console.log(`Opened ${pass.opened.length} scheduled draft(s).`);
        for (const d of pass.opened) console.log(`${d.auditId}\tschedule ${d.scheduleId}\tdue ${new Date(d.dueAt).toISOString()}`);
      }
      console.log(pass.snapshot === null ? 'Training snapshot: another server is taking it.' : pass.snapshot ? 'Training snapshot taken.' : 'Training snapshot: today\'s is recent.');
      return 0;
    }
    case 'log checkpoint': {
      const c = await checkpointOrgLog(db, systemActor, 'manual');
      console.log(`Checkpoint of entry ${c.seq} (hash ${c.hash}) written to ${c.file}`);
      return 0;
    }
    case 'user add': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, department: { type: 'string' }, manager: { type: 'string' } } });
      const parsed = newUserSchema.safeParse(values);
      if (!parsed.success) {
        console.error(`Invalid ${String(parsed.error.issues[0]?.path[0])}: ${parsed.error.issues[0]?.message}`);
        return 2;
      }
      const password = await readStdin();
      await createUser(db, { user: parsed.data, password, actor: systemActor });
      console.log(`Created ${parsed.data.email} (${parsed.data.role}).`);
      return 0;
    }
    case 'user import': {
      const file = rest[0];
      if (!file) {
        console.error('Name the CSV file to import.');
        return 2;
      }
      const { users, problems } = validateUserImport(parseCsv(fs.readFileSync(file, 'utf8')));
      if (problems.length > 0) {
        for (const p of problems) console.error(`line ${p.line}: ${p.message}`);
        console.error('Nothing was imported.');
        return 1;
      }
      const created = await importUsers(db, { users, actor: systemActor });
      console.log(`Imported ${created.length} users. One-time passwords:`);
      for (const c of created) console.log(`${c.email}\t${c.password}`);
      return 0;
    }
    case 'content import': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { material: { type: 'boolean' }, note: { type: 'string' } } });
      if (!positionals[0]) {
        console.error('Name the content directory or zip file to import.');
        return 2;
      }
      let source;
      try {
        source = readContentSource(positionals[0]);
      } catch (err) {
        if (!(err instanceof ContentError)) throw err;
        console.error(`${err.message}\nNothing was imported.`);
        return 1;
      }
      const { published, unchanged } = await importContent(db, { source, actor: systemActor, material: values.material, note: values.note });
      for (const p of published) console.log(`published ${p.kind} ${p.slug} version ${p.version}`);
      console.log(`${published.length} published, ${unchanged.length} unchanged.`);
      return 0;
    }
    case 'content export': {
      if (!rest[0]) {
        console.error('Name the directory to export into.');
        return 2;
      }
      const files = await exportContent(db, rest[0]);
      console.log(`Wrote ${files.length} files to ${rest[0]}.`);
      return 0;
    }
    case 'notify run': {
      const { values } = parseArgs({ args: rest, options: { now: { type: 'string' } } });
      const now = values.now === undefined ? Date.now() : Date.parse(values.now);
      if (Number.isNaN(now)) {
        console.error(`Invalid --now: ${values.now} (give an ISO time, e.g. 2026-03-01T09:00:00Z)`);
        return 2;
      }
      const result = await runNotifyPass(db, { now });
      if (!result.ran) {
        console.log('Another process holds the notify lease; nothing done.');
        return 0;
      }
      const { decided, composed, sent } = result;
      console.log(`Decided ${decided.decided} reminders (${decided.queued} new) from ${decided.scanned} rows; wrote ${composed} mails.`);
      if (sent) console.log(`Sent ${sent.sent}, to retry ${sent.retrying}, failed ${sent.failed}${sent.recovered ? `, recovered ${sent.recovered} interrupted` : ''}.`);
      else console.log('No mail server configured (LMS_SMTP_URL): mails stay in the outbox.');
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

/** What was checked, the newest anchor, and the window after it that could still be cut unnoticed. */
function describeVerification(r: LogVerification): string[] {
  const lines = [
    `Entries: ${r.entries}; head entry ${r.head.seq}. Checked in ${r.durationMs} ms.`,
    `Anchors: ${r.checked.checkpoints} checkpoint files, ${r.checked.documents} signed documents${r.checked.unanchoredDocuments ? ` (${r.checked.unanchoredDocuments} older documents record no log head)` : ''}.`,
  ];
  if (!r.newestAnchor) {
    const none = r.checked.checkpoints + r.checked.documents === 0;
    lines.push(`${none ? 'No anchor yet' : 'No anchor matches the log'}: all ${r.afterNewestAnchor} entries could be cut off unnoticed.${none ? ' Run `npm run lms -- log checkpoint`.' : ''}`);
  }
  else {
    const minutes = Math.max(0, Math.round((Date.now() - r.newestAnchor.at) / 60_000));
    lines.push(`Newest anchor: ${r.newestAnchor.name}, entry ${r.newestAnchor.seq}, taken ${new Date(r.newestAnchor.at).toISOString()} (${minutes} min ago).`);
    lines.push(`${r.afterNewestAnchor} entries lie after it (the window an attacker could still cut).`);
  }
  return lines;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof AppError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  closeDb();
}
