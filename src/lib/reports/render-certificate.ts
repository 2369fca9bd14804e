import { t, type Locale } from '../../i18n/index.ts';
import {
  createPdfDocument,
  endPdfDocument,
  formatDate,
  formatPercent,
  palette,
  plain,
  strongText,
  type PdfDocument,
} from './pdf-layout.ts';
import { signPdf } from './sign-pdf.ts';
import type { SigningIdentity } from './signing-identity.ts';
import type { LogHead } from '../log/current-log-head.ts';

export type CertificateInput = {
  locale: Locale;
  certificateNumber: string;
  holderName: string;
  courseTitle: string;
  courseVersion: number | string;
  completedAt: Date;
  expiresAt: Date | null;
  /** Percent, 0–100. */
  score: number;
  organisation: string;
  verificationCode: string;
  /** The audit log's head at signing (see log verify). */
  logHead?: LogHead;
};

/** Renders a completion certificate (one landscape A4 page) and signs it. */
export async function renderCertificate(input: CertificateInput, identity: SigningIdentity): Promise<Buffer> {
  return signPdf({ pdf: await layoutCertificate(input, identity), identity });
}

/** Lays the certificate out as an unsigned PDF with an empty signature placeholder; same input, same bytes. */
export function layoutCertificate(input: CertificateInput, signer: Pick<SigningIdentity, 'subjectCommonName'>): Promise<Buffer> {
  const l = (key: string, params?: Record<string, string | number>) => t(input.locale, key, params);
  const doc = createPdfDocument({
    locale: input.locale,
    title: l('pdf.certificate.documentTitle', { number: input.certificateNumber, holder: input.holderName }),
    author: input.organisation,
    subject: `${input.courseTitle} (${input.courseVersion})`,
    createdAt: input.completedAt,
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 }, // everything is placed explicitly inside the frame
  });
  const { width, height } = doc.page;
  const inner = { left: 96, right: width - 96 };
  const innerWidth = inner.right - inner.left;
  drawFrame(doc);

  doc.fontSize(10.5).fillColor(palette.muted);
  doc.text(plain(input.organisation).toUpperCase(), inner.left, 74, { width: innerWidth, align: 'center', characterSpacing: 2, height: 16, ellipsis: true });

  doc.fontSize(30);
  strongText(doc, l('pdf.certificate.title'), inner.left, 104, { width: innerWidth, align: 'center', colour: palette.accent });
  doc.moveTo(width / 2 - 40, 158).lineTo(width / 2 + 40, 158).lineWidth(1.2).strokeColor(palette.gold).stroke();

  centred(doc, l('pdf.certificate.presentedTo'), 180, { size: 12, colour: palette.muted, maxWidth: innerWidth });
  const nameBottom = centred(doc, input.holderName, 204, { size: 32, minSize: 18, colour: palette.ink, maxWidth: innerWidth, strong: true });
  doc.moveTo(width / 2 - 170, nameBottom + 6).lineTo(width / 2 + 170, nameBottom + 6).lineWidth(0.6).strokeColor(palette.rule).stroke();
  centred(doc, l('pdf.certificate.completed'), nameBottom + 20, { size: 12, colour: palette.muted, maxWidth: innerWidth });
  const courseBottom = centred(doc, input.courseTitle, nameBottom + 44, { size: 20, minSize: 13, colour: palette.accent, maxWidth: innerWidth, strong: true });
  centred(doc, l('pdf.certificate.version', { version: input.courseVersion }), courseBottom + 6, { size: 10.5, colour: palette.muted, maxWidth: innerWidth });

  const facts: Array<[string, string]> = [
    [l('pdf.certificate.completedOn'), formatDate(input.locale, input.completedAt)],
    [l('pdf.certificate.score'), formatPercent(input.locale, input.score, l('pdf.notApplicable'))],
    [l('pdf.certificate.validUntil'), input.expiresAt ? formatDate(input.locale, input.expiresAt) : l('pdf.certificate.noExpiry')],
  ];
  const factWidth = 170;
  const factsLeft = width / 2 - (factWidth * facts.length) / 2;
  facts.forEach(([label, value], i) => {
    const x = factsLeft + i * factWidth;
    if (i > 0) doc.moveTo(x, 404).lineTo(x, 440).lineWidth(0.6).strokeColor(palette.rule).stroke();
    doc.fontSize(9).fillColor(palette.muted).text(label, x, 404, { width: factWidth, align: 'center', lineBreak: false });
    doc.fontSize(13).fillColor(palette.ink).text(value, x, 420, { width: factWidth, align: 'center', lineBreak: false });
  });

  drawSeal(doc, width / 2, 482);
  doc.fontSize(8.5).fillColor(palette.muted);
  doc.text(`${l('pdf.certificate.number')}  ${plain(input.certificateNumber)}`, inner.left, 478, { width: 220, lineBreak: false });
  doc.text(l('pdf.verificationCode', { code: plain(input.verificationCode) }), inner.right - 220, 478, { width: 220, align: 'right', lineBreak: false });
  doc.fontSize(7.5).text(
    plain(l('pdf.certificate.verify', { code: input.verificationCode, organisation: input.organisation })),
    inner.left + 40,
    height - 78,
    { width: innerWidth - 80, align: 'center', height: 22, ellipsis: true },
  );

  return endPdfDocument(doc, {
    signature: {
      reason: l('pdf.certificate.signatureReason'),
      name: signer.subjectCommonName,
      location: input.organisation,
      signingTime: input.completedAt,
    },
    logHead: input.logHead && { head: input.logHead, locale: input.locale },
  });
}

type CentredOptions = { size: number; minSize?: number; colour: string; maxWidth: number; strong?: boolean };

/** Centres a line, shrinking it (down to `minSize`) before wrapping; returns the y below it. */
function centred(doc: PdfDocument, text: string, y: number, options: CentredOptions): number {
  const clean = plain(text);
  let size = options.size;
  doc.fontSize(size);
  while (options.minSize && size > options.minSize && doc.widthOfString(clean) > options.maxWidth) doc.fontSize(--size);
  const x = (doc.page.width - options.maxWidth) / 2;
  // Up to three lines (Noto's line height is about 1.45 em): a name is never cut short unless absurdly long.
  const textOptions = { width: options.maxWidth, align: 'center' as const, height: size * 1.5 * 3, ellipsis: true };
  const height = Math.min(doc.heightOfString(clean, textOptions), textOptions.height);
  if (options.strong) strongText(doc, clean, x, y, { ...textOptions, colour: options.colour });
  else doc.fillColor(options.colour).text(clean, x, y, textOptions);
  return y + height;
}

function drawFrame(doc: PdfDocument): void {
  const { width, height } = doc.page;
  doc.rect(0, 0, width, height).fill('#fcfbf7');
  doc.rect(22, 22, width - 44, height - 44).lineWidth(5).strokeColor(palette.accent).stroke();
  doc.rect(34, 34, width - 68, height - 68).lineWidth(0.8).strokeColor(palette.gold).stroke();
  for (const [x, y] of [[34, 34], [width - 34, 34], [34, height - 34], [width - 34, height - 34]] as const) {
    doc.save().translate(x, y).rotate(45).rect(-5, -5, 10, 10).fill(palette.gold).restore();
  }
}

/** A simple rosette: rings and a tick, in the certificate's gold. */
function drawSeal(doc: PdfDocument, cx: number, cy: number): void {
  doc.circle(cx, cy, 30).fill(palette.gold);
  doc.circle(cx, cy, 25).lineWidth(1).strokeColor('#ffffff').stroke();
  doc.circle(cx, cy, 21).lineWidth(0.5).strokeColor('#f3e7c8').stroke();
  doc.moveTo(cx - 10, cy + 1).lineTo(cx - 3, cy + 8).lineTo(cx + 11, cy - 8).lineWidth(3.2).lineCap('round').lineJoin('round').strokeColor('#ffffff').stroke();
  doc.lineCap('butt').lineJoin('miter');
}
