// Shared by the authoring endpoints: the content kind from the URL and the request's actor.
import type { ContentKind } from '../../../../db/schema.ts';
import { notFound } from '../../../lib/errors.ts';

/** 'courses' → 'course', 'checklists' → 'checklist'; anything else is 404. */
export function kindOf(segment: string | undefined): ContentKind {
  if (segment === 'courses') return 'course';
  if (segment === 'checklists') return 'checklist';
  throw notFound();
}

/** Draft and create bodies hold a whole course (both languages); larger than most requests. */
export const MAX_DOC_BYTES = 4 * 1024 * 1024;
