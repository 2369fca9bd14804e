// A person's mail preferences: the language mails are written in and how often they come.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../../db/schema.ts';
import { locales, type Locale } from '../../i18n/index.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { appendLog } from '../log/append-log.ts';
import { runtime } from '../runtime.ts';

/** Records the language a signed-in person just used a page in (the middleware calls it on a change). */
export async function rememberLocale(userId: string, locale: Locale): Promise<void> {
  const { db } = await runtime();
  await writeTransaction(db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}

export const preferencesSchema = z.object({ locale: z.enum(locales), mailDigest: z.enum(['immediate', 'daily']) });
export type Preferences = z.infer<typeof preferencesSchema>;

export type Profile = Preferences & { email: string; name: string; manager: { name: string; email: string } | null };

/** The actor's own profile and preferences. */
export async function getProfile(db: Db, actor: { id: string }): Promise<Profile> {
  const [me] = await db.select({ email: users.email, name: users.name, locale: users.locale, mailDigest: users.mailDigest, managerId: users.managerId }).from(users).where(eq(users.id, actor.id));
  if (!me) throw new Error('no such user');
  const [manager] = me.managerId ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, me.managerId)) : [];
  return { email: me.email, name: me.name, locale: me.locale === 'zh-cn' ? 'zh-cn' : 'en', mailDigest: me.mailDigest, manager: manager ?? null };
}

/** Changes the actor's own preferences (nobody else's); logged. */
export async function setPreferences(db: Db, actor: { id: string }, p: Preferences): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.update(users).set({ locale: p.locale, mailDigest: p.mailDigest }).where(eq(users.id, actor.id));
    await appendLog(tx, { actorId: actor.id, action: 'user.preferences', subjectType: 'user', subjectId: actor.id, details: p });
  });
}
