// Who may do what to one audit. Route-level checks (auditor or admin) are in the permission
// table; these are the per-audit decisions on top of it.
import { can, type Role } from '../auth/permissions.ts';
import { forbidden } from '../errors.ts';

export type Actor = { id: string; role: Role; name: string };

/** Any auditor or admin may read any audit and its report. */
export function canReadAudit(actor: Pick<Actor, 'role'>): boolean {
  return can(actor.role, 'audits.conduct');
}

/** Only the audit's own auditor, or an admin, may change a draft. */
export function canWriteAudit(actor: Pick<Actor, 'id' | 'role'>, audit: { auditorId: string }): boolean {
  return canReadAudit(actor) && (actor.id === audit.auditorId || can(actor.role, 'audits.editAny'));
}

/** Only the audit's own auditor may sign it: the signature says "I observed this". */
export function canSignAudit(actor: Pick<Actor, 'id' | 'role'>, audit: { auditorId: string }): boolean {
  return canReadAudit(actor) && actor.id === audit.auditorId;
}

/** Evidence is seen by auditors and admins, and (for an action's evidence) by the action's owner. */
export function canViewEvidence(actor: Pick<Actor, 'id' | 'role'>, evidence: { actionOwnerId: string | null }): boolean {
  return canReadAudit(actor) || (evidence.actionOwnerId !== null && evidence.actionOwnerId === actor.id);
}

/** Throws 403 unless the check passed. */
export function assertAllowed(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message).as('error.notAllowed');
}
