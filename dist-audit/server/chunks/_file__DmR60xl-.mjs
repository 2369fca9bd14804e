import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
import { r as handle } from "./http_0lpnW3L4.mjs";
import { _ as users, a as attempts, g as signedDocuments, l as completions, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { i as t, n as isLocale } from "./i18n_poIUamJY.mjs";
import { t as can } from "./permissions_DBoHzJdR.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { n as newReadableCode, r as sha256Hex, t as newId } from "./ids_a_t61mxT.mjs";
import { _ as strongText, f as palette, l as formatPercent, m as plain, n as createPdfDocument, r as endPdfDocument, s as formatDate, y as signPdf } from "./pdf-layout_DsPK4GPu.mjs";
import { t as loadSigningIdentity } from "./signing-identity_Bzi25w-1.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { and, eq } from "drizzle-orm";
// src/lib/reports/render-certificate.ts
/** Renders a completion certificate (one landscape A4 page) and signs it. */
async function renderCertificate(input, identity) {
	return signPdf({
		pdf: await layoutCertificate(input, identity),
		identity
	});
}
/** Lays the certificate out as an unsigned PDF with an empty signature placeholder; same input, same bytes. */
function layoutCertificate(input, signer) {
	const l = (key, params) => t(input.locale, key, params);
	const doc = createPdfDocument({
		locale: input.locale,
		title: l("pdf.certificate.documentTitle", {
			number: input.certificateNumber,
			holder: input.holderName
		}),
		author: input.organisation,
		subject: `${input.courseTitle} (${input.courseVersion})`,
		createdAt: input.completedAt,
		layout: "landscape",
		margins: {
			top: 0,
			bottom: 0,
			left: 0,
			right: 0
		}
	});
	const { width, height } = doc.page;
	const inner = {
		left: 96,
		right: width - 96
	};
	const innerWidth = inner.right - inner.left;
	drawFrame(doc);
	doc.fontSize(10.5).fillColor(palette.muted);
	doc.text(plain(input.organisation).toUpperCase(), inner.left, 74, {
		width: innerWidth,
		align: "center",
		characterSpacing: 2,
		height: 16,
		ellipsis: true
	});
	doc.fontSize(30);
	strongText(doc, l("pdf.certificate.title"), inner.left, 104, {
		width: innerWidth,
		align: "center",
		colour: palette.accent
	});
	doc.moveTo(width / 2 - 40, 158).lineTo(width / 2 + 40, 158).lineWidth(1.2).strokeColor(palette.gold).stroke();
	centred(doc, l("pdf.certificate.presentedTo"), 180, {
		size: 12,
		colour: palette.muted,
		maxWidth: innerWidth
	});
	const nameBottom = centred(doc, input.holderName, 204, {
		size: 32,
		minSize: 18,
		colour: palette.ink,
		maxWidth: innerWidth,
		strong: true
	});
	doc.moveTo(width / 2 - 170, nameBottom + 6).lineTo(width / 2 + 170, nameBottom + 6).lineWidth(.6).strokeColor(palette.rule).stroke();
	centred(doc, l("pdf.certificate.completed"), nameBottom + 20, {
		size: 12,
		colour: palette.muted,
		maxWidth: innerWidth
	});
	const courseBottom = centred(doc, input.courseTitle, nameBottom + 44, {
		size: 20,
		minSize: 13,
		colour: palette.accent,
		maxWidth: innerWidth,
		strong: true
	});
	centred(doc, l("pdf.certificate.version", { version: input.courseVersion }), courseBottom + 6, {
		size: 10.5,
		colour: palette.muted,
		maxWidth: innerWidth
	});
	const facts = [
		[l("pdf.certificate.completedOn"), formatDate(input.locale, input.completedAt)],
		[l("pdf.certificate.score"), formatPercent(input.locale, input.score, l("pdf.notApplicable"))],
		[l("pdf.certificate.validUntil"), input.expiresAt ? formatDate(input.locale, input.expiresAt) : l("pdf.certificate.noExpiry")]
	];
	const factWidth = 170;
	const factsLeft = width / 2 - factWidth * facts.length / 2;
	facts.forEach(([label, value], i) => {
		const x = factsLeft + i * factWidth;
		if (i > 0) doc.moveTo(x, 404).lineTo(x, 440).lineWidth(.6).strokeColor(palette.rule).stroke();
		doc.fontSize(9).fillColor(palette.muted).text(label, x, 404, {
			width: factWidth,
			align: "center",
			lineBreak: false
		});
		doc.fontSize(13).fillColor(palette.ink).text(value, x, 420, {
			width: factWidth,
			align: "center",
			lineBreak: false
		});
	});
	drawSeal(doc, width / 2, 482);
	doc.fontSize(8.5).fillColor(palette.muted);
	doc.text(`${l("pdf.certificate.number")}  ${plain(input.certificateNumber)}`, inner.left, 478, {
		width: 220,
		lineBreak: false
	});
	doc.text(l("pdf.verificationCode", { code: plain(input.verificationCode) }), inner.right - 220, 478, {
		width: 220,
		align: "right",
		lineBreak: false
	});
	doc.fontSize(7.5).text(plain(l("pdf.certificate.verify", {
		code: input.verificationCode,
		organisation: input.organisation
	})), inner.left + 40, height - 78, {
		width: innerWidth - 80,
		align: "center",
		height: 22,
		ellipsis: true
	});
	return endPdfDocument(doc, { signature: {
		reason: l("pdf.certificate.signatureReason"),
		name: signer.subjectCommonName,
		location: input.organisation,
		signingTime: input.completedAt
	} });
}
/** Centres a line, shrinking it (down to `minSize`) before wrapping; returns the y below it. */
function centred(doc, text, y, options) {
	const clean = plain(text);
	let size = options.size;
	doc.fontSize(size);
	while (options.minSize && size > options.minSize && doc.widthOfString(clean) > options.maxWidth) doc.fontSize(--size);
	const x = (doc.page.width - options.maxWidth) / 2;
	const textOptions = {
		width: options.maxWidth,
		align: "center",
		height: size * 1.5 * 3,
		ellipsis: true
	};
	const height = Math.min(doc.heightOfString(clean, textOptions), textOptions.height);
	if (options.strong) strongText(doc, clean, x, y, {
		...textOptions,
		colour: options.colour
	});
	else doc.fillColor(options.colour).text(clean, x, y, textOptions);
	return y + height;
}
function drawFrame(doc) {
	const { width, height } = doc.page;
	doc.rect(0, 0, width, height).fill("#fcfbf7");
	doc.rect(22, 22, width - 44, height - 44).lineWidth(5).strokeColor(palette.accent).stroke();
	doc.rect(34, 34, width - 68, height - 68).lineWidth(.8).strokeColor(palette.gold).stroke();
	for (const [x, y] of [
		[34, 34],
		[width - 34, 34],
		[34, height - 34],
		[width - 34, height - 34]
	]) doc.save().translate(x, y).rotate(45).rect(-5, -5, 10, 10).fill(palette.gold).restore();
}
/** A simple rosette: rings and a tick, in the certificate's gold. */
function drawSeal(doc, cx, cy) {
	doc.circle(cx, cy, 30).fill(palette.gold);
	doc.circle(cx, cy, 25).lineWidth(1).strokeColor("#ffffff").stroke();
	doc.circle(cx, cy, 21).lineWidth(.5).strokeColor("#f3e7c8").stroke();
	doc.moveTo(cx - 10, cy + 1).lineTo(cx - 3, cy + 8).lineTo(cx + 11, cy - 8).lineWidth(3.2).lineCap("round").lineJoin("round").strokeColor("#ffffff").stroke();
	doc.lineCap("butt").lineJoin("miter");
}
// src/lib/training/issue-certificate.ts
/** A completion's signed certificate PDF: made and stored on first request, the same bytes ever after. Owner or `certificates.any`; anyone else 404. */
async function issueCertificate(o) {
	const [row] = await o.db.select({
		completion: completions,
		holderName: users.name,
		locale: attempts.locale
	}).from(completions).innerJoin(users, eq(users.id, completions.userId)).innerJoin(attempts, eq(attempts.id, completions.attemptId)).where(eq(completions.id, o.completionId));
	if (!row || row.completion.userId !== o.viewer.id && !can(o.viewer.role, "certificates.any")) throw notFound("No such certificate");
	const { completion } = row;
	const fileName = `certificate-${completion.certificateNumber}.pdf`;
	const stored = await findStored(o.db, completion.id);
	if (stored) return {
		...stored,
		fileName
	};
	const locale = isLocale(row.locale) ? row.locale : "en";
	const identity = await loadSigningIdentity(o.signing);
	const verificationCode = newReadableCode();
	const bytes = await renderCertificate({
		locale,
		certificateNumber: completion.certificateNumber,
		holderName: row.holderName,
		courseTitle: getCourse(completion.courseSlug, locale)?.meta.title ?? completion.courseSlug,
		courseVersion: completion.courseVersion,
		completedAt: new Date(completion.completedAt),
		expiresAt: completion.expiresAt === null ? null : new Date(completion.expiresAt),
		score: completion.score,
		organisation: o.signing.organisation,
		verificationCode
	}, identity);
	const sha256 = sha256Hex(bytes);
	return writeTransaction(o.db, async (tx) => {
		const raced = await findStored(tx, completion.id);
		if (raced) return {
			...raced,
			fileName
		};
		const id = newId();
		await tx.insert(signedDocuments).values({
			id,
			kind: "certificate",
			subjectId: completion.id,
			sha256,
			verificationCode,
			signerName: identity.subjectCommonName,
			signedAt: Date.now(),
			bytes
		});
		await appendLog(tx, {
			actorId: o.viewer.id,
			action: "certificate.issue",
			subjectType: "completion",
			subjectId: completion.id,
			details: {
				documentId: id,
				sha256,
				certificateNumber: completion.certificateNumber
			}
		});
		return {
			bytes,
			fileName,
			sha256,
			verificationCode
		};
	});
}
async function findStored(db, completionId) {
	const [doc] = await db.select({
		bytes: signedDocuments.bytes,
		sha256: signedDocuments.sha256,
		verificationCode: signedDocuments.verificationCode
	}).from(signedDocuments).where(and(eq(signedDocuments.kind, "certificate"), eq(signedDocuments.subjectId, completionId))).limit(1);
	return doc ? {
		bytes: Buffer.from(doc.bytes),
		sha256: doc.sha256,
		verificationCode: doc.verificationCode
	} : void 0;
}
// src/pages/api/certificates/[file].ts
var _file__exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/certificates/[file]");
	const match = /^([a-z0-9]{1,64})\.pdf$/.exec(params.file);
	if (!match) throw notFound("No such certificate");
	const cfg = config();
	const { db } = await runtime();
	const cert = await issueCertificate({
		db,
		completionId: match[1],
		viewer: ctx.locals.user,
		signing: {
			dataDir: cfg.dataDir,
			organisation: cfg.organisation,
			p12Path: cfg.signingP12,
			passphrase: cfg.signingPassphrase
		}
	});
	return new Response(new Uint8Array(cert.bytes), { headers: {
		"content-type": "application/pdf",
		"content-disposition": `attachment; filename="${cert.fileName}"`,
		"content-length": String(cert.bytes.length),
		"cache-control": "private, no-store",
		"x-content-sha256": cert.sha256
	} });
});
// \0virtual:astro:page:src/pages/api/certificates/[file]@_@ts
var page = () => _file__exports;
export { page };
