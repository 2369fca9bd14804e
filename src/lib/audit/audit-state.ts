// An audit's life: a draft can change; once signed it never changes again.
import { conflict } from '../errors.ts';

export type AuditStatus = 'draft' | 'signed';

/** What every view of an audit shows about it: the list row and the detail page share these. */
export type AuditHeader = {
  id: string;
  title: string;
  site: string | null;
  checklistSlug: string;
  locale: string;
  status: AuditStatus;
  auditorId: string;
  auditorName: string;
  createdAt: number;
  signedAt: number | null;
};

/** Whether responses, evidence and signing are still possible. */
export function isEditable(status: AuditStatus): boolean {
  return status === 'draft';
}

/** Throws 409 unless the audit is still a draft. */
export function assertEditable(audit: { status: AuditStatus }): void {
  if (!isEditable(audit.status)) throw conflict('This audit is signed and can no longer change').as('error.auditSigned');
}
