import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type PdfSignatureCheck = {
  valid: boolean;
  /** Why the signature is not valid; absent when it is. */
  reason?: string;
  /** No signature at all, as opposed to one that fails: callers tell the two apart by this, not by the reason's words. */
  unsigned?: true;
  signerCommonName?: string;
  /** The signature dictionary's /M. */
  signedAt?: Date;
  certificateFingerprintSha256?: string;
  /** The signed bytes are the whole file except the signature itself: nothing was appended after signing. */
  byteRangeCoversWholeFile: boolean;
};

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: crypto.webcrypto as Crypto });

/** Checks the last signature in a PDF on its own (no trust store): byte range, digest and the signer's signature. Never throws. */
export async function verifyPdfSignature(bytes: Buffer): Promise<PdfSignatureCheck> {
  try {
    return await check(bytes);
  } catch (error) {
    return { valid: false, reason: `Unreadable signature: ${(error as Error).message}`, byteRangeCoversWholeFile: false };
  }
}

async function check(bytes: Buffer): Promise<PdfSignatureCheck> {
  const text = bytes.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const range = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 100));
  if (at < 0 || !range) return { valid: false, unsigned: true, reason: 'The PDF is not signed', byteRangeCoversWholeFile: false };
  const [start, gapStart, gapEnd, tailLength] = range.slice(1).map(Number) as [number, number, number, number];
  const contents = /^<([0-9a-fA-F]*)>$/.exec(text.slice(gapStart, gapEnd));
  if (start !== 0 || gapEnd <= gapStart || !contents || !/\/Contents\s*$/.test(text.slice(Math.max(0, gapStart - 20), gapStart))) {
    return { valid: false, reason: 'The signature byte range is malformed', byteRangeCoversWholeFile: false };
  }
  const byteRangeCoversWholeFile = gapEnd + tailLength === bytes.length;
  const signedAt = signingTime(text, at);
  const signedBytes = Buffer.concat([bytes.subarray(0, gapStart), bytes.subarray(gapEnd, gapEnd + tailLength)]);

  const der = Buffer.from(contents[1]!, 'hex'); // trailing zero padding is ignored by the BER parser
  const asn1 = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength));
  if (asn1.offset === -1) return { valid: false, reason: 'The signature is not valid CMS', signedAt, byteRangeCoversWholeFile };
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID_SIGNED_DATA) {
    return { valid: false, reason: 'The signature is not CMS SignedData', signedAt, byteRangeCoversWholeFile };
  }
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  const certificate = signerInfo && signerCertificate(signedData, signerInfo);
  if (!signerInfo || !certificate) {
    return { valid: false, reason: 'The signer certificate is missing', signedAt, byteRangeCoversWholeFile };
  }
  const certificateDer = Buffer.from(certificate.toSchema().toBER(false));
  const found = {
    signedAt,
    byteRangeCoversWholeFile,
    signerCommonName: commonName(certificate),
    certificateFingerprintSha256: crypto.createHash('sha256').update(certificateDer).digest('hex'),
  };

  if (!byteRangeCoversWholeFile) return { valid: false, reason: 'Bytes were added after the signature', ...found };
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) return { valid: false, reason: 'Unsupported digest algorithm', ...found };
  const digest = crypto.createHash(digestName).update(signedBytes).digest();
  const claimed = attributeValue(signerInfo, OID_MESSAGE_DIGEST);
  if (!(claimed instanceof asn1js.OctetString) || !digest.equals(Buffer.from(claimed.valueBlock.valueHexView))) {
    return { valid: false, reason: 'The document was changed after it was signed', ...found };
  }
  const essHash = signingCertificateHash(signerInfo);
  if (essHash && !essHash.equals(crypto.createHash('sha256').update(certificateDer).digest())) {
    return { valid: false, reason: 'The signing certificate does not match the signed reference to it', ...found };
  }
  const verified = await signedData.verify({ signer: 0, data: toArrayBuffer(signedBytes), checkChain: false }, engine);
  if (!verified) return { valid: false, reason: 'The signature does not match the signer certificate', ...found };
  return { valid: true, ...found };
}

function signerCertificate(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | undefined {
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return certificates[0];
  return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
}

function attributeValue(signerInfo: pkijs.SignerInfo, type: string): unknown {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type)?.values[0];
}

/** certHash of the first ESSCertIDv2, if the attribute is present and uses SHA-256 (the default, so no algorithm field). */
function signingCertificateHash(signerInfo: pkijs.SignerInfo): Buffer | undefined {
  const value = attributeValue(signerInfo, OID_SIGNING_CERTIFICATE_V2);
  if (!(value instanceof asn1js.Sequence)) return undefined;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  const hash = first instanceof asn1js.Sequence ? first.valueBlock.value[0] : undefined;
  return hash instanceof asn1js.OctetString ? Buffer.from(hash.valueBlock.valueHexView) : undefined;
}

function commonName(certificate: pkijs.Certificate): string {
  const cn = certificate.subject.typesAndValues.find((attribute) => attribute.type === '2.5.4.3');
  return String(cn?.value.valueBlock.value ?? '');
}

/** The /M of the signature dictionary holding the /ByteRange at `byteRangeAt`, e.g. (D:20250301093000Z). */
function signingTime(text: string, byteRangeAt: number): Date | undefined {
  const objectStart = text.lastIndexOf(' obj', byteRangeAt);
  const objectEnd = text.indexOf('endobj', byteRangeAt);
  const dictionary = text.slice(objectStart, objectEnd < 0 ? undefined : objectEnd);
  const m = /\/M\s*\(D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?\)/.exec(dictionary);
  if (!m) return undefined;
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => (part ? Number(part) : undefined));
  const offsetMinutes = m[7] === '+' || m[7] === '-' ? (m[7] === '-' ? -1 : 1) * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0)) : 0;
  return new Date(Date.UTC(year!, month - 1, day, hour, minute - offsetMinutes, second));
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
