import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { _ as users, c as audits, f as evidence, g as signedDocuments, n as actionEvents, t as runtime, u as correctiveActions } from "./runtime_CZkbGW4P.mjs";
import { i as t } from "./i18n_poIUamJY.mjs";
import { r as verifyPassword } from "./password_DkEJ1FjI.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { c as unprocessable, r as conflict, s as unauthorized } from "./errors_BHtcPHCU.mjs";
import { n as newReadableCode, r as sha256Hex, t as newId } from "./ids_a_t61mxT.mjs";
import { _ as strongText, a as finishPages, c as formatDateTime, d as keyValueRows, f as palette, g as severityTone, h as resultTone, i as ensureSpace, l as formatPercent, m as plain, n as createPdfDocument, o as formatBytes, p as paragraph, r as endPdfDocument, s as formatDate, t as contentWidth, u as heading, v as table, y as signPdf } from "./pdf-layout_DsPK4GPu.mjs";
import { t as loadSigningIdentity } from "./signing-identity_Bzi25w-1.mjs";
import { r as canSignAudit, t as assertAllowed } from "./audit-access_CPu7THI0.mjs";
import { a as assertEditable, n as checklistOf, r as findAudit, t as answersOf } from "./load-audit_-sUgtoY5.mjs";
import { n as signReadiness, r as findingsOf } from "./sign-readiness_CPvBua7k.mjs";
import { n as scoreAudit } from "./scoring_CbtWBGzI.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { i as json, r as handle, s as readJson } from "./http_0lpnW3L4.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import zlib from "node:zlib";
// src/lib/reports/render-audit-report.ts
/** Renders the signed audit report: cover, section summary, findings, actions, all items, evidence, signature. */
async function renderAuditReport(input, identity) {
	return signPdf({
		pdf: await layoutAuditReport(input, identity),
		identity
	});
}
/** Lays the report out as an unsigned PDF with an empty signature placeholder; same input, same bytes. */
function layoutAuditReport(input, signer) {
	const l = (key, params) => t(input.locale, key, params);
	const doc = createPdfDocument({
		locale: input.locale,
		title: l("pdf.audit.documentTitle", { title: input.audit.title }),
		author: input.audit.auditorName,
		subject: l("pdf.audit.checklistVersion", {
			title: input.audit.checklistTitle,
			version: input.audit.checklistVersion
		}),
		createdAt: input.audit.signedAt
	});
	drawCover(doc, input, l);
	drawSummary(doc, input, l);
	drawFindings(doc, input, l);
	drawActions(doc, input, l);
	drawItems(doc, input, l);
	drawEvidence(doc, input, l);
	drawSignature(doc, input, signer, l);
	const code = l("pdf.verificationCode", { code: input.verificationCode });
	finishPages(doc, {
		footer: (page, pages) => ({
			left: `${input.organisation} · ${l("pdf.audit.kicker")} · ${code}`,
			right: l("pdf.page", {
				page: page + 1,
				pages
			})
		}),
		header: (page) => page === 0 ? null : [input.audit.title, input.audit.site].filter(Boolean).join(" · ")
	});
	return endPdfDocument(doc, { signature: {
		reason: l("pdf.audit.signatureReason"),
		name: signer.subjectCommonName,
		location: input.audit.site ?? input.organisation,
		signingTime: input.audit.signedAt
	} });
}
function drawCover(doc, input, l) {
	const { audit } = input;
	const left = doc.page.margins.left;
	const width = contentWidth(doc);
	doc.rect(0, 0, doc.page.width, 8).fill(palette.accent);
	doc.fontSize(9).fillColor(palette.gold);
	doc.text(`${l("pdf.audit.kicker").toUpperCase()}  ·  ${plain(input.organisation)}`, left, 66, {
		width,
		characterSpacing: 1.2,
		lineBreak: false,
		ellipsis: true,
		height: 12
	});
	doc.y = 86;
	heading(doc, audit.title, { level: 1 });
	paragraph(doc, l("pdf.audit.checklistVersion", {
		title: audit.checklistTitle,
		version: audit.checklistVersion
	}), {
		size: 11,
		colour: palette.muted,
		after: 14
	});
	keyValueRows(doc, [
		[l("pdf.audit.auditId"), String(audit.id)],
		[l("pdf.audit.site"), audit.site ?? "—"],
		[l("pdf.audit.auditor"), audit.auditorName],
		[l("pdf.audit.startedAt"), formatDateTime(input.locale, audit.startedAt)],
		[l("pdf.audit.signedAt"), formatDateTime(input.locale, audit.signedAt)]
	]);
	doc.y += 10;
	ensureSpace(doc, 110);
	const top = doc.y;
	const cardHeight = 92;
	doc.roundedRect(left, top, width, cardHeight, 6).fill(palette.accentSoft);
	doc.rect(left, top, 5, cardHeight).fill(palette.accent);
	doc.fontSize(8.5).fillColor(palette.muted).text(l("pdf.audit.overallScore"), left + 22, top + 14, {
		width: 150,
		lineBreak: false
	});
	doc.fontSize(30);
	strongText(doc, formatPercent(input.locale, input.overall.score, l("pdf.notApplicable")), left + 20, top + 30, {
		width: 150,
		lineBreak: false,
		colour: palette.accent
	});
	const tally = {
		pass: 0,
		partial: 0,
		fail: 0,
		na: 0
	};
	for (const item of input.items) if (item.result) tally[item.result] += 1;
	doc.fontSize(12.5);
	strongText(doc, input.overall.verdict, left + 180, top + 18, {
		width: width - 200,
		height: 38,
		ellipsis: true,
		colour: palette.ink
	});
	doc.fontSize(9).fillColor(palette.muted).text(l("pdf.audit.tally", tally), left + 180, top + 58, {
		width: width - 200,
		height: 24,
		ellipsis: true
	});
	doc.y = top + cardHeight + 12;
	paragraph(doc, l("pdf.audit.verifyNote", { code: input.verificationCode }), {
		size: 8.5,
		colour: palette.muted,
		after: 4
	});
}
function drawSummary(doc, input, l) {
	heading(doc, l("pdf.audit.summary"));
	table(doc, {
		columns: [
			{
				header: l("pdf.audit.col.section"),
				width: 6
			},
			{
				header: l("pdf.audit.col.answered"),
				width: 1.4,
				align: "right"
			},
			{
				header: l("pdf.audit.col.score"),
				width: 1.2,
				align: "right"
			}
		],
		rows: input.sections.map((section) => [
			section.title,
			l("pdf.audit.answeredOf", {
				answered: section.answered,
				total: section.total
			}),
			formatPercent(input.locale, section.score, l("pdf.notApplicable"))
		])
	});
}
function drawFindings(doc, input, l) {
	heading(doc, l("pdf.audit.findings"));
	if (input.findings.length === 0) return paragraph(doc, l("pdf.audit.noFindings"), { colour: palette.muted });
	paragraph(doc, l("pdf.audit.findingsIntro"), {
		size: 9,
		colour: palette.muted
	});
	table(doc, {
		columns: [
			{
				header: l("pdf.audit.col.id"),
				width: .9
			},
			{
				header: l("pdf.audit.col.item"),
				width: 3.6
			},
			{
				header: l("pdf.audit.col.result"),
				width: 1.25
			},
			{
				header: l("pdf.audit.col.severity"),
				width: 1.1
			},
			{
				header: l("pdf.audit.col.note"),
				width: 3.4
			}
		],
		rows: groupBySection(input.findings, (finding) => [
			finding.itemId,
			finding.itemText,
			{
				text: l(`pdf.result.${finding.result}`),
				badge: resultTone(finding.result)
			},
			{
				text: l(`pdf.severity.${finding.severity}`),
				badge: severityTone(finding.severity)
			},
			finding.note ?? ""
		])
	});
}
function drawActions(doc, input, l) {
	heading(doc, l("pdf.audit.actions"));
	if (input.actions.length === 0) return paragraph(doc, l("pdf.audit.noActions"), { colour: palette.muted });
	table(doc, {
		columns: [
			{
				header: l("pdf.audit.col.action"),
				width: 5
			},
			{
				header: l("pdf.audit.col.severity"),
				width: 1.1
			},
			{
				header: l("pdf.audit.col.owner"),
				width: 1.8
			},
			{
				header: l("pdf.audit.col.due"),
				width: 1.6
			}
		],
		rows: input.actions.map((action) => [
			action.title,
			{
				text: l(`pdf.severity.${action.severity}`),
				badge: severityTone(action.severity)
			},
			action.owner ?? l("pdf.audit.unassigned"),
			action.dueAt ? formatDate(input.locale, action.dueAt) : l("pdf.audit.noDueDate")
		])
	});
}
function drawItems(doc, input, l) {
	heading(doc, l("pdf.audit.items"));
	table(doc, {
		columns: [
			{
				header: l("pdf.audit.col.id"),
				width: .9
			},
			{
				header: l("pdf.audit.col.item"),
				width: 4.6
			},
			{
				header: l("pdf.audit.col.result"),
				width: 1.3
			},
			{
				header: l("pdf.audit.col.note"),
				width: 3.4
			}
		],
		rows: groupBySection(input.items, (item) => [
			item.itemId,
			item.text,
			{
				text: l(`pdf.result.${item.result ?? "unanswered"}`),
				badge: resultTone(item.result ?? "")
			},
			item.note ?? ""
		])
	});
}
function drawEvidence(doc, input, l) {
	heading(doc, l("pdf.audit.evidence"));
	if (input.evidence.length === 0) return paragraph(doc, l("pdf.audit.noEvidence"), { colour: palette.muted });
	paragraph(doc, l("pdf.audit.evidenceIntro"), {
		size: 9,
		colour: palette.muted
	});
	table(doc, {
		size: 7.8,
		columns: [
			{
				header: l("pdf.audit.col.id"),
				width: .9
			},
			{
				header: l("pdf.audit.col.file"),
				width: 3
			},
			{
				header: l("pdf.audit.col.size"),
				width: 1,
				align: "right"
			},
			{
				header: l("pdf.audit.col.sha256"),
				width: 4.6
			}
		],
		rows: input.evidence.map((file) => [
			file.itemId,
			file.fileName,
			formatBytes(file.bytes),
			file.sha256.replace(/^([0-9a-f]{32})(?=[0-9a-f]{32}$)/i, "$1\n")
		])
	});
}
function drawSignature(doc, input, signer, l) {
	const { audit } = input;
	ensureSpace(doc, 250);
	heading(doc, l("pdf.audit.signature"));
	keyValueRows(doc, [[l("pdf.audit.signedBy"), audit.auditorName], [l("pdf.audit.signedAt"), formatDateTime(input.locale, audit.signedAt)]]);
	doc.y += 4;
	const left = doc.page.margins.left;
	doc.fontSize(9.5);
	const statementHeight = doc.heightOfString(plain(audit.statement), {
		width: contentWidth(doc) - 24,
		lineGap: 2
	});
	ensureSpace(doc, Math.min(statementHeight, 200) + 20);
	const startPage = doc.page;
	const top = doc.y;
	doc.fillColor(palette.ink).text(plain(audit.statement), left + 14, top + 8, {
		width: contentWidth(doc) - 24,
		lineGap: 2
	});
	const barTop = doc.page === startPage ? top : doc.page.margins.top;
	doc.rect(left, barTop, 3, Math.max(0, doc.y - barTop + 6)).fill(palette.gold);
	doc.y += 18;
	if (audit.signatureImagePng) {
		ensureSpace(doc, 100);
		const y = doc.y;
		doc.image(audit.signatureImagePng, left, y, { fit: [220, 70] });
		doc.moveTo(left, y + 76).lineTo(left + 240, y + 76).lineWidth(.6).strokeColor(palette.ink).stroke();
		doc.fontSize(8.5).fillColor(palette.muted).text(`${l("pdf.audit.drawnSignature")} · ${plain(audit.auditorName)}`, left, y + 80, { width: 300 });
		doc.y = y + 100;
	}
	paragraph(doc, l("pdf.audit.digitalSignature", {
		signer: signer.subjectCommonName,
		date: formatDateTime(input.locale, audit.signedAt),
		code: input.verificationCode
	}), {
		size: 8.5,
		colour: palette.muted
	});
}
/** Table rows with a group row whenever the section changes (input is in checklist order). */
function groupBySection(entries, toRow) {
	const rows = [];
	let section;
	for (const entry of entries) {
		if (entry.sectionTitle !== section) rows.push({ group: entry.sectionTitle });
		section = entry.sectionTitle;
		rows.push(toRow(entry));
	}
	return rows;
}
// src/lib/audit/action-defaults.ts
/** Days allowed to fix a finding, by the item's severity. */
var DUE_DAYS_BY_SEVERITY = {
	critical: 7,
	high: 14,
	medium: 30,
	low: 90
};
var DAY_MS = 864e5;
/** The default due time (ms) of an action raised at `from` (ms) for a finding of this severity. */
function defaultDueAt(severity, from) {
	return from + DUE_DAYS_BY_SEVERITY[severity] * DAY_MS;
}
/** An action's title: the item id and its statement, cut to fit a list row. */
function actionTitle(itemId, itemText, max = 200) {
	const title = `${itemId}: ${itemText.trim()}`;
	return title.length <= max ? title : `${title.slice(0, max - 1).trimEnd()}…`;
}
// src/lib/audit/build-report-input.ts
/** The verdict as printed: its name, and why when a critical item failed. */
function verdictText(locale, score) {
	const name = t(locale, `audit.verdict.${score.verdict}`);
	if (score.criticalFails.length === 0) return name;
	return t(locale, "audit.verdict.withReason", {
		verdict: name,
		reason: t(locale, "audit.verdict.criticalFailed", { count: score.criticalFails.length })
	});
}
/** The renderer's input for a report signed now. */
function buildReportInput(o) {
	const locale = o.checklist.locale;
	const order = /* @__PURE__ */ new Map();
	const items = [];
	for (const section of o.checklist.sections) for (const item of section.items) {
		order.set(item.id, order.size);
		const answer = o.answers[item.id];
		items.push({
			sectionTitle: section.title,
			itemId: item.id,
			text: item.text,
			result: answer?.result ?? null,
			note: answer?.note || null
		});
	}
	const files = [...o.evidence].sort((a, b) => (order.get(a.itemId ?? "") ?? 1e9) - (order.get(b.itemId ?? "") ?? 1e9) || a.createdAt - b.createdAt);
	return {
		locale,
		organisation: o.organisation,
		audit: {
			id: o.audit.id,
			title: o.audit.title,
			site: o.audit.site,
			checklistTitle: o.checklist.title,
			checklistVersion: o.audit.checklistVersion,
			auditorName: o.auditorName,
			startedAt: new Date(o.audit.createdAt),
			signedAt: new Date(o.signedAt),
			statement: o.statement,
			signatureImagePng: o.signatureImagePng
		},
		overall: {
			score: o.score.score,
			verdict: verdictText(locale, o.score)
		},
		sections: o.score.sections.map((s) => ({
			id: s.id,
			title: s.title,
			score: s.score,
			answered: s.answered,
			total: s.total
		})),
		findings: findingsOf(o.checklist, o.answers).map((f) => ({
			sectionTitle: f.sectionTitle,
			itemId: f.itemId,
			itemText: f.itemText,
			result: f.result,
			severity: f.severity,
			note: f.note || null
		})),
		actions: o.actions.map((a) => ({
			title: a.title,
			severity: a.severity,
			dueAt: new Date(a.dueAt),
			owner: null
		})),
		items,
		evidence: files.map((f) => ({
			itemId: f.itemId ?? "",
			fileName: f.fileName,
			sha256: f.sha256,
			bytes: f.size
		})),
		verificationCode: o.verificationCode
	};
}
// src/lib/audit/signature-image.ts
var MAX_SIGNATURE_BYTES = 153600;
var PNG_SIGNATURE = Buffer.from([
	137,
	80,
	78,
	71,
	13,
	10,
	26,
	10
]);
var PREFIX = "data:image/png;base64,";
/** Decodes and validates a drawn signature; throws 422 unless it is a plain 8-bit RGB(A) PNG within the limits. */
function parseSignatureDataUrl(dataUrl) {
	if (!dataUrl.startsWith(PREFIX)) throw unprocessable("The signature must be a PNG data URL");
	const base64 = dataUrl.slice(22);
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw unprocessable("The signature is not valid base64");
	if (base64.length * 3 / 4 > 153603) throw unprocessable(`The signature image is larger than ${MAX_SIGNATURE_BYTES} bytes`);
	const png = Buffer.from(base64, "base64");
	if (png.length > 153600) throw unprocessable(`The signature image is larger than ${MAX_SIGNATURE_BYTES} bytes`);
	checkPng(png);
	return png;
}
function checkPng(png) {
	if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw unprocessable("The signature is not a PNG image");
	const idat = [];
	let header;
	let at = 8;
	let ended = false;
	while (at + 12 <= png.length && !ended) {
		const length = png.readUInt32BE(at);
		const type = png.toString("latin1", at + 4, at + 8);
		const data = png.subarray(at + 8, at + 8 + length);
		if (data.length !== length || at + 12 + length > png.length) throw unprocessable("The signature PNG is truncated");
		if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw unprocessable("The signature PNG is corrupt");
		if (type === "IHDR") header = {
			width: data.readUInt32BE(0),
			height: data.readUInt32BE(4),
			bitDepth: data[8],
			colourType: data[9],
			interlace: data[12]
		};
		if (type === "IDAT") idat.push(data);
		if (type === "IEND") ended = true;
		at += 12 + length;
	}
	if (!header || !ended || idat.length === 0) throw unprocessable("The signature PNG is incomplete");
	const { width, height, bitDepth, colourType, interlace } = header;
	if (width < 1 || height < 1 || width > 2e3 || height > 2e3) throw unprocessable("The signature image has an unusable size");
	if (bitDepth !== 8 || colourType !== 2 && colourType !== 6 || interlace !== 0) throw unprocessable("The signature must be an 8-bit RGB or RGBA PNG");
	const channels = colourType === 6 ? 4 : 3;
	let raw;
	try {
		raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: (width * channels + 1) * height + 1 });
	} catch {
		throw unprocessable("The signature PNG data is corrupt");
	}
	if (raw.length !== (width * channels + 1) * height) throw unprocessable("The signature PNG data does not match its size");
}
// src/lib/audit/sign-audit.ts
var MAX_STATEMENT_LENGTH = 2e3;
/** Signs a complete draft: locks it, renders and signs its report once, and raises its corrective actions, all in one transaction. */
async function signAudit(db, o) {
	const audit = await findAudit(db, o.auditId);
	assertAllowed(canSignAudit(o.actor, audit), "Only the auditor of this audit may sign it");
	assertEditable(audit);
	const [signer] = await db.select({
		passwordHash: users.passwordHash,
		name: users.name
	}).from(users).where(eq(users.id, o.actor.id));
	if (!await verifyPassword(signer?.passwordHash ?? null, o.password)) throw unauthorized("The password is not correct");
	if (o.statement !== void 0 && o.statement.length > 2e3) throw unprocessable(`The statement is at most ${MAX_STATEMENT_LENGTH} characters`);
	const signatureImage = o.signature ? parseSignatureDataUrl(o.signature) : void 0;
	const checklist = checklistOf(audit);
	const statement = o.statement?.trim() || t(checklist.locale, "audit.sign.statementText");
	assertReady(checklist, await answersOf(db, o.auditId));
	const identity = await loadSigningIdentity({
		dataDir: o.dataDir,
		organisation: o.organisation,
		p12Path: o.signingP12,
		passphrase: o.signingPassphrase
	});
	return writeTransaction(db, async (tx) => {
		const signedAt = o.now?.() ?? Date.now();
		if ((await tx.update(audits).set({
			status: "signed",
			signedAt,
			statement,
			signatureImage: signatureImage ?? null
		}).where(and(eq(audits.id, o.auditId), eq(audits.status, "draft"))).returning({ id: audits.id })).length === 0) throw conflict("This audit is already signed");
		const answers = await answersOf(tx, o.auditId);
		assertReady(checklist, answers);
		const score = scoreAudit(checklist, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.result])));
		const actions = findingsOf(checklist, answers).map((f) => ({
			id: newId(),
			auditId: o.auditId,
			itemId: f.itemId,
			title: actionTitle(f.itemId, f.itemText),
			detail: f.note,
			severity: f.severity,
			status: "open",
			dueAt: defaultDueAt(f.severity, signedAt),
			createdBy: o.actor.id,
			createdAt: signedAt,
			updatedAt: signedAt
		}));
		const files = await tx.select().from(evidence).where(eq(evidence.auditId, o.auditId));
		const verificationCode = newReadableCode();
		const pdf = await renderAuditReport(buildReportInput({
			audit,
			checklist,
			answers,
			evidence: files,
			actions,
			score,
			auditorName: signer.name,
			organisation: o.organisation,
			statement,
			signedAt,
			signatureImagePng: signatureImage,
			verificationCode
		}), identity);
		const sha256 = sha256Hex(pdf);
		const reportId = newId();
		await tx.insert(signedDocuments).values({
			id: reportId,
			kind: "audit_report",
			subjectId: o.auditId,
			sha256,
			verificationCode,
			signerName: signer.name,
			signedAt,
			bytes: pdf
		});
		await tx.update(audits).set({
			score: score.score,
			reportId
		}).where(eq(audits.id, o.auditId));
		if (actions.length > 0) {
			await tx.insert(correctiveActions).values(actions);
			await tx.insert(actionEvents).values(actions.map((a) => ({
				actionId: a.id,
				actorId: o.actor.id,
				at: signedAt,
				kind: "created",
				toValue: "open",
				comment: a.detail || null
			})));
		}
		await appendLog(tx, {
			actorId: o.actor.id,
			action: "audit.sign",
			subjectType: "audit",
			subjectId: o.auditId,
			details: {
				reportId,
				sha256,
				verificationCode,
				score: score.score,
				verdict: score.verdict,
				actions: actions.map((a) => a.id),
				drawnSignature: Boolean(signatureImage)
			},
			at: signedAt
		});
		return {
			auditId: o.auditId,
			reportId,
			sha256,
			verificationCode,
			signedAt,
			score: score.score,
			verdict: score.verdict,
			actions: actions.length
		};
	});
}
function assertReady(checklist, answers) {
	const readiness = signReadiness(checklist, answers);
	if (!readiness.ready) throw unprocessable("Every item needs a result, and failed or partial items that require evidence need a note", {
		unanswered: readiness.unanswered,
		missingNotes: readiness.missingNotes
	});
}
// src/pages/api/audits/[id]/sign.ts
var sign_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var MAX_BODY = 524288;
var body = z.object({
	password: z.string().max(1024),
	statement: z.string().max(1e4).optional(),
	signature: z.string().max(4e5).optional()
});
var POST = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/audits/[id]/sign");
	const input = await readJson(ctx.request, body, MAX_BODY);
	const { db } = await runtime();
	const cfg = config();
	const result = await signAudit(db, {
		auditId: params.id,
		actor: ctx.locals.user,
		password: input.password,
		statement: input.statement,
		signature: input.signature || void 0,
		dataDir: cfg.dataDir,
		organisation: cfg.organisation,
		signingP12: cfg.signingP12,
		signingPassphrase: cfg.signingPassphrase
	});
	return json({
		...result,
		reportUrl: `/api/audits/${result.auditId}/report.pdf`,
		pageUrl: localePath(ctx.locals.locale, `/audits/${result.auditId}`)
	});
});
// \0virtual:astro:page:src/pages/api/audits/[id]/sign@_@ts
var page = () => sign_exports;
export { page };
