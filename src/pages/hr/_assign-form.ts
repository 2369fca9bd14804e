import { splitEmails } from '../../lib/training/assignment-input.ts';

/** Turns the /hr/assign form into the same input the API takes, so both go through one schema and one operation. */
export function assignmentFromForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const recur = text('recurMonths');
  const base = { course: text('course'), dueAt: text('dueAt'), ...(recur ? { recurMonths: Number(recur) } : {}) };
  const scope = text('scope');
  if (scope === 'department') return { ...base, department: text('department') };
  if (scope === 'emails') return { ...base, emails: splitEmails(text('emails')) };
  return { ...base, all: true };
}
