import { createRequire } from "node:module";
import fs from "node:fs";
import crypto from "node:crypto";
import * as pkijs from "pkijs";
import PDFDocument from "pdfkit";
import * as asn1js from "asn1js";
import { pdfkitAddPlaceholder } from "@signpdf/placeholder-pdfkit";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from "@signpdf/utils";
// src/lib/reports/fonts.ts
var require = createRequire(import.meta.url);
var fontkit = require("fontkit");
var CJK_FONT = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";
var parsed;
/** Absolute path of the Noto Sans SC font, resolved through the package rather than the working directory. */
function cjkFontPath() {
	return require.resolve(CJK_FONT);
}
/**
* Returns the Noto Sans SC font (Latin and CJK glyphs), read and parsed once per process.
* Handing pdfkit the parsed object rather than the path or bytes saves reading 10 MB and
* re-decoding its tables for every document (measured: ~20 ms vs ~27 ms (bytes) vs ~80 ms (path)).
*/
function cjkFont() {
	parsed ??= fontkit.create(fs.readFileSync(cjkFontPath()));
	return parsed;
}
// src/lib/reports/sign-pdf.ts
var OID_DATA = "1.2.840.113549.1.7.1";
var OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
var OID_CONTENT_TYPE = "1.2.840.113549.1.9.3";
var OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
var OID_SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";
/** Room reserved in the PDF for the CMS signature (bytes); a chain of a few certificates fits easily. */
var SIGNATURE_LENGTH = 8192;
var engine = new pkijs.CryptoEngine({
	name: "node-webcrypto",
	crypto: crypto.webcrypto
});
pkijs.setEngine("node-webcrypto", engine);
/** Adds an invisible signature field with an empty /Contents to the first page; call just before `doc.end()`. */
function addSignaturePlaceholder(doc, options) {
	doc.switchToPage(0);
	pdfkitAddPlaceholder({
		pdf: doc,
		pdfBuffer: Buffer.alloc(0),
		reason: options.reason,
		name: options.name,
		location: options.location,
		contactInfo: options.contactInfo ?? "",
		signingTime: options.signingTime,
		signatureLength: SIGNATURE_LENGTH,
		subFilter: SUBFILTER_ETSI_CADES_DETACHED
	});
}
/**
* Fills the placeholder with a CAdES-detached signature (PAdES baseline B).
* Reason, signer name and time live in the signature dictionary, inside the signed bytes,
* so they are set when the placeholder is added, not here.
*/
async function signPdf(options) {
	return new SignPdf().sign(options.pdf, new CadesSigner(options.identity));
}
/** A detached CMS SignedData over SHA-256 with contentType, messageDigest and signingCertificateV2; no signingTime. */
var CadesSigner = class extends Signer {
	#identity;
	constructor(identity) {
		super();
		this.#identity = identity;
	}
	async sign(pdfBuffer) {
		const identity = this.#identity;
		const certificate = pkijs.Certificate.fromBER(toArrayBuffer(identity.certificateDer));
		const digest = crypto.createHash("sha256").update(pdfBuffer).digest();
		const certHash = crypto.createHash("sha256").update(identity.certificateDer).digest();
		const signerInfo = new pkijs.SignerInfo({
			version: 1,
			sid: new pkijs.IssuerAndSerialNumber({
				issuer: certificate.issuer,
				serialNumber: certificate.serialNumber
			}),
			signedAttrs: new pkijs.SignedAndUnsignedAttributes({
				type: 0,
				attributes: sortForDer([
					new pkijs.Attribute({
						type: OID_CONTENT_TYPE,
						values: [new asn1js.ObjectIdentifier({ value: OID_DATA })]
					}),
					new pkijs.Attribute({
						type: OID_MESSAGE_DIGEST,
						values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })]
					}),
					new pkijs.Attribute({
						type: OID_SIGNING_CERTIFICATE_V2,
						values: [signingCertificateV2(certificate, certHash)]
					})
				])
			})
		});
		const signedData = new pkijs.SignedData({
			version: 1,
			encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
			signerInfos: [signerInfo],
			certificates: [certificate, ...identity.chainDer.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)))]
		});
		await signedData.sign(identity.privateKey, 0, "SHA-256", void 0, engine);
		const contentInfo = new pkijs.ContentInfo({
			contentType: OID_SIGNED_DATA,
			content: signedData.toSchema(true)
		});
		return Buffer.from(contentInfo.toSchema().toBER(false));
	}
};
/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; SHA-256 is the default hash, so it is omitted (DER). */
function signingCertificateV2(certificate, certHash) {
	const issuerSerial = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Constructed({
		idBlock: {
			tagClass: 3,
			tagNumber: 4
		},
		value: [certificate.issuer.toSchema()]
	})] }), new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView.slice().buffer })] });
	const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial] });
	return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}
/** DER encodes a SET OF in ascending order of the members' encodings. */
function sortForDer(attributes) {
	return attributes.map((attribute) => ({
		attribute,
		der: Buffer.from(attribute.toSchema().toBER(false))
	})).sort((a, b) => Buffer.compare(a.der, b.der)).map((entry) => entry.attribute);
}
function toArrayBuffer(bytes) {
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
// src/lib/reports/pdf-layout.ts
var palette = {
	ink: "#1d2733",
	muted: "#5f6b78",
	rule: "#d3d9e0",
	faint: "#f5f7f9",
	accent: "#1f3a5f",
	accentSoft: "#e9eef4",
	gold: "#a8843a"
};
var tones = {
	good: {
		fg: "#17663a",
		bg: "#ddf3e4"
	},
	warning: {
		fg: "#8a5300",
		bg: "#fcefd2"
	},
	bad: {
		fg: "#a61b1b",
		bg: "#fbe0e0"
	},
	neutral: {
		fg: "#4b5563",
		bg: "#e7eaee"
	},
	accent: {
		fg: palette.accent,
		bg: palette.accentSoft
	}
};
var FONT = "NotoSansSC";
/** Creates a buffered A4 document set in Noto Sans SC, deterministic for a given `createdAt`. */
function createPdfDocument(options) {
	const doc = new PDFDocument({
		size: "A4",
		layout: options.layout ?? "portrait",
		margins: options.margins ?? {
			top: 64,
			bottom: 66,
			left: 54,
			right: 54
		},
		bufferPages: true,
		autoFirstPage: false,
		font: null,
		lang: options.locale === "zh-cn" ? "zh-CN" : "en",
		displayTitle: true,
		info: {
			Title: options.title,
			Author: options.author,
			Subject: options.subject ?? options.title,
			Creator: "Compliance LMS",
			Producer: "Compliance LMS (PDFKit)",
			CreationDate: options.createdAt,
			ModDate: options.createdAt
		}
	});
	doc.registerFont(FONT, cjkFont());
	doc.font(FONT);
	doc.addPage();
	doc.fillColor(palette.ink);
	return doc;
}
/** Width between the left and right margins of the current page. */
function contentWidth(doc) {
	return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
function bottomOf(doc) {
	return doc.page.height - doc.page.margins.bottom;
}
/** Starts a new page unless `height` points still fit on this one. */
function ensureSpace(doc, height) {
	if (doc.y + height > bottomOf(doc)) doc.addPage();
	doc.x = doc.page.margins.left;
}
/** Replaces control characters (other than line breaks and tabs) that would otherwise draw as boxes. */
function plain(text) {
	return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, " ");
}
/** Draws text with a hairline outline in its own colour: a faux bold, since only the regular CJK weight is embedded. */
function strongText(doc, text, x, y, options) {
	const { colour, ...textOptions } = options;
	doc.save();
	doc.lineWidth(Math.max(.2, doc.currentLineHeight() * .022)).strokeColor(colour).fillColor(colour);
	doc.text(plain(text), x, y, {
		...textOptions,
		fill: true,
		stroke: true
	});
	doc.restore();
	doc.fillColor(colour);
}
/** A section heading; level 2 gets a rule beneath it. Keeps the heading with at least a few lines of what follows. */
function heading(doc, text, options = {}) {
	const level = options.level ?? 2;
	const size = level === 1 ? 20 : level === 2 ? 13.5 : 11;
	ensureSpace(doc, size * 2 + 110);
	if (level === 2 && doc.y > doc.page.margins.top + 1) doc.y += 10;
	const x = doc.page.margins.left;
	doc.font(FONT).fontSize(size);
	strongText(doc, text, x, doc.y, {
		width: contentWidth(doc),
		colour: level === 3 ? palette.ink : palette.accent
	});
	if (level === 2) {
		doc.y += 3;
		doc.moveTo(x, doc.y).lineTo(x + contentWidth(doc), doc.y).lineWidth(.8).strokeColor(palette.accent).stroke();
	}
	doc.y += level === 1 ? 6 : 7;
	doc.x = x;
}
/** A block of running text that flows onto following pages as needed. */
function paragraph(doc, text, options = {}) {
	doc.font(FONT).fontSize(options.size ?? 9.5).fillColor(options.colour ?? palette.ink);
	doc.text(plain(text), doc.page.margins.left, doc.y, {
		width: contentWidth(doc),
		align: options.align ?? "left",
		lineGap: 2
	});
	doc.y += options.after ?? 6;
}
/** Label–value pairs in two columns, labels muted; a row never splits across pages. */
function keyValueRows(doc, rows, options = {}) {
	const size = options.size ?? 9.5;
	const x = options.x ?? doc.page.margins.left;
	const width = options.width ?? contentWidth(doc);
	const labelWidth = options.labelWidth ?? Math.min(150, width * .32);
	doc.font(FONT).fontSize(size);
	for (const [label, value] of rows) {
		const valueOptions = {
			width: width - labelWidth,
			lineGap: 1.5
		};
		const height = Math.max(doc.heightOfString(plain(label), { width: labelWidth - 8 }), doc.heightOfString(plain(value), valueOptions));
		ensureSpace(doc, height + 4);
		const y = doc.y;
		doc.fillColor(palette.muted).text(plain(label), x, y, {
			width: labelWidth - 8,
			height: height + 1
		});
		doc.fillColor(palette.ink).text(plain(value), x + labelWidth, y, {
			...valueOptions,
			height: height + 1
		});
		doc.y = y + height + 4;
	}
	doc.x = doc.page.margins.left;
}
/** A small rounded label in the tone's colours (pass/fail, severity); returns its width. */
function badge(doc, text, tone, options) {
	const size = options.size ?? 7.5;
	doc.font(FONT).fontSize(size);
	const width = doc.widthOfString(plain(text)) + size * 1.3;
	const height = size * 1.75;
	doc.roundedRect(options.x, options.y, width, height, height / 2).fill(tones[tone].bg);
	doc.fillColor(tones[tone].fg).text(plain(text), options.x, options.y + size * .2, {
		width,
		align: "center",
		lineBreak: false
	});
	return width;
}
/** The tone of a checklist result. */
function resultTone(result) {
	return result === "pass" ? "good" : result === "partial" ? "warning" : result === "fail" ? "bad" : "neutral";
}
/** The tone of a finding's severity. */
function severityTone(severity) {
	return severity === "critical" || severity === "high" ? "bad" : severity === "medium" ? "warning" : "neutral";
}
var PAD_X = 5;
var PAD_Y = 4;
/**
* A table with a header row repeated on every page it spans. Column widths are relative weights.
* A row moves to the next page whole unless it is taller than a page, in which case its text is split.
*/
function table(doc, options) {
	const size = options.size ?? 8.5;
	const left = doc.page.margins.left;
	const total = options.columns.reduce((sum, column) => sum + column.width, 0);
	const widths = options.columns.map((column) => column.width / total * contentWidth(doc));
	const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
	const textOptions = (i) => ({
		width: widths[i] - 10,
		align: options.columns[i].align ?? "left",
		lineGap: 1.5
	});
	const badgeHeight = size * 1.75;
	doc.font(FONT).fontSize(size);
	const cellHeight = (cell, i) => typeof cell === "string" ? cell ? doc.heightOfString(cell, textOptions(i)) : 0 : badgeHeight;
	const rowHeight = (cells) => Math.max(size, ...cells.map(cellHeight)) + 8;
	const headerHeight = rowHeight(options.columns.map((column) => column.header));
	const freshRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - headerHeight;
	let stripe = false;
	const drawHeader = () => {
		const y = doc.y;
		doc.rect(left, y, contentWidth(doc), headerHeight).fill(palette.accent);
		doc.fillColor("#ffffff");
		options.columns.forEach((column, i) => {
			doc.text(plain(column.header), xs[i] + PAD_X, y + PAD_Y, {
				...textOptions(i),
				height: headerHeight
			});
		});
		doc.y = y + headerHeight;
	};
	const newPage = () => {
		doc.addPage();
		doc.font(FONT).fontSize(size);
		drawHeader();
	};
	const drawRow = (cells, height) => {
		const y = doc.y;
		if (stripe) doc.rect(left, y, contentWidth(doc), height).fill(palette.faint);
		cells.forEach((cell, i) => {
			if (typeof cell === "string") doc.fillColor(palette.ink).text(cell, xs[i] + PAD_X, y + PAD_Y, {
				...textOptions(i),
				height
			});
			else {
				badge(doc, cell.text, cell.badge, {
					x: xs[i] + PAD_X,
					y: y + PAD_Y - .5,
					size: size * .9
				});
				doc.fontSize(size);
			}
		});
		doc.moveTo(left, y + height).lineTo(left + contentWidth(doc), y + height).lineWidth(.4).strokeColor(palette.rule).stroke();
		doc.y = y + height;
	};
	const clean = (row) => row.map((cell) => typeof cell === "string" ? plain(cell) : {
		...cell,
		text: plain(cell.text)
	});
	const keepHeight = (row) => Array.isArray(row) ? Math.min(rowHeight(clean(row)), freshRoom / 3) : 0;
	ensureSpace(doc, headerHeight + keepHeight(options.rows.find(Array.isArray)) + size * 3);
	drawHeader();
	options.rows.forEach((row, index) => {
		if (!Array.isArray(row)) {
			const height = doc.heightOfString(plain(row.group), { width: contentWidth(doc) - 10 }) + 8 + 2;
			if (doc.y + height + keepHeight(options.rows[index + 1]) > bottomOf(doc)) newPage();
			const y = doc.y;
			doc.rect(left, y, contentWidth(doc), height).fill(palette.accentSoft);
			doc.fillColor(palette.accent).text(plain(row.group), left + PAD_X, y + PAD_Y + 1, {
				width: contentWidth(doc) - 10,
				height
			});
			doc.y = y + height;
			stripe = false;
			return;
		}
		let cells = clean(row);
		for (;;) {
			const height = rowHeight(cells);
			const room = bottomOf(doc) - doc.y;
			if (height <= room) {
				drawRow(cells, height);
				break;
			}
			if (height <= freshRoom || room < size * 5) {
				newPage();
				if (height <= freshRoom) continue;
			}
			const available = bottomOf(doc) - doc.y - 8;
			const parts = cells.map((cell, i) => typeof cell === "string" ? splitToFit(doc, cell, textOptions(i), available) : [cell, ""]);
			drawRow(parts.map((part) => part[0]), bottomOf(doc) - doc.y);
			newPage();
			cells = parts.map((part) => part[1]);
			if (cells.every((cell) => cell === "")) break;
		}
		stripe = !stripe;
	});
	doc.x = left;
	doc.y += 8;
}
/** Splits text where it stops fitting in `maxHeight`, preferring a nearby space or line break. */
function splitToFit(doc, text, options, maxHeight) {
	if (doc.heightOfString(text, options) <= maxHeight) return [text, ""];
	let fits = 1;
	let tooLong = text.length;
	while (tooLong - fits > 1) {
		const middle = Math.floor((fits + tooLong) / 2);
		if (doc.heightOfString(text.slice(0, middle), options) <= maxHeight) fits = middle;
		else tooLong = middle;
	}
	const space = Math.max(text.lastIndexOf(" ", fits), text.lastIndexOf("\n", fits));
	const cut = space > fits - 40 && space > 0 ? space : fits;
	return [text.slice(0, cut).trimEnd(), text.slice(cut).trimStart()];
}
/** Writes the footer (and header) on every page, once the page count is known. */
function finishPages(doc, options) {
	const { start, count } = doc.bufferedPageRange();
	for (let i = 0; i < count; i++) {
		doc.switchToPage(start + i);
		const page = doc.page;
		const bottomMargin = page.margins.bottom;
		page.margins.bottom = 0;
		const left = page.margins.left;
		const width = contentWidth(doc);
		const y = page.height - bottomMargin + 24;
		doc.moveTo(left, y - 8).lineTo(left + width, y - 8).lineWidth(.5).strokeColor(palette.rule).stroke();
		const footer = options.footer(i, count);
		doc.font(FONT).fontSize(7.5).fillColor(palette.muted);
		doc.text(plain(footer.left), left, y, {
			width: width * .68,
			height: 10,
			ellipsis: true,
			lineBreak: false
		});
		doc.text(plain(footer.right), left + width * .7, y, {
			width: width * .3,
			height: 10,
			align: "right",
			lineBreak: false
		});
		const header = options.header?.(i, count);
		if (header) {
			const top = page.margins.top - 30;
			doc.text(plain(header), left, top, {
				width,
				height: 10,
				ellipsis: true,
				lineBreak: false
			});
			doc.moveTo(left, top + 14).lineTo(left + width, top + 14).lineWidth(.5).strokeColor(palette.rule).stroke();
		}
		page.margins.bottom = bottomMargin;
	}
}
/** Adds the signature placeholder, ends the document and returns its bytes, ready for `signPdf`. */
function endPdfDocument(doc, options) {
	addSignaturePlaceholder(doc, options.signature);
	const chunks = [];
	const done = new Promise((resolve, reject) => {
		doc.on("data", (chunk) => chunks.push(chunk));
		doc.on("end", () => resolve(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	doc.end();
	return done;
}
var formatters = /* @__PURE__ */ new Map();
function formatter(key, create) {
	let cached = formatters.get(key);
	if (!cached) formatters.set(key, cached = create());
	return cached;
}
function intlLocale(locale) {
	return locale === "zh-cn" ? "zh-CN" : "en-GB";
}
/** A date as the locale writes it (12 March 2025, 2025年3月12日), in UTC so the output never depends on the server. */
function formatDate(locale, date) {
	return formatter(`date:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: "long",
		timeZone: "UTC"
	})).format(date);
}
/** A date and time in UTC, labelled as such. */
function formatDateTime(locale, date) {
	return `${formatter(`datetime:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: "long",
		timeStyle: "short",
		hourCycle: "h23",
		timeZone: "UTC"
	})).format(date)} UTC`;
}
/** A percentage with at most one decimal, or `fallback` when there is none. */
function formatPercent(locale, value, fallback) {
	if (value === null || !Number.isFinite(value)) return fallback;
	return `${formatter(`percent:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 })).format(value)}%`;
}
/** A file size in B, KB or MB. */
function formatBytes(bytes) {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
export { strongText as _, finishPages as a, formatDateTime as c, keyValueRows as d, palette as f, severityTone as g, resultTone as h, ensureSpace as i, formatPercent as l, plain as m, createPdfDocument as n, formatBytes as o, paragraph as p, endPdfDocument as r, formatDate as s, contentWidth as t, heading as u, table as v, signPdf as y };
