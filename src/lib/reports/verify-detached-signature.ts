import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type DetachedSignatureCheck = { valid: boolean; reason?: string; certificateFingerprintSha256?: string; signerCommonName?: string };

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: crypto.webcrypto as Crypto });

/**
 * Checks a detached CMS signature (as `signDetached` makes) over `data` with the certificate it
 * carries. Which key that is, is the caller's question: compare `certificateFingerprintSha256`.
 * Never throws.
 */
export async function verifyDetachedSignature(data: Buffer, cmsDer: Buffer): Promise<DetachedSignatureCheck> {
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(cmsDer));
    if (asn1.offset === -1) return { valid: false, reason: 'the signature is not valid CMS' };
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA) return { valid: false, reason: 'the signature is not CMS SignedData' };
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signerInfo = signedData.signerInfos[0];
    const sid = signerInfo?.sid;
    const certificate = (signedData.certificates ?? []).find(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
    );
    if (!signerInfo || !certificate) return { valid: false, reason: 'the signer certificate is missing' };
    const found = {
      certificateFingerprintSha256: crypto.createHash('sha256').update(Buffer.from(certificate.toSchema().toBER(false))).digest('hex'),
      signerCommonName: String(certificate.subject.typesAndValues.find((a) => a.type === '2.5.4.3')?.value.valueBlock.value ?? ''),
    };
    if (signerInfo.digestAlgorithm.algorithmId !== '2.16.840.1.101.3.4.2.1') return { valid: false, reason: 'unsupported digest algorithm', ...found };
    const claimed = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID_MESSAGE_DIGEST)?.values[0];
    const digest = crypto.createHash('sha256').update(data).digest();
    if (!(claimed instanceof asn1js.OctetString) || !digest.equals(Buffer.from(claimed.valueBlock.valueHexView))) {
      return { valid: false, reason: 'the signed content was changed', ...found };
    }
    const verified = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false }, engine);
    if (!verified) return { valid: false, reason: 'the signature does not match its certificate', ...found };
    return { valid: true, ...found };
  } catch (error) {
    return { valid: false, reason: `unreadable signature: ${(error as Error).message}` };
  }
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
