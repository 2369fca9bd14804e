// Where mail is configured a checkpoint goes to the admins too, so a signed copy lives off the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/manage-users.ts';
import { systemActor, type Role } from '../../../src/lib/auth/permissions.ts';
import { newId } from '../../../src/lib/ids.ts';
import { checkCheckpointFile } from '../../../src/lib/log/checkpoint-file.ts';
import { mailCheckpoint } from '../../../src/lib/log/mail-checkpoint.ts';
import { takeCheckpoint } from '../../../src/lib/log/take-checkpoint.ts';
import { renderMail } from '../../../src/lib/notify/render-mail.ts';
import { loadSigningIdentity, type SigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { tempDb } from '../../support/db.ts';

let t: Awaited<ReturnType<typeof tempDb>>;
let identity: SigningIdentity;
const person = (role: Role) => createUser(t.db, { user: { email: `${role}-${newId(6)}@test.example`, name: `A ${role}`, role }, password: `pw-${newId(16)}`, actor: systemActor });
beforeAll(async () => {
  t = await tempDb();
  identity = await loadSigningIdentity({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-org-')), organisation: 'Org' });
});
afterAll(() => t.close());

describe('mailing a checkpoint', () => {
  it('queues it to every active admin, with the signed file in the mail’s text, in both languages', async () => {
    const [admin, other, , former] = [await person('admin'), await person('admin'), await person('hr'), await person('admin')];
    await t.db.update(users).set({ active: false }).where(eq(users.id, former));
    const c = await takeCheckpoint(t.db, { dataDir: t.dir, identity, organisation: 'Org', trigger: 'manual', also: mailCheckpoint });
    const queued = await t.db.select().from(notifications).where(eq(notifications.kind, 'log.checkpoint'));
    expect(queued.map((n) => n.userId).sort()).toEqual([admin, other].sort());
    for (const locale of ['en', 'zh-cn'] as const) {
      const mail = renderMail({ locale, name: 'Admin', publicUrl: 'https://lms.example.com', items: [{ kind: 'log.checkpoint', link: queued[0]!.link, params: JSON.parse(queued[0]!.params) }] });
      expect(mail.subject).toContain(String(c.seq));
      const saved = (locale === 'en' ? /\n\[checkpoint file\]\n([\s\S]+?)\[end of checkpoint file\]/ : /\n\[检查点文件\]\n([\s\S]+?)\[检查点文件结束\]/).exec(mail.text)![1]!;
      expect(saved).toBe(c.text);
      expect(await checkCheckpointFile('saved-from-mail.txt', saved, [identity.fingerprintSha256])).toMatchObject({ ok: true, checkpoint: { seq: c.seq, hash: c.hash } });
    }
  });
});
