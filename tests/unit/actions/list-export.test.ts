// Listing and exporting actions: who sees which, the filters, the counts, and a CSV Excel opens safely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, type ActionFilters } from '../../../src/lib/audit/action-filters.ts';
import { createManualAction } from '../../../src/lib/audit/create-manual-action.ts';
import { exportActionsCsv } from '../../../src/lib/audit/export-actions-csv.ts';
import { listActions } from '../../../src/lib/audit/list-actions.ts';
import { updateAction } from '../../../src/lib/audit/update-action.ts';
import { parseCsv, UTF8_BOM } from '../../../src/lib/reports/csv.ts';
import { openActionsDb, signedAuditWithActions, type Person } from './support.ts';

const DAY = 24 * 60 * 60 * 1000;
let t: Awaited<ReturnType<typeof openActionsDb>>;
let auditor: Person;
let ann: Person;
let bob: Person;
let auditId: string;
let ids: string[];

const f = (change: Partial<ActionFilters> = {}): ActionFilters => ({ ...DEFAULT_FILTERS, ...change });

beforeAll(async () => {
  t = await openActionsDb();
  [auditor, ann, bob] = [await t.person('auditor'), await t.person('employee', 'Ann Able'), await t.person('employee', 'Bob Baker')];
  const audit = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 4 });
  auditId = audit.auditId;
  ids = audit.actions.map((a) => a.id);
  await updateAction(t.db, { actionId: ids[0]!, actor: auditor, owner: ann.id, dueAt: Date.now() - 2 * DAY });
  await updateAction(t.db, { actionId: ids[1]!, actor: auditor, owner: ann.id });
  await updateAction(t.db, { actionId: ids[2]!, actor: auditor, owner: bob.id, dueAt: Date.now() - DAY });
  await updateAction(t.db, { actionId: ids[1]!, actor: ann, status: 'in_progress' });
});
afterAll(() => t?.close());

describe('listing actions', () => {
  it('shows an employee only their own, and an auditor everyone’s', async () => {
    const mine = await listActions(t.db, { actor: ann, filters: f() });
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(mine.counts).toMatchObject({ total: 2, overdue: 1, byStatus: { open: 1, in_progress: 1, resolved: 0, verified: 0 } });
    // an employee's owner filter cannot widen what they see
    expect((await listActions(t.db, { actor: ann, filters: f({ owner: bob.id }) })).rows.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());
    const all = await listActions(t.db, { actor: auditor, filters: f() });
    expect(all.rows).toHaveLength(4);
    expect(all.counts.total).toBe(4);
  });

  it('filters by status, owner (id, email or none), audit and overdue, and counts ignore the status filter', async () => {
    const ids_ = async (x: Partial<ActionFilters>) => (await listActions(t.db, { actor: auditor, filters: f(x) })).rows.map((r) => r.id).sort();
    expect(await ids_({ status: ['in_progress'] })).toEqual([ids[1]]);
    expect(await ids_({ owner: bob.email.toUpperCase() })).toEqual([ids[2]]);
    expect(await ids_({ owner: 'none' })).toEqual([ids[3]]);
    expect(await ids_({ overdue: true })).toEqual([ids[0], ids[2]].sort());
    expect(await ids_({ auditId: 'no-such-audit' })).toEqual([]);
    const overdue = await listActions(t.db, { actor: auditor, filters: f({ status: ['open'], overdue: true }) });
    expect(overdue.counts).toMatchObject({ total: 4, overdue: 2 });
    expect(overdue.rows.every((r) => r.overdue && r.daysOverdue >= 1)).toBe(true);
  });

  it('sorts by due date by default and by owner or severity on request', async () => {
    const due = (await listActions(t.db, { actor: auditor, filters: f() })).rows.map((r) => r.dueAt);
    expect(due).toEqual([...due].sort((a, b) => a - b));
    const byOwner = (await listActions(t.db, { actor: auditor, filters: f({ sort: 'owner', dir: 'desc' }) })).rows.map((r) => r.owner?.name ?? '');
    expect(byOwner).toEqual([...byOwner].sort().reverse());
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const bySeverity = (await listActions(t.db, { actor: auditor, filters: f({ sort: 'severity' }) })).rows.map((r) => rank[r.severity]);
    expect(bySeverity).toEqual([...bySeverity].sort());
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, guards formulas, and holds exactly the rows the person may see, across pages', async () => {
    await createManualAction(t.db, { auditId, actor: auditor, title: '=HYPERLINK("http://evil","click")', severity: 'low', owner: ann.id });
    const read = async (actor: Person) => {
      const bytes = Buffer.from(await new Response(exportActionsCsv({ db: t.db, actor, filters: f(), pageSize: 2 })).arrayBuffer());
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const text = bytes.toString('utf8');
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      return parseCsv(text);
    };
    const all = await read(auditor);
    expect(all[0]).toEqual(['id', 'audit_id', 'audit_title', 'item_id', 'title', 'severity', 'status', 'owner_email', 'owner_name', 'due_at', 'overdue', 'days_overdue', 'created_at', 'updated_at']);
    expect(all).toHaveLength(1 + 5);
    const evil = all.find((r) => r[4]!.includes('HYPERLINK'))!;
    expect(evil[4]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(all.filter((r) => r[10] === 'yes')).toHaveLength(2);
    const anns = await read(ann);
    expect(anns.slice(1).map((r) => r[7])).toEqual([ann.email, ann.email, ann.email]);
  });

  it('lets other work run between its pages, so a big export does not hold up other requests', async () => {
    // a stand-in for other requests: a callback that re-queues itself on the event loop
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const before = turns;
    await new Response(exportActionsCsv({ db: t.db, actor: auditor, filters: f(), pageSize: 1 })).arrayBuffer();
    running = false;
    // six rows a page at a time: the loop got a turn between (nearly) every page
    expect(turns - before).toBeGreaterThanOrEqual(5);
  });
});
