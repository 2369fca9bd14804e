import { a as attempts, i as assignments, l as completions, p as lessonProgress } from "./runtime_CZkbGW4P.mjs";
import { a as listCourses } from "./catalog_BsbRxjFx.mjs";
import { n as byUrgency, r as courseStatus } from "./course-status_CkZCnL3T.mjs";
import { and, count, eq, max, sql } from "drizzle-orm";
// src/lib/training/list-my-courses.ts
/** One person's courses with status, due date and progress, most urgent first: four grouped queries whatever the number of courses. */
async function listMyCourses(o) {
	const now = o.now ?? Date.now();
	const only = (column) => o.slug ? eq(column, o.slug) : void 0;
	const [assigned, latest, read, tried] = await Promise.all([
		o.db.select({
			slug: assignments.courseSlug,
			dueAt: assignments.dueAt
		}).from(assignments).where(and(eq(assignments.userId, o.user.id), only(assignments.courseSlug))),
		o.db.select({
			slug: completions.courseSlug,
			id: completions.id,
			completedAt: sql`max(${completions.completedAt})`,
			expiresAt: completions.expiresAt
		}).from(completions).where(and(eq(completions.userId, o.user.id), only(completions.courseSlug))).groupBy(completions.courseSlug),
		o.db.select({
			slug: lessonProgress.courseSlug,
			lessons: sql`group_concat(${lessonProgress.lessonSlug})`
		}).from(lessonProgress).where(and(eq(lessonProgress.userId, o.user.id), only(lessonProgress.courseSlug))).groupBy(lessonProgress.courseSlug),
		o.db.select({
			slug: attempts.courseSlug,
			n: count(),
			best: max(attempts.score)
		}).from(attempts).where(and(eq(attempts.userId, o.user.id), only(attempts.courseSlug))).groupBy(attempts.courseSlug)
	]);
	const bySlug = (rows) => new Map(rows.map((r) => [r.slug, r]));
	const [a, c, r, t] = [
		bySlug(assigned),
		bySlug(latest),
		bySlug(read),
		bySlug(tried)
	];
	return listCourses(o.locale).filter((course) => !o.slug || course.slug === o.slug).filter((course) => course.meta.audience === "all" || course.meta.audience.includes(o.user.role) || a.has(course.slug) || c.has(course.slug)).map((course) => {
		const readSet = new Set(r.get(course.slug)?.lessons.split(",") ?? []);
		const readLessons = course.lessons.filter((l) => readSet.has(l.slug)).map((l) => l.slug);
		const completion = c.get(course.slug);
		const attemptsMade = t.get(course.slug)?.n ?? 0;
		const status = courseStatus({
			assignment: a.get(course.slug) ?? null,
			latestCompletion: completion ? {
				completedAt: completion.completedAt,
				expiresAt: completion.expiresAt
			} : null,
			lessonsRead: readLessons.length,
			attempts: attemptsMade,
			now
		});
		return {
			slug: course.slug,
			title: course.meta.title,
			summary: course.meta.summary,
			version: course.meta.version,
			passMark: course.meta.passMark,
			estimatedMinutes: course.meta.estimatedMinutes,
			lessonsTotal: course.lessons.length,
			lessonsRead: readLessons.length,
			readLessons,
			attempts: attemptsMade,
			bestScore: t.get(course.slug)?.best ?? null,
			assigned: a.has(course.slug),
			...status,
			completionId: completion?.id ?? null
		};
	}).sort(byUrgency);
}
export { listMyCourses as t };
