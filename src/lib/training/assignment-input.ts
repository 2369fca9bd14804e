// The input of an assignment, from the API (JSON) or the /hr/assign form: one course, exactly one
// target (everyone, a department, or a list of emails), a due date and an optional recurrence.
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A due date from milliseconds, an ISO date-time, or a calendar day "YYYY-MM-DD", which means the
 * end of that day in UTC (the day certificates and pages show), so "due 31 March" is not late on the 31st.
 */
export function parseDueDate(value: number | string): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // Date.UTC rolls 2026-02-31 over into March; a real day survives the round trip
    return new Date(start).toISOString().startsWith(value) ? start + DAY_MS - 1 : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

export const assignmentInputSchema = z
  .strictObject({
    course: z.string().trim().min(1).max(100),
    all: z.boolean().optional(),
    department: z.string().trim().min(1).max(120).optional(),
    emails: z.array(z.string().trim().toLowerCase().min(1).max(254)).min(1).max(20_000).optional(),
    dueAt: z.union([z.number(), z.string().trim().max(40)]).transform((v, ctx) => {
      const at = parseDueDate(v);
      if (at === null) ctx.addIssue({ code: 'custom', message: 'use a day like 2026-03-31, an ISO date-time, or milliseconds since 1970' });
      return at ?? 0;
    }),
    recurMonths: z.number().int().min(0).max(120).optional(),
  })
  .refine((x) => [x.all === true, x.department !== undefined, x.emails !== undefined].filter(Boolean).length === 1, {
    message: 'give exactly one of all: true, department or emails',
    path: ['all'],
  });

export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/** Splits a pasted list of emails (commas, semicolons, spaces or lines) into distinct lower-case addresses. */
export function splitEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}
