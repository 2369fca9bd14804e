// Who may see and change one corrective action, on top of the route table. Pure.
// Auditors and admins see and manage every action; anyone else sees only the actions they own.
import { can } from '../auth/permissions.ts';
import type { ActionActor } from './action-transitions.ts';

/** Whether this person sees every action (else only their own). */
export function seesAllActions(actor: Pick<ActionActor, 'role'>): boolean {
  return can(actor.role, 'actions.manage');
}

/** Whether this person may read the action, comment on it and add evidence to it. */
export function canReadAction(actor: ActionActor, action: { ownerId: string | null }): boolean {
  return seesAllActions(actor) || (action.ownerId !== null && action.ownerId === actor.id);
}

/** Whether this person may reassign it, change its due date, or add actions by hand. */
export function canManageActions(actor: Pick<ActionActor, 'role'>): boolean {
  return can(actor.role, 'actions.manage');
}
