import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/lib/auth/password.ts';
import { validateUserImport } from '../../../src/lib/auth/user-input.ts';
import { parseCsv } from '../../../src/lib/reports/csv.ts';

const header = 'email,name,role,department\n';

describe('validating an employee import', () => {
  it('accepts good rows, normalising email case and empty departments', () => {
    const { users, problems } = validateUserImport(parseCsv(`${header}Wang.Fang@Example.com,王芳,employee,Tax\nbo@example.com,Bo,hr,\n`));
    expect(problems).toEqual([]);
    expect(users).toEqual([
      { email: 'wang.fang@example.com', name: '王芳', role: 'employee', department: 'Tax' },
      { email: 'bo@example.com', name: 'Bo', role: 'hr', department: undefined },
    ]);
  });
  it('names the line of every bad row', () => {
    const { problems } = validateUserImport(parseCsv(`${header}ok@example.com,Ok,employee,A\nnot-an-email,X,employee,A\nz@example.com,,employee,A\ny@example.com,Y,boss,A\n`));
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[0]!.message).toMatch(/email/);
    expect(problems[2]!.message).toMatch(/role/);
  });
  it('refuses an email that appears twice, naming the first line', () => {
    const { problems } = validateUserImport(parseCsv(`${header}a@example.com,A,employee,\nA@example.com,A2,employee,\n`));
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('line 2') }]);
  });
  it('refuses a file without the expected header', () => {
    expect(validateUserImport(parseCsv('name,email\nA,a@example.com\n')).problems[0]!.line).toBe(1);
  });
});

describe('password strength', () => {
  it('rejects passwords under 12 characters', () => {
    expect(passwordProblem('elevenchars')).toMatch(/12/);
    expect(passwordProblem('twelve chars')).toBeNull();
  });
});
