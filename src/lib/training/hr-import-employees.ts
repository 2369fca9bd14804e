import { importUsers } from '../auth/manage-users.ts';
import { assertCan, mayGrantRole, type Actor } from '../auth/permissions.ts';
import { validateUserImport, type ImportProblem } from '../auth/user-input.ts';
import type { Db } from '../db/client.ts';
import { AppError, unprocessable } from '../errors.ts';
import { parseCsv } from '../reports/csv.ts';

export type ImportEmployeesOptions = { db: Db; actor: Actor; csv: string };
export type ImportedAccount = { email: string; name: string; password: string };

/** The line of the row holding an email (emails are unique once validated). */
function lineOf(rows: string[][], email: string): number {
  const index = rows.findIndex((r, i) => i > 0 && r[0]?.trim().toLowerCase() === email);
  return index + 1;
}

/**
 * Imports employees from CSV text (email,name,role,department[,manager]) with the CLI's validation: every bad
 * line is reported and nothing is imported unless all are good. Only an administrator may create
 * administrator accounts, so HR cannot hand itself more power than it has. Throws 422 with
 * `details.problems` ([{line, message}]); returns the new accounts with their one-time passwords.
 */
export async function importEmployees(o: ImportEmployeesOptions): Promise<ImportedAccount[]> {
  assertCan(o.actor, 'users.import');
  const rows = parseCsv(o.csv);
  const { users, problems } = validateUserImport(rows);
  for (const u of users) {
    if (!mayGrantRole(o.actor, u.role)) problems.push({ line: lineOf(rows, u.email), message: 'role: only an administrator may create administrator accounts' });
  }
  const fail = (list: ImportProblem[]) => unprocessable('Nothing was imported: fix the lines below and try again', { problems: list.sort((a, b) => a.line - b.line) }).as('error.importRefused');
  if (problems.length > 0) throw fail(problems);
  try {
    return await importUsers(o.db, { users, actor: o.actor });
  } catch (err) {
    const taken = err instanceof AppError && err.status === 409 ? (err.details as { emails?: string[] } | undefined)?.emails : undefined;
    if (!taken) throw err;
    throw fail(taken.map((email) => ({ line: lineOf(rows, email), message: `email: ${email} already has an account` })));
  }
}
