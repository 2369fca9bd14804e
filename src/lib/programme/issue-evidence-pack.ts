// The evidence pack: one signed PDF for a period, recorded like every signed document so /verify knows it.
import { eq } from 'drizzle-orm';
import { signedDocuments, users } from '../../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId, newReadableCode, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { currentLogHead, type LogHead } from '../log/current-log-head.ts';
import { loadSigningIdentity, type LoadSigningIdentityOptions } from '../reports/signing-identity.ts';
import { collectEvidencePack, parsePeriod } from './collect-evidence-pack.ts';
import { assertMakesEvidencePack, type Actor } from './programme-access.ts';
import { renderEvidencePack } from './render-evidence-pack.ts';

export type IssueEvidencePackOptions = { actor: Actor; from: string; to: string; locale: Locale; signing: LoadSigningIdentityOptions; now?: number };
export type IssuedEvidencePack = { id: string; sha256: string; verificationCode: string; bytes: Buffer; fileName: string; signedAt: number };

/** Collects, renders, signs and records the pack for from..to (hr, auditors, admins). */
export async function issueEvidencePack(db: Db, o: IssueEvidencePackOptions): Promise<IssuedEvidencePack> {
  assertMakesEvidencePack(o.actor);
  parsePeriod(o.from, o.to);
  const now = o.now ?? Date.now();
  const [identity, data, [issuer]] = await Promise.all([
    loadSigningIdentity(o.signing),
    collectEvidencePack(db, { actor: o.actor, from: o.from, to: o.to, now, locale: o.locale }),
    db.select({ name: users.name }).from(users).where(eq(users.id, o.actor.id)),
  ]);
  const verificationCode = newReadableCode();
  const issuedBy = issuer?.name ?? o.actor.name;
  const render = (logHead: LogHead) => renderEvidencePack({ ...data, locale: o.locale, organisation: o.signing.organisation, issuedAt: now, issuedBy, verificationCode, logHead }, identity);
  // Rendered before the write transaction, so a large pack does not hold the write lock; the anchor
  // must be the entry just before the pack's own, so if anything was logged meanwhile it is rendered again.
  let head = await currentLogHead(db);
  let bytes = await render(head);
  const id = newId();
  let sha256 = '';
  await writeTransaction(db, async (tx) => {
    const latest = await currentLogHead(tx);
    if (latest.seq !== head.seq || latest.hash !== head.hash) {
      head = latest;
      bytes = await render(head);
    }
    sha256 = sha256Hex(bytes);
    await tx.insert(signedDocuments).values({ id, kind: 'evidence_pack', subjectId: `${o.from}..${o.to}`, sha256, verificationCode, signerName: issuedBy, signedAt: now, bytes, logSeq: head.seq, logHash: head.hash });
    await appendLog(tx, {
      actorId: o.actor.id,
      action: 'evidence_pack.issue',
      subjectType: 'evidence_pack',
      subjectId: id,
      details: { documentId: id, from: o.from, to: o.to, asOf: data.asOf, sha256, verificationCode, audits: data.audits.length, overdue: data.overdue.total, trainingSource: data.trainingSource },
      at: now,
    });
  });
  return { id, sha256, verificationCode, bytes, fileName: `evidence-pack-${o.from}-to-${o.to}.pdf`, signedAt: now };
}
