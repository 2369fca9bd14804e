import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggableError } from '../../../src/lib/errors.ts';

describe('what is logged about an unexpected error', () => {
  it('names the kind, the database code and the statement, never its parameters or message', () => {
    const cause = Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
    const err = new DrizzleQueryError('select "id", "user_id" from "sessions" where "sessions"."id" = ?', ['7f3c9a-secret-session-id', '$argon2id$v=19$hash'], cause);
    const line = loggableError(err);
    expect(line).not.toContain('7f3c9a-secret-session-id');
    expect(line).not.toContain('$argon2id$');
    expect(line).not.toContain('database is locked');
    expect(line).toMatch(/^DrizzleQueryError in select sessions <- Error SQLITE_BUSY/);
  });

  it('leaves out the message of any other error too, keeping where it happened', () => {
    const line = loggableError(new TypeError('Cannot read properties of undefined (reading "email: alice@example.com")'));
    expect(line).not.toContain('alice@example.com');
    expect(line.split('\n')[0]).toBe('TypeError');
    expect(line).toMatch(/\n\s+at /);
  });

  it('copes with things thrown that are not errors', () => {
    expect(loggableError('a string with a secret')).toBe('string');
  });
});
