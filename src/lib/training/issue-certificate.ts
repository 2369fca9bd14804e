import { and, eq } from 'drizzle-orm';
import { attempts, completions, signedDocuments, users, type Role } from '../../../db/schema.ts';
import { isLocale } from '../../i18n/index.ts';
import { can } from '../auth/permissions.ts';
import { getCourse } from '../content/catalog.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { notFound } from '../errors.ts';
import { newId, newReadableCode, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { currentLogHead } from '../log/current-log-head.ts';
import { renderCertificate } from '../reports/render-certificate.ts';
import { loadSigningIdentity, type LoadSigningIdentityOptions } from '../reports/signing-identity.ts';

export type IssueCertificateOptions = {
  db: Db;
  completionId: string;
  viewer: { id: string; role: Role };
  signing: LoadSigningIdentityOptions;
};

export type IssuedCertificate = { bytes: Buffer; fileName: string; sha256: string; verificationCode: string };

/** A completion's signed certificate PDF: made and stored on first request, the same bytes ever after. Owner or `certificates.any`; anyone else 404. */
export async function issueCertificate(o: IssueCertificateOptions): Promise<IssuedCertificate> {
  const [row] = await o.db
    .select({ completion: completions, holderName: users.name, locale: attempts.locale })
    .from(completions)
    .innerJoin(users, eq(users.id, completions.userId))
    .innerJoin(attempts, eq(attempts.id, completions.attemptId))
    .where(eq(completions.id, o.completionId));
  // Someone else's certificate answers exactly like a missing one, so ids reveal nothing.
  if (!row || (row.completion.userId !== o.viewer.id && !can(o.viewer.role, 'certificates.any'))) throw notFound('No such certificate').as('error.noSuchCertificate');
  const { completion } = row;
  const fileName = `certificate-${completion.certificateNumber}.pdf`;

  const stored = await findStored(o.db, completion.id);
  if (stored) return { ...stored, fileName };

  const locale = isLocale(row.locale) ? row.locale : 'en';
  const identity = await loadSigningIdentity(o.signing);
  // Rendered inside the write transaction: the certificate records the log head its own entry follows.
  return writeTransaction(o.db, async (tx) => {
    const raced = await findStored(tx, completion.id);
    if (raced) return { ...raced, fileName };
    const verificationCode = newReadableCode();
    const logHead = await currentLogHead(tx);
    const bytes = await renderCertificate(
      {
        locale,
        certificateNumber: completion.certificateNumber,
        holderName: row.holderName,
        courseTitle: getCourse(completion.courseSlug, locale)?.meta.title ?? completion.courseSlug,
        courseVersion: completion.courseVersion,
        completedAt: new Date(completion.completedAt),
        expiresAt: completion.expiresAt === null ? null : new Date(completion.expiresAt),
        score: completion.score,
        organisation: o.signing.organisation,
        verificationCode,
        logHead,
      },
      identity,
    );
    const sha256 = sha256Hex(bytes);
    const id = newId();
    await tx.insert(signedDocuments).values({ id, kind: 'certificate', subjectId: completion.id, sha256, verificationCode, signerName: identity.subjectCommonName, signedAt: Date.now(), bytes, logSeq: logHead.seq, logHash: logHead.hash });
    await appendLog(tx, { actorId: o.viewer.id, action: 'certificate.issue', subjectType: 'completion', subjectId: completion.id, details: { documentId: id, sha256, certificateNumber: completion.certificateNumber } });
    return { bytes, fileName, sha256, verificationCode };
  });
}

async function findStored(db: Pick<Db, 'select'>, completionId: string) {
  const [doc] = await db
    .select({ bytes: signedDocuments.bytes, sha256: signedDocuments.sha256, verificationCode: signedDocuments.verificationCode })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.kind, 'certificate'), eq(signedDocuments.subjectId, completionId)))
    .limit(1);
  return doc ? { bytes: Buffer.from(doc.bytes), sha256: doc.sha256, verificationCode: doc.verificationCode } : undefined;
}
