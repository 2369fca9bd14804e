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
export { signReadiness as n, findingsOf as r, needsNote as t };
