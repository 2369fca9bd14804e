import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../src/lib/auth/permissions.ts';
import { ACTION_STATUSES, allowedMoves, checkTransition, legalTargets, type ActionStatus } from '../../../src/lib/audit/action-transitions.ts';

// The workflow written out by hand, independently of the code: [from, to, who may].
const SPEC: Array<[ActionStatus, ActionStatus, 'owner-or-reviewer' | 'reviewer']> = [
  ['open', 'in_progress', 'owner-or-reviewer'],
  ['in_progress', 'resolved', 'owner-or-reviewer'],
  ['resolved', 'verified', 'reviewer'],
  ['resolved', 'in_progress', 'reviewer'],
];
const reviewers: Role[] = ['auditor', 'admin'];
const me = 'user-1';

function expected(from: ActionStatus, to: ActionStatus, role: Role, owns: boolean): 'ok' | 'illegal' | 'not_allowed' {
  const rule = SPEC.find(([f, t]) => f === from && t === to);
  if (!rule) return 'illegal';
  if (reviewers.includes(role)) return 'ok';
  return rule[2] === 'owner-or-reviewer' && owns ? 'ok' : 'not_allowed';
}

describe('the corrective-action workflow', () => {
  it('allows exactly open→in_progress→resolved→verified and resolved→in_progress', () => {
    expect(legalTargets('open')).toEqual(['in_progress']);
    expect(legalTargets('in_progress')).toEqual(['resolved']);
    expect(legalTargets('resolved').sort()).toEqual(['in_progress', 'verified']);
    expect(legalTargets('verified')).toEqual([]);
  });

  it('decides every (from, to, role, owner or not) the way the written workflow says', () => {
    let cases = 0;
    for (const from of ACTION_STATUSES) {
      for (const to of ACTION_STATUSES) {
        for (const role of roles) {
          for (const owns of [true, false]) {
            const action = { status: from, ownerId: owns ? me : 'someone-else' };
            const check = checkTransition(action, { id: me, role }, to, 'a comment');
            expect(check.ok ? 'ok' : check.reason, `${from}→${to} by ${role}${owns ? ' (owner)' : ''}`).toBe(expected(from, to, role, owns));
            const buttons = allowedMoves(action, { id: me, role }).map((m) => m.to);
            expect(buttons.includes(to), `button ${from}→${to} for ${role}${owns ? ' (owner)' : ''}`).toBe(expected(from, to, role, owns) === 'ok');
            cases += 1;
          }
        }
      }
    }
    // four statuses both ways, five roles (the editor came with authoring), owner or not
    expect(cases).toBe(4 * 4 * 5 * 2);
  });

  it('never lets an owner without the auditor role verify or reject, and names what they may do instead', () => {
    for (const role of ['employee', 'hr'] as const) {
      const verify = checkTransition({ status: 'resolved', ownerId: me }, { id: me, role }, 'verified', 'done');
      expect(verify).toEqual({ ok: false, reason: 'not_allowed', allowed: [] });
      const reject = checkTransition({ status: 'resolved', ownerId: me }, { id: me, role }, 'in_progress', 'no');
      expect(reject.ok).toBe(false);
    }
  });

  it('gives someone who neither owns the action nor reviews nothing at all', () => {
    for (const status of ACTION_STATUSES) expect(allowedMoves({ status, ownerId: 'other' }, { id: me, role: 'employee' })).toEqual([]);
    expect(allowedMoves({ status: 'open', ownerId: null }, { id: me, role: 'hr' })).toEqual([]);
  });

  it('requires a description of the fix to resolve and a reason to reject, but nothing to start or verify', () => {
    const owner = { id: me, role: 'employee' as const };
    const auditor = { id: 'a', role: 'auditor' as const };
    expect(checkTransition({ status: 'in_progress', ownerId: me }, owner, 'resolved', '   ')).toMatchObject({ ok: false, reason: 'comment_required' });
    expect(checkTransition({ status: 'in_progress', ownerId: me }, owner, 'resolved', undefined)).toMatchObject({ ok: false, reason: 'comment_required' });
    expect(checkTransition({ status: 'resolved', ownerId: me }, auditor, 'in_progress', '')).toMatchObject({ ok: false, reason: 'comment_required' });
    expect(checkTransition({ status: 'open', ownerId: me }, owner, 'in_progress', null)).toMatchObject({ ok: true });
    expect(checkTransition({ status: 'resolved', ownerId: me }, auditor, 'verified', null)).toMatchObject({ ok: true, move: { name: 'verify' } });
  });

  it('names the moves open to the asker when refusing an illegal one', () => {
    expect(checkTransition({ status: 'open', ownerId: me }, { id: me, role: 'employee' }, 'verified', 'x')).toEqual({ ok: false, reason: 'illegal', allowed: ['in_progress'] });
    expect(checkTransition({ status: 'resolved', ownerId: null }, { id: 'a', role: 'auditor' }, 'resolved', 'x')).toEqual({ ok: false, reason: 'illegal', allowed: ['verified', 'in_progress'] });
    expect(checkTransition({ status: 'verified', ownerId: me }, { id: 'a', role: 'admin' }, 'open', 'x')).toEqual({ ok: false, reason: 'illegal', allowed: [] });
  });
});
