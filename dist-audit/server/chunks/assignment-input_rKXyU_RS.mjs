import { t as can } from "./permissions_DBoHzJdR.mjs";
import { c as unprocessable, i as forbidden } from "./errors_BHtcPHCU.mjs";
import { _ as users, d as departments, i as assignments, r as assignmentRules } from "./runtime_CZkbGW4P.mjs";
import { t as newId } from "./ids_a_t61mxT.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { z } from "zod";
import { and, eq, inArray, or, sql } from "drizzle-orm";
// src/lib/training/merge-assignment.ts
/** The terms after assigning again, and what happened: created, moved (later due date), updated (recurrence only) or unchanged. */
function mergeAssignment(existing, incoming, defaultRecurMonths) {
	if (!existing) return {
		outcome: "created",
		terms: {
			dueAt: incoming.dueAt,
			recurMonths: incoming.recurMonths ?? defaultRecurMonths
		}
	};
	const terms = {
		dueAt: Math.max(existing.dueAt, incoming.dueAt),
		recurMonths: incoming.recurMonths ?? existing.recurMonths
	};
	return {
		outcome: terms.dueAt !== existing.dueAt ? "moved" : terms.recurMonths !== existing.recurMonths ? "updated" : "unchanged",
		terms
	};
}
// src/lib/training/resolve-assignees.ts
var CHUNK = 500;
/** Splits a list so each IN (...) stays well under SQLite's bound-parameter limit. */
function chunks(items, size = CHUNK) {
	const out = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}
/** The active people an assignment is for; an unknown department or email is a 422 that names it. */
async function resolveAssignees(tx, input) {
	if (input.department !== void 0) {
		const wanted = input.department;
		const [dept] = await tx.select({
			id: departments.id,
			name: departments.name
		}).from(departments).where(or(eq(departments.id, wanted), sql`lower(${departments.name}) = lower(${wanted})`)).limit(1);
		if (!dept) throw unprocessable(`Unknown department: ${wanted}`, { department: wanted });
		return {
			scope: "department",
			department: dept,
			userIds: (await tx.select({ id: users.id }).from(users).where(and(eq(users.departmentId, dept.id), eq(users.active, true)))).map((r) => r.id)
		};
	}
	if (input.emails !== void 0) {
		const emails = [...new Set(input.emails)];
		const found = /* @__PURE__ */ new Map();
		for (const part of chunks(emails)) {
			const rows = await tx.select({
				id: users.id,
				email: users.email
			}).from(users).where(and(inArray(users.email, part), eq(users.active, true)));
			for (const r of rows) found.set(r.email, r.id);
		}
		const unknown = emails.filter((e) => !found.has(e));
		if (unknown.length) throw unprocessable(`No active account for: ${unknown.slice(0, 20).join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}`, { unknownEmails: unknown });
		return {
			scope: "emails",
			department: null,
			userIds: [...found.values()]
		};
	}
	return {
		scope: "all",
		department: null,
		userIds: (await tx.select({ id: users.id }).from(users).where(eq(users.active, true))).map((r) => r.id)
	};
}
// src/lib/training/assign-course.ts
/** Creates or moves the standing rule for everyone or a department, so people who join later get the course too. */
async function upsertRule(tx, o) {
	const scopeKey = o.departmentId ?? "*";
	const [rule] = await tx.select().from(assignmentRules).where(and(eq(assignmentRules.courseSlug, o.course), eq(assignmentRules.scopeKey, scopeKey)));
	const merged = mergeAssignment(rule ?? null, {
		dueAt: o.dueAt,
		recurMonths: o.recurMonths
	}, o.defaultRecur);
	if (rule) {
		if (merged.outcome !== "unchanged") await tx.update(assignmentRules).set(merged.terms).where(eq(assignmentRules.id, rule.id));
		return rule.id;
	}
	const id = newId();
	await tx.insert(assignmentRules).values({
		id,
		courseSlug: o.course,
		departmentId: o.departmentId,
		scopeKey,
		...merged.terms,
		createdBy: o.actorId,
		createdAt: Date.now()
	});
	return id;
}
/**
* Assigns a course to everyone, a department or a list of people. Idempotent: one row per person and
* course; a later due date moves it, an earlier one leaves it (see merge-assignment.ts). Everyone and
* department assignments also become standing rules that applyAssignmentRulesForUser gives to joiners.
* One audit-log entry ('training.assign') records the whole operation.
*/
async function assignCourse(o) {
	if (!can(o.actor.role, "hr.assign")) throw forbidden();
	const now = o.now ?? Date.now();
	const course = getCourse(o.input.course, "en");
	if (!course) throw unprocessable(`Unknown course: ${o.input.course}`, { course: o.input.course });
	if (o.input.dueAt <= now) throw unprocessable("The due date is in the past", { dueAt: o.input.dueAt });
	const incoming = {
		dueAt: o.input.dueAt,
		recurMonths: o.input.recurMonths
	};
	const defaultRecur = course.meta.recertifyMonths;
	return writeTransaction(o.db, async (tx) => {
		const who = await resolveAssignees(tx, o.input);
		const ruleId = who.scope === "emails" ? null : await upsertRule(tx, {
			course: course.slug,
			departmentId: who.department?.id ?? null,
			...incoming,
			defaultRecur,
			actorId: o.actor.id
		});
		const existing = /* @__PURE__ */ new Map();
		for (const part of chunks(who.userIds)) {
			const rows = await tx.select({
				userId: assignments.userId,
				dueAt: assignments.dueAt,
				recurMonths: assignments.recurMonths
			}).from(assignments).where(and(eq(assignments.courseSlug, course.slug), inArray(assignments.userId, part)));
			for (const r of rows) existing.set(r.userId, r);
		}
		const counts = {
			created: 0,
			moved: 0,
			updated: 0,
			unchanged: 0
		};
		const toCreate = [];
		const changes = /* @__PURE__ */ new Map();
		for (const userId of who.userIds) {
			const { outcome, terms } = mergeAssignment(existing.get(userId) ?? null, incoming, defaultRecur);
			counts[outcome]++;
			if (outcome === "created") toCreate.push({
				id: newId(),
				userId,
				courseSlug: course.slug,
				...terms,
				ruleId,
				assignedBy: o.actor.id,
				createdAt: now
			});
			else if (outcome !== "unchanged") {
				const key = `${terms.dueAt}/${terms.recurMonths}`;
				const group = changes.get(key) ?? {
					terms,
					userIds: []
				};
				group.userIds.push(userId);
				changes.set(key, group);
			}
		}
		for (const part of chunks(toCreate, 200)) await tx.insert(assignments).values(part);
		for (const { terms, userIds } of changes.values()) for (const part of chunks(userIds)) await tx.update(assignments).set({
			...terms,
			ruleId: sql`coalesce(${assignments.ruleId}, ${ruleId})`
		}).where(and(eq(assignments.courseSlug, course.slug), inArray(assignments.userId, part)));
		await appendLog(tx, {
			actorId: o.actor.id,
			action: "training.assign",
			subjectType: "course",
			subjectId: course.slug,
			details: {
				scope: who.scope,
				department: who.department,
				emails: who.scope === "emails" ? o.input.emails : void 0,
				dueAt: o.input.dueAt,
				recurMonths: o.input.recurMonths ?? null,
				ruleId,
				assigned: who.userIds.length,
				...counts
			}
		});
		return {
			assigned: who.userIds.length,
			...counts,
			ruleId
		};
	});
}
// src/lib/training/assignment-input.ts
var DAY_MS = 864e5;
/**
* A due date from milliseconds, an ISO date-time, or a calendar day "YYYY-MM-DD", which means the
* end of that day in UTC (the day certificates and pages show), so "due 31 March" is not late on the 31st.
*/
function parseDueDate(value) {
	if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? value : null;
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (day) {
		const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
		return new Date(start).toISOString().startsWith(value) ? start + DAY_MS - 1 : null;
	}
	if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
	const at = Date.parse(value);
	return Number.isNaN(at) ? null : at;
}
var assignmentInputSchema = z.strictObject({
	course: z.string().trim().min(1).max(100),
	all: z.boolean().optional(),
	department: z.string().trim().min(1).max(120).optional(),
	emails: z.array(z.string().trim().toLowerCase().min(1).max(254)).min(1).max(2e4).optional(),
	dueAt: z.union([z.number(), z.string().trim().max(40)]).transform((v, ctx) => {
		const at = parseDueDate(v);
		if (at === null) ctx.addIssue({
			code: "custom",
			message: "use a day like 2026-03-31, an ISO date-time, or milliseconds since 1970"
		});
		return at ?? 0;
	}),
	recurMonths: z.number().int().min(0).max(120).optional()
}).refine((x) => [
	x.all === true,
	x.department !== void 0,
	x.emails !== void 0
].filter(Boolean).length === 1, {
	message: "give exactly one of all: true, department or emails",
	path: ["all"]
});
/** Splits a pasted list of emails (commas, semicolons, spaces or lines) into distinct lower-case addresses. */
function splitEmails(text) {
	return [...new Set(text.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}
export { splitEmails as n, assignCourse as r, assignmentInputSchema as t };
