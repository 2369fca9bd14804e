// What assigning a course to someone who may already have it does. Assigning again never makes a
// second row; a later due date moves the due date; an earlier one does NOT pull it forward, so a
// repeated or overlapping assignment can never take time away from someone who was already given
// it (to shorten a deadline, HR changes that person's assignment on purpose, not by re-assigning).

export type AssignmentTerms = { dueAt: number; recurMonths: number };
export type IncomingTerms = { dueAt: number; recurMonths?: number };
export type MergeOutcome = 'created' | 'moved' | 'updated' | 'unchanged';

/** The terms after assigning again, and what happened: created, moved (later due date), updated (recurrence only) or unchanged. */
export function mergeAssignment(existing: AssignmentTerms | null, incoming: IncomingTerms, defaultRecurMonths: number): { outcome: MergeOutcome; terms: AssignmentTerms } {
  if (!existing) return { outcome: 'created', terms: { dueAt: incoming.dueAt, recurMonths: incoming.recurMonths ?? defaultRecurMonths } };
  const terms = { dueAt: Math.max(existing.dueAt, incoming.dueAt), recurMonths: incoming.recurMonths ?? existing.recurMonths };
  const outcome = terms.dueAt !== existing.dueAt ? 'moved' : terms.recurMonths !== existing.recurMonths ? 'updated' : 'unchanged';
  return { outcome, terms };
}
