// Who may run the audit programme, from the one permission table.
import { can } from '../auth/permissions.ts';
import type { Actor } from '../audit/audit-access.ts';
import { forbidden } from '../errors.ts';

export type { Actor };

/** Throws 403 unless the actor may manage sites and schedules (auditors and admins). */
export function assertManagesProgramme(actor: Pick<Actor, 'role'>): void {
  if (!can(actor.role, 'programme.manage')) throw forbidden('Only auditors and administrators manage sites and schedules').as('programme.error.notManager');
}

/** Throws 403 unless the actor may produce the evidence pack (hr, auditors, admins). */
export function assertMakesEvidencePack(actor: Pick<Actor, 'role'>): void {
  if (!can(actor.role, 'evidence.pack')) throw forbidden('Only HR, auditors and administrators produce the evidence pack').as('programme.error.notPackMaker');
}
