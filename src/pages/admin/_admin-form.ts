import { z } from 'zod';
import { createUser, updateUser } from '../../lib/auth/manage-users.ts';
import { roles, type Actor } from '../../lib/auth/permissions.ts';
import { requeueFailed } from '../../lib/notify/send-mails.ts';
import { setManager } from '../../lib/team/set-manager.ts';
import { newUserSchema } from '../../lib/auth/user-input.ts';
import type { Db } from '../../lib/db/client.ts';
import { AppError } from '../../lib/errors.ts';

// The admin page's forms: one op each, validated here before the domain operation runs.
export const adminFormSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), name: z.string(), email: z.string(), role: z.enum(roles), department: z.string().optional(), password: z.string().max(256) }),
  z.object({ op: z.literal('update'), userId: z.string().min(1).max(64), role: z.enum(roles), department: z.string().max(120).optional() }),
  z.object({ op: z.literal('deactivate'), userId: z.string().min(1).max(64) }),
  z.object({ op: z.literal('reactivate'), userId: z.string().min(1).max(64) }),
  z.object({ op: z.literal('password'), userId: z.string().min(1).max(64), password: z.string().max(256) }),
  z.object({ op: z.literal('manager'), userId: z.string().min(1).max(64), manager: z.string().trim().max(254) }),
  z.object({ op: z.literal('retryMail') }),
]);

/** Validates one submitted admin form and carries it out; throws AppError with a readable message. */
export async function applyAdminForm(db: Db, actor: Actor, form: FormData): Promise<void> {
  const parsed = adminFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError(400, `Invalid form: ${detail}`).as('error.invalidForm', { detail });
  }
  const f = parsed.data;
  if (f.op === 'manager') {
    await setManager(db, { actor, userId: f.userId, managerEmail: f.manager || null });
    return;
  }
  if (f.op === 'retryMail') {
    await requeueFailed(db, { actor });
    return;
  }
  if (f.op === 'create') {
    const u = newUserSchema.safeParse(f);
    if (!u.success) {
      const detail = `${String(u.error.issues[0]?.path[0])}: ${u.error.issues[0]?.message}`;
      throw new AppError(400, detail).as('error.invalidForm', { detail });
    }
    await createUser(db, { user: u.data, password: f.password, actor });
    return;
  }
  await updateUser(db, {
    userId: f.userId,
    actor,
    role: f.op === 'update' ? f.role : undefined,
    department: f.op === 'update' ? (f.department ?? null) : undefined,
    active: f.op === 'deactivate' ? false : f.op === 'reactivate' ? true : undefined,
    password: f.op === 'password' ? f.password : undefined,
  });
}
