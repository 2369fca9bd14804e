// An audit's life: a draft can change; once signed it never changes again.
import { conflict } from '../errors.ts';

export type AuditStatus = 'draft' | 'signed';

/** Whether responses, evidence and signing are still possible. */
export function isEditable(status: AuditStatus): boolean {
  return status === 'draft';
}

/** Throws 409 unless the audit is still a draft. */
export function assertEditable(audit: { status: AuditStatus }): void {
  if (!isEditable(audit.status)) throw conflict('This audit is signed and can no longer change');
}
