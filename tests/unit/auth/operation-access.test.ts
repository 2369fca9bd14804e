// Defence in depth: the operations behind the HR, admin and action routes refuse a caller whose
// role does not allow them, whatever route reached them. Who may is written out from DESIGN.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUsers, listUsers } from '../../../src/lib/auth/list-users.ts';
import { createUser, importUsers, updateUser } from '../../../src/lib/auth/manage-users.ts';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import { listAssignableUsers, listAuditsForManualActions } from '../../../src/lib/audit/list-action-filter-options.ts';
import { AppError } from '../../../src/lib/errors.ts';
import { listLog } from '../../../src/lib/log/list-log.ts';
import { getCachedHrDashboard } from '../../../src/lib/training/hr-dashboard-cache.ts';
import { getHrDashboard } from '../../../src/lib/training/hr-dashboard.ts';
import { completionsStream } from '../../../src/lib/training/hr-export-stream.ts';
import { importEmployees } from '../../../src/lib/training/hr-import-employees.ts';
import { listHrPeople } from '../../../src/lib/training/hr-people.ts';
import { getPersonTranscript } from '../../../src/lib/training/hr-person-transcript.ts';
import { listAssignmentRules } from '../../../src/lib/training/list-assignment-rules.ts';
import { questionStats } from '../../../src/lib/training/question-stats.ts';
import { openTestDb, type TestDb } from '../audit/support.ts';

let t: TestDb;
const people = new Map<Role, { id: string; role: Role; name: string }>();
let victimId = '';

beforeAll(async () => {
  t = await openTestDb();
  for (const role of ['employee', 'hr', 'auditor', 'admin'] as const) people.set(role, await t.person(role));
  victimId = (await t.person('employee')).id;
});
afterAll(() => t?.close());

const ALL: Role[] = ['employee', 'hr', 'auditor', 'admin'];
let n = 0;
const fresh = () => `new-${n++}@test.example`;
const pw = 'a long enough password';

// operation → the roles DESIGN lets perform it
const operations: [string, Role[], (actor: { id: string; role: Role; name: string }) => Promise<unknown>][] = [
  ['the HR dashboard', ['hr', 'admin'], (actor) => getHrDashboard({ db: t.db, actor, locale: 'en', filters: {} })],
  ['the cached HR dashboard', ['hr', 'admin'], (actor) => getCachedHrDashboard({ db: t.db, actor, locale: 'en', filters: {} })],
  ['the list of people and their training', ['hr', 'admin'], (actor) => listHrPeople({ db: t.db, actor, filters: {}, now: Date.now() })],
  ["someone's transcript", ['hr', 'admin'], (actor) => getPersonTranscript({ db: t.db, actor, userId: victimId })],
  ['question statistics', ['hr', 'admin'], (actor) => questionStats({ db: t.db, actor, courseSlug: 'confidentiality', locale: 'en' })],
  ['standing assignments', ['hr', 'admin'], (actor) => listAssignmentRules(t.db, actor)],
  ['the completions export', ['hr', 'admin'], async (actor) => completionsStream({ db: t.db, actor, filters: {}, format: 'csv' }).cancel()],
  ['importing employees', ['hr', 'admin'], (actor) => importEmployees({ db: t.db, actor, csv: `email,name,role,department\n${fresh()},New,employee,Tax\n` })],
  ['importing users', ['hr', 'admin'], (actor) => importUsers(t.db, { actor, users: [{ email: fresh(), name: 'New', role: 'employee' }] })],
  ['creating a user', ['admin'], (actor) => createUser(t.db, { actor, password: pw, user: { email: fresh(), name: 'New', role: 'employee' } })],
  ['creating an administrator', ['admin'], (actor) => createUser(t.db, { actor, password: pw, user: { email: fresh(), name: 'New', role: 'admin' } })],
  ["changing someone's department", ['admin'], (actor) => updateUser(t.db, { actor, userId: victimId, department: 'Audit' })],
  ['making someone an administrator', ['admin'], (actor) => updateUser(t.db, { actor, userId: victimId, role: 'admin' }).then(() => updateUser(t.db, { actor, userId: victimId, role: 'employee' }))],
  ['listing users', ['admin'], (actor) => listUsers(t.db, actor)],
  ['counting users', ['admin'], (actor) => countUsers(t.db, actor)],
  ['reading the audit log', ['admin'], (actor) => listLog(t.db, actor)],
  ['people an action can be given to', ['auditor', 'admin'], (actor) => listAssignableUsers(t.db, actor)],
  ['audits a finding can be added to', ['auditor', 'admin'], (actor) => listAuditsForManualActions(t.db, actor)],
];

describe('operations on other people check the acting user themselves', () => {
  for (const [what, allowed, run] of operations) {
    for (const role of ALL) {
      const may = allowed.includes(role);
      it(`${may ? 'lets' : 'refuses'} ${role}: ${what}`, async () => {
        const outcome = await Promise.resolve().then(() => run(people.get(role)!)).then(
          () => 'done',
          (err: unknown) => (err instanceof AppError ? err.status : err),
        );
        expect(outcome).toBe(may ? 'done' : 403);
      });
    }
  }

  it('refuses an HR import that would create an administrator, naming the line', async () => {
    const err = await importEmployees({ db: t.db, actor: people.get('hr')!, csv: `email,name,role,department\n${fresh()},Boss,admin,Tax\n` }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect(JSON.stringify((err as AppError).details)).toMatch(/line.*2/);
  });
});
