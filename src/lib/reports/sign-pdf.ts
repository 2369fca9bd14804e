import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
// @signpdf/signpdf is CommonJS: its default export is an instance, not the class, so import the class by name.
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { SigningIdentity } from './signing-identity.ts';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

/** Room reserved in the PDF for the CMS signature (bytes); a chain of a few certificates fits easily. */
export const SIGNATURE_LENGTH = 8192;

const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: crypto.webcrypto as Crypto });
pkijs.setEngine('node-webcrypto', engine);

export type AddSignaturePlaceholderOptions = {
  reason: string;
  name: string;
  location: string;
  contactInfo?: string;
  /** Written as the signature's /M: PAdES takes the signing time from here, and it keeps output deterministic. */
  signingTime: Date;
};

/** Adds an invisible signature field with an empty /Contents to the first page; call just before `doc.end()`. */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, options: AddSignaturePlaceholderOptions): void {
  doc.switchToPage(0);
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0), // unused by the pdfkit variant, but required by its type
    reason: options.reason,
    name: options.name,
    location: options.location,
    contactInfo: options.contactInfo ?? '',
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
}

export type SignPdfOptions = {
  /** A PDF that already holds a placeholder (see `addSignaturePlaceholder`). */
  pdf: Buffer;
  identity: SigningIdentity;
};

/**
 * Fills the placeholder with a CAdES-detached signature (PAdES baseline B).
 * Reason, signer name and time live in the signature dictionary, inside the signed bytes,
 * so they are set when the placeholder is added, not here.
 */
export async function signPdf(options: SignPdfOptions): Promise<Buffer> {
  return new SignPdf().sign(options.pdf, new CadesSigner(options.identity));
}

/** A detached CMS SignedData (DER) over any bytes, made like a PDF signature: used for audit-log checkpoints. */
export async function signDetached(bytes: Buffer, identity: SigningIdentity): Promise<Buffer> {
  return new CadesSigner(identity).sign(bytes);
}

/** A detached CMS SignedData over SHA-256 with contentType, messageDigest and signingCertificateV2; no signingTime. */
class CadesSigner extends Signer {
  #identity: SigningIdentity;

  constructor(identity: SigningIdentity) {
    super();
    this.#identity = identity;
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const identity = this.#identity;
    const certificate = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificateDer));
    const digest = crypto.createHash('sha256').update(pdfBuffer).digest();
    const certHash = crypto.createHash('sha256').update(identity.certificateDer).digest();

    const signerInfo = new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: sortForDer([
          new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
          new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
          new pkijs.Attribute({ type: OID_SIGNING_CERTIFICATE_V2, values: [signingCertificateV2(certificate, certHash)] }),
        ]),
      }),
    });
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
      signerInfos: [signerInfo],
      certificates: [certificate, ...identity.chainDer.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)))],
    });
    await signedData.sign(identity.privateKey, 0, 'SHA-256', undefined, engine);

    const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; SHA-256 is the default hash, so it is omitted (DER). */
function signingCertificateV2(certificate: pkijs.Certificate, certHash: Buffer): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames with one directoryName [4], explicitly tagged because Name is a CHOICE.
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER encodes a SET OF in ascending order of the members' encodings. */
function sortForDer(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }));
  return encoded.sort((a, b) => Buffer.compare(a.der, b.der)).map((entry) => entry.attribute);
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
