// src/lib/audit/scoring.ts
var ITEM_RESULTS = [
	"pass",
	"partial",
	"fail",
	"na"
];
var VERDICT_THRESHOLDS = {
	satisfactory: 90,
	needsImprovement: 70
};
/** round(100 × (pass + partial/2) ÷ scorable), halves up, in integers so no floating-point edge case; null when nothing is scorable. */
function percentScore(pass, partial, scorable) {
	if (scorable <= 0) return null;
	return Math.floor((100 * (2 * pass + partial) + scorable) / (2 * scorable));
}
/** The verdict for a score, given whether a critical item failed. */
function verdictFor(score, criticalFailed) {
	if (score === null) return "not_scored";
	if (criticalFailed) return "unsatisfactory";
	if (score >= VERDICT_THRESHOLDS.satisfactory) return "satisfactory";
	if (score >= VERDICT_THRESHOLDS.needsImprovement) return "needs_improvement";
	return "unsatisfactory";
}
function emptyTally() {
	return {
		pass: 0,
		partial: 0,
		fail: 0,
		na: 0,
		unanswered: 0
	};
}
function scoreOf(t) {
	return percentScore(t.pass, t.partial, t.pass + t.partial + t.fail);
}
/** Scores every section and the whole audit from the results recorded so far. */
function scoreAudit(checklist, results) {
	const overall = emptyTally();
	const criticalFails = [];
	const sections = checklist.sections.map((section) => {
		const tally = emptyTally();
		for (const item of section.items) {
			const result = results[item.id];
			if (result === void 0) tally.unanswered += 1;
			else tally[result] += 1;
			if (result === "fail" && item.severity === "critical") criticalFails.push(item.id);
		}
		for (const key of Object.keys(tally)) overall[key] += tally[key];
		const total = section.items.length;
		return {
			id: section.id,
			title: section.title,
			score: scoreOf(tally),
			answered: total - tally.unanswered,
			total,
			tally
		};
	});
	const total = sections.reduce((n, s) => n + s.total, 0);
	const score = scoreOf(overall);
	return {
		score,
		verdict: verdictFor(score, criticalFails.length > 0),
		answered: total - overall.unanswered,
		total,
		tally: overall,
		criticalFails,
		sections
	};
}
export { scoreAudit as n, ITEM_RESULTS as t };
