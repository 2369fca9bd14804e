import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as json, r as handle, s as readJson } from "./http_0lpnW3L4.mjs";
import { a as attempts, l as completions, t as runtime } from "./runtime_CZkbGW4P.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { a as notFound, c as unprocessable, n as badRequest } from "./errors_BHtcPHCU.mjs";
import { n as newReadableCode, t as newId } from "./ids_a_t61mxT.mjs";
import { i as expiryFor } from "./course-status_CkZCnL3T.mjs";
import { t as requestLocale } from "./_request-locale_BQ0DKAmq.mjs";
import { t as routeParams } from "./_route-params_C4G9t9ag.mjs";
import { z } from "zod";
import { and, desc, eq, gt, isNull, max, or } from "drizzle-orm";
// src/lib/training/grade-attempt.ts
/** The shape of submitted answers: question id → chosen option ids. Limits keep a hostile body small. */
var answersSchema = z.record(z.string().max(100), z.array(z.string().max(100)).max(50));
/** Checks the shape of submitted answers; throws 400 naming the first bad field. */
function parseAnswers(input) {
	const parsed = answersSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue.path.length ? `answers.${issue.path.join(".")}` : "answers";
		throw badRequest(`${where}: ${issue.message}`, { field: where });
	}
	return parsed.data;
}
/** Checks answers against the quiz's ids and types; throws 422 naming the question or option that does not fit. */
function checkAnswers(quiz, answers) {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	for (const [questionId, chosen] of Object.entries(answers)) {
		const question = byId.get(questionId);
		if (!question) throw unprocessable(`Unknown question "${questionId}"`, { questionId });
		const optionIds = new Set(question.options.map((o) => o.id));
		const seen = /* @__PURE__ */ new Set();
		for (const optionId of chosen) {
			if (!optionIds.has(optionId)) throw unprocessable(`Question "${questionId}" has no option "${optionId}"`, {
				questionId,
				optionId
			});
			if (seen.has(optionId)) throw unprocessable(`Option "${optionId}" is chosen twice for question "${questionId}"`, {
				questionId,
				optionId
			});
			seen.add(optionId);
		}
		if (question.type !== "multiple" && chosen.length > 1) throw unprocessable(`Question "${questionId}" takes one answer, not ${chosen.length}`, { questionId });
	}
}
/** Whether a chosen set is exactly the correct set (an empty choice is never right). */
function isRight(correctIds, chosen) {
	return chosen.length === correctIds.length && correctIds.every((id) => chosen.includes(id));
}
/** Percent right, rounded down; integer arithmetic so 2/3 is 66, never 67. */
function scoreFor(right, total) {
	return total === 0 ? 0 : Math.floor(right * 100 / total);
}
/** Grades raw submitted answers against a quiz: 400 for a wrong shape, 422 for ids that do not fit; unanswered counts wrong. */
function gradeAttempt(quiz, passMark, input) {
	const answers = parseAnswers(input);
	checkAnswers(quiz, answers);
	const kept = {};
	const results = quiz.questions.map((q) => {
		const chosen = [...answers[q.id] ?? []].sort();
		if (chosen.length) kept[q.id] = chosen;
		const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
		return {
			questionId: q.id,
			correct: isRight(correctIds, chosen),
			explanation: q.explanation
		};
	});
	const right = results.filter((r) => r.correct).length;
	const score = scoreFor(right, quiz.questions.length);
	return {
		answers: kept,
		results,
		right,
		total: quiz.questions.length,
		score,
		passed: score >= passMark
	};
}
// src/lib/training/submit-attempt.ts
/** The person's unexpired completion of this course version, if any. */
async function currentCompletion(tx, userId, courseSlug, version, now) {
	const [row] = await tx.select().from(completions).where(and(eq(completions.userId, userId), eq(completions.courseSlug, courseSlug), eq(completions.courseVersion, version), or(isNull(completions.expiresAt), gt(completions.expiresAt, now)))).orderBy(desc(completions.completedAt)).limit(1);
	return row;
}
/** Grades and stores an attempt; a pass records one completion per current course version. Bad answers store nothing. */
async function submitAttempt(o) {
	const course = getCourse(o.courseSlug, o.locale);
	if (!course) throw notFound("No such course");
	const grade = gradeAttempt(course.quiz, course.meta.passMark, o.answers);
	const version = course.meta.version;
	const now = o.now ?? Date.now();
	return writeTransaction(o.db, async (tx) => {
		const [last] = await tx.select({ n: max(attempts.attemptNumber) }).from(attempts).where(and(eq(attempts.userId, o.userId), eq(attempts.courseSlug, course.slug)));
		const attemptNumber = (last?.n ?? 0) + 1;
		const attemptId = newId();
		await tx.insert(attempts).values({
			id: attemptId,
			userId: o.userId,
			courseSlug: course.slug,
			courseVersion: version,
			locale: o.locale,
			answers: JSON.stringify(grade.answers),
			results: JSON.stringify(Object.fromEntries(grade.results.map((r) => [r.questionId, r.correct]))),
			score: grade.score,
			passed: grade.passed,
			attemptNumber,
			createdAt: now
		});
		await appendLog(tx, {
			actorId: o.userId,
			action: "training.attempt",
			subjectType: "attempt",
			subjectId: attemptId,
			details: {
				course: course.slug,
				version,
				attemptNumber,
				score: grade.score,
				passed: grade.passed
			}
		});
		const submitted = {
			attemptId,
			attemptNumber,
			score: grade.score,
			passed: grade.passed,
			results: grade.results
		};
		if (!grade.passed) return submitted;
		const existing = await currentCompletion(tx, o.userId, course.slug, version, now);
		if (existing) {
			submitted.completion = {
				id: existing.id,
				course: course.slug,
				version,
				completedAt: existing.completedAt,
				expiresAt: existing.expiresAt,
				certificateNumber: existing.certificateNumber,
				created: false
			};
			return submitted;
		}
		const completion = {
			id: newId(),
			userId: o.userId,
			courseSlug: course.slug,
			courseVersion: version,
			attemptId,
			score: grade.score,
			completedAt: now,
			expiresAt: expiryFor(now, course.meta.recertifyMonths),
			certificateNumber: `${new Date(now).getUTCFullYear()}-${newReadableCode(3)}`
		};
		await tx.insert(completions).values(completion);
		await appendLog(tx, {
			actorId: o.userId,
			action: "training.completion",
			subjectType: "completion",
			subjectId: completion.id,
			details: {
				course: course.slug,
				version,
				attemptId,
				score: grade.score,
				expiresAt: completion.expiresAt
			}
		});
		submitted.completion = {
			id: completion.id,
			course: course.slug,
			version,
			completedAt: now,
			expiresAt: completion.expiresAt,
			certificateNumber: completion.certificateNumber,
			created: true
		};
		return submitted;
	});
}
// src/pages/api/courses/[slug]/attempts.ts
var attempts_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var body = z.object({ answers: z.unknown() });
var POST = handle(async (ctx) => {
	const params = routeParams(ctx.params, ctx.locals.path, "/api/courses/[slug]/attempts");
	const input = await readJson(ctx.request, body);
	const { db } = await runtime();
	const result = await submitAttempt({
		db,
		userId: ctx.locals.user.id,
		courseSlug: params.slug,
		locale: requestLocale(ctx.url, ctx.locals.locale),
		answers: input.answers
	});
	return json(result, 201);
});
// \0virtual:astro:page:src/pages/api/courses/[slug]/attempts@_@ts
var page = () => attempts_exports;
export { page };
