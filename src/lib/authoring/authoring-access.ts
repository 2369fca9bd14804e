// Who may author: the permission table's content.edit (admin and editor), checked again inside
// every authoring operation, not only by the route.
import { can, type Actor as PermissionActor } from '../auth/permissions.ts';
import type { ContentKind } from '../../../db/schema.ts';
import { validateChecklistDoc, validateCourseDoc, type ContentDoc, type Validated } from '../content/documents.ts';
import { forbidden, unprocessable, type AppError } from '../errors.ts';
import type { Problem } from '../content/documents.ts';

export type Actor = PermissionActor & { name?: string };

/** Throws 403 unless the actor may author content. */
export function assertCanEdit(actor: Pick<Actor, 'role'>): void {
  if (!can(actor.role, 'content.edit')) throw forbidden('Only editors and administrators author content').as('authoring.error.forbidden');
}

/** Validates a course or checklist document. */
export function validateDoc(kind: ContentKind, data: unknown): Validated<ContentDoc> {
  return kind === 'course' ? validateCourseDoc(data) : validateChecklistDoc(data);
}

/** Slugs of courses and checklists: what their URLs and files are named by. */
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** 422 naming every bad field (`details: [{field, message}]`; pages show the list). */
export function invalidDoc(problems: Problem[]): AppError {
  const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return unprocessable(`The draft has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${list}`, problems).as('authoring.error.invalid', { problems: list });
}
