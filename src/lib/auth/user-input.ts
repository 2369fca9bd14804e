import { z } from 'zod';
import { roles } from './permissions.ts';

// A pragmatic email check: one @, something on each side, a dot in the domain, no spaces.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'not a valid email address');

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'name is required').max(120),
  role: z.enum(roles),
  department: z.string().trim().max(120).optional().transform((d) => (d ? d : undefined)),
  // the manager's email: another active user (or, in an import, someone imported with them)
  manager: z
    .string()
    .trim()
    .optional()
    .transform((m) => (m ? m : undefined))
    .pipe(emailSchema.optional()),
});

export type NewUser = Omit<z.infer<typeof newUserSchema>, 'department' | 'manager'> & { department?: string | undefined; manager?: string | undefined };

export type ImportProblem = { line: number; message: string };

/** Checks every row of an import (columns email,name,role,department[,manager]) and reports each bad line; nothing is partial. */
export function validateUserImport(rows: string[][]): { users: NewUser[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const users: NewUser[] = [];
  const [header, ...body] = rows;
  const expected = ['email', 'name', 'role', 'department', 'manager'];
  const columns = header?.map((h) => h.trim().toLowerCase()) ?? [];
  const optional = (c: string, i: number) => (c === 'department' || c === 'manager') && columns[i] === undefined;
  if (columns.length > expected.length || expected.some((c, i) => columns[i] !== c && !optional(c, i))) {
    return { users, problems: [{ line: 1, message: `the first line must be the header email,name,role,department (and optionally ,manager)` }] };
  }
  const seen = new Map<string, number>();
  body.forEach((fields, index) => {
    const line = index + 2;
    if (fields.length === 1 && fields[0]?.trim() === '') return; // blank line
    const parsed = newUserSchema.safeParse({ email: fields[0], name: fields[1], role: fields[2]?.trim().toLowerCase(), department: fields[3], manager: fields[4] });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push({ line, message: `${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const first = seen.get(parsed.data.email);
    if (first) {
      problems.push({ line, message: `email: ${parsed.data.email} already appears on line ${first}` });
      return;
    }
    if (parsed.data.manager === parsed.data.email) {
      problems.push({ line, message: 'manager: a person cannot be their own manager' });
      return;
    }
    seen.set(parsed.data.email, line);
    users.push(parsed.data);
  });
  if (users.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'the file has no rows to import' });
  return { users, problems };
}
