// src/lib/training/course-status.ts
var RECERTIFICATION_GRACE_MS = 2592e6;
var DAY_MS = 864e5;
/** Adds calendar months in UTC, keeping the day of month where it exists (31 Jan + 1 month = 28/29 Feb). */
function addMonths(at, months) {
	const d = new Date(at);
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return target.getTime();
}
/** When a completion runs out: completion + recertifyMonths; null when the course never needs recertifying. */
function expiryFor(completedAt, recertifyMonths) {
	return recertifyMonths > 0 ? addMonths(completedAt, recertifyMonths) : null;
}
/** The status of one course for one person (DESIGN: not_assigned, assigned, in_progress, completed, overdue, expired). */
function courseStatus(input) {
	const { assignment, latestCompletion: done, now } = input;
	if (done) {
		const base = {
			completedAt: done.completedAt,
			expiresAt: done.expiresAt
		};
		if (done.expiresAt === null || done.expiresAt > now) return {
			status: "completed",
			dueAt: assignment?.dueAt ?? null,
			...base
		};
		const dueAt = done.expiresAt + RECERTIFICATION_GRACE_MS;
		return {
			status: assignment && now > dueAt ? "overdue" : "expired",
			dueAt,
			...base
		};
	}
	const started = input.lessonsRead > 0 || input.attempts > 0;
	const base = {
		completedAt: null,
		expiresAt: null
	};
	if (!assignment) return {
		status: started ? "in_progress" : "not_assigned",
		dueAt: null,
		...base
	};
	if (now > assignment.dueAt) return {
		status: "overdue",
		dueAt: assignment.dueAt,
		...base
	};
	return {
		status: started ? "in_progress" : "assigned",
		dueAt: assignment.dueAt,
		...base
	};
}
/** Whether a course needs the person's attention now: overdue, expired, or due within `DUE_SOON_DAYS`. */
function needsAttention(s, now) {
	if (s.status === "overdue" || s.status === "expired") return true;
	if (s.status !== "assigned" && s.status !== "in_progress") return false;
	return s.dueAt !== null && s.dueAt - now <= 14 * DAY_MS;
}
var urgency = {
	overdue: 0,
	expired: 1,
	in_progress: 2,
	assigned: 2,
	completed: 3,
	not_assigned: 4
};
/** Orders courses for a person: overdue, expired, then open ones by due date, then completed, then optional. */
function byUrgency(a, b) {
	const due = (s) => s.dueAt ?? Number.MAX_SAFE_INTEGER;
	return urgency[a.status] - urgency[b.status] || due(a) - due(b);
}
export { needsAttention as a, expiryFor as i, byUrgency as n, courseStatus as r, RECERTIFICATION_GRACE_MS as t };
