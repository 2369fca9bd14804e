// The corrective-action workflow. Pure: the page (which buttons to show), the API (422 vs 403)
// and the update operation all ask these functions, so the rule lives in one place.
//
//   open → in_progress → resolved → verified (closed for good)
//                 ↑__________|  (reopen: the auditor rejects the fix)
//
// The owner may start and resolve; auditors and admins may make every move, and only they may
// verify or reject. Resolving needs a description of the fix, rejecting a reason.
import { can, type Role } from '../auth/permissions.ts';

export const ACTION_STATUSES = ['open', 'in_progress', 'resolved', 'verified'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type Move = { from: ActionStatus; to: ActionStatus; name: MoveName };
export type MoveName = 'start' | 'resolve' | 'verify' | 'reopen';

/** Every legal move, in the order buttons are shown. */
export const MOVES: readonly Move[] = [
  { from: 'open', to: 'in_progress', name: 'start' },
  { from: 'in_progress', to: 'resolved', name: 'resolve' },
  { from: 'resolved', to: 'verified', name: 'verify' },
  { from: 'resolved', to: 'in_progress', name: 'reopen' },
];

/** Moves only auditors and admins make: closing a finding, or sending a fix back. */
const REVIEW_MOVES: ReadonlySet<MoveName> = new Set(['verify', 'reopen']);
/** Moves that must say something: what was fixed, or why the fix is not accepted. */
const MOVES_NEEDING_COMMENT: ReadonlySet<MoveName> = new Set(['resolve', 'reopen']);

export type ActionActor = { id: string; role: Role };
export type ActionFacts = { status: ActionStatus; ownerId: string | null };

/** Whether a string is one of the action statuses. */
export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** The move from one status to another, or undefined when there is none. */
export function moveBetween(from: ActionStatus, to: ActionStatus): Move | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

/** Statuses reachable in one move from `from`, whoever asks. */
export function legalTargets(from: ActionStatus): ActionStatus[] {
  return MOVES.filter((m) => m.from === from).map((m) => m.to);
}

/** Whether this person may make this move on this action (legality aside). */
export function mayMake(move: MoveName, action: Pick<ActionFacts, 'ownerId'>, actor: ActionActor): boolean {
  if (can(actor.role, 'actions.manage')) return REVIEW_MOVES.has(move) ? can(actor.role, 'actions.verify') : true;
  return !REVIEW_MOVES.has(move) && action.ownerId !== null && action.ownerId === actor.id;
}

/** The moves this person may make on the action now: what the page shows as buttons. */
export function allowedMoves(action: ActionFacts, actor: ActionActor): Move[] {
  return MOVES.filter((m) => m.from === action.status && mayMake(m.name, action, actor));
}

/** Whether a move needs a comment (the fix, or the reason for rejecting it). */
export function needsComment(move: MoveName): boolean {
  return MOVES_NEEDING_COMMENT.has(move);
}

export type TransitionCheck =
  | { ok: true; move: Move }
  | { ok: false; reason: 'illegal' | 'not_allowed' | 'comment_required'; allowed: ActionStatus[] };

/**
 * Decides one requested status change. `allowed` always lists the statuses this person could move to
 * from here, so an error can name them.
 */
export function checkTransition(action: ActionFacts, actor: ActionActor, to: ActionStatus, comment: string | null | undefined): TransitionCheck {
  const allowed = allowedMoves(action, actor).map((m) => m.to);
  const move = moveBetween(action.status, to);
  if (!move) return { ok: false, reason: 'illegal', allowed };
  if (!mayMake(move.name, action, actor)) return { ok: false, reason: 'not_allowed', allowed };
  if (needsComment(move.name) && !comment?.trim()) return { ok: false, reason: 'comment_required', allowed };
  return { ok: true, move };
}
