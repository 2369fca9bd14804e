import { i as t } from "./i18n_T7KZiVT-.mjs";
// src/lib/audit/findings.ts
/** Fail and partial items with their severity and note. */
function findingsOf(checklist, answers) {
	const out = [];
	for (const section of checklist.sections) for (const item of section.items) {
		const answer = answers[item.id];
		if (answer?.result !== "fail" && answer?.result !== "partial") continue;
		out.push({
			sectionId: section.id,
			sectionTitle: section.title,
			itemId: item.id,
			itemText: item.text,
			result: answer.result,
			severity: item.severity,
			note: answer.note
		});
	}
	return out;
}
// src/lib/audit/build-report-input.ts
/** The verdict as printed: its name, and why when a critical item failed. */
function verdictText(locale, score) {
	const name = t(locale, `audit.verdict.${score.verdict}`);
	return score.criticalFails.length > 0 ? `${name} (${t(locale, "audit.verdict.criticalFailed", { count: score.criticalFails.length })})` : name;
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
// src/lib/audit/sign-readiness.ts
/** Lists the items that block signing, in checklist order. */
function signReadiness(checklist, answers) {
	const unanswered = [];
	const missingNotes = [];
	for (const section of checklist.sections) for (const item of section.items) {
		const answer = answers[item.id];
		if (!answer) unanswered.push(item.id);
		else if (needsNote(item.evidence, answer.result) && answer.note.trim() === "") missingNotes.push(item.id);
	}
	return {
		ready: unanswered.length === 0 && missingNotes.length === 0,
		unanswered,
		missingNotes
	};
}
/** Whether an answer must carry a note before the audit can be signed. */
function needsNote(evidence, result) {
	return evidence === "required" && (result === "fail" || result === "partial");
}
export { findingsOf as a, verdictText as i, signReadiness as n, buildReportInput as r, needsNote as t };
