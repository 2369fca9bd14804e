import { p as lessonProgress } from "./runtime_CZkbGW4P.mjs";
import { t as catalog } from "./catalog_BsbRxjFx.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
// src/lib/training/mark-lesson-read.ts
/** Records that a person read a lesson; marking it again keeps the first time. Returns whether it was new. */
async function markLessonRead(o) {
	if (!(catalog().courses.get(o.courseSlug)?.en)?.lessons.some((l) => l.slug === o.lessonSlug)) throw notFound("No such lesson");
	return writeTransaction(o.db, async (tx) => {
		const created = (await tx.insert(lessonProgress).values({
			userId: o.userId,
			courseSlug: o.courseSlug,
			lessonSlug: o.lessonSlug,
			readAt: o.now ?? Date.now()
		}).onConflictDoNothing()).rowsAffected > 0;
		if (created) await appendLog(tx, {
			actorId: o.userId,
			action: "training.lesson_read",
			subjectType: "course",
			subjectId: o.courseSlug,
			details: { lesson: o.lessonSlug }
		});
		return { created };
	});
}
export { markLessonRead as t };
