// A real libSQL file with people and a signed audit whose failures became corrective actions.
import { systemActor } from '../../../src/lib/auth/permissions.ts';
import { eq } from 'drizzle-orm';
import { correctiveActions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import type { Role } from '../../../src/lib/auth/permissions.ts';
import { recordResponse } from '../../../src/lib/audit/record-response.ts';
import { signAudit } from '../../../src/lib/audit/sign-audit.ts';
import { startAudit } from '../../../src/lib/audit/start-audit.ts';
import { getChecklist } from '../../../src/lib/content/catalog.ts';
import type { Db } from '../../../src/lib/db/client.ts';
import { newId } from '../../../src/lib/ids.ts';
import { tempDb } from '../../support/db.ts';

export type Person = { id: string; role: Role; name: string; email: string; password: string };
export const ORGANISATION = 'Test Org Ltd.';

export async function openActionsDb() {
  const { db, dir, close } = await tempDb();
  const person = async (role: Role, name = `Test ${role} ${newId(4)}`): Promise<Person> => {
    const password = `pw-${newId(16)}`;
    const email = `${role}-${newId(8)}@test.example`;
    const id = await createUser(db, { user: { email, name, role, department: undefined }, password, actor: systemActor });
    return { id, role, name, email, password };
  };
  return { db, dataDir: dir, close, person };
}

/** Signs an audit of `checklist` whose first `failures` items fail (with notes); returns its id and its actions, in item order. */
export async function signedAuditWithActions(db: Db, dataDir: string, auditor: Person, o: { failures: number; checklist?: string; locale?: 'en' | 'zh-cn' }) {
  const checklist = getChecklist(o.checklist ?? 'emergency-drill', o.locale ?? 'en')!;
  const items = checklist.sections.flatMap((s) => s.items);
  const { id } = await startAudit(db, { checklist: checklist.slug, title: 'Drill review', site: 'HQ', locale: o.locale ?? 'en', actor: auditor });
  for (const [i, item] of items.entries()) {
    await recordResponse(db, { auditId: id, itemId: item.id, result: i < o.failures ? 'fail' : 'pass', note: i < o.failures ? `Auditor saw a gap at ${item.id}` : '', actor: auditor });
  }
  await signAudit(db, { auditId: id, actor: auditor, password: auditor.password, dataDir, organisation: ORGANISATION });
  const actions = await db.select().from(correctiveActions).where(eq(correctiveActions.auditId, id)).orderBy(correctiveActions.itemId);
  return { auditId: id, actions, items };
}
