import { a as attempts } from "./runtime_CZkbGW4P.mjs";
import { r as getCourse } from "./catalog_BsbRxjFx.mjs";
import { a as notFound } from "./errors_BHtcPHCU.mjs";
import { and, eq, max } from "drizzle-orm";
// src/lib/training/shuffle.ts
/** A 32-bit hash of a string (FNV-1a), to seed the generator. */
function hash32(text) {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}
/** A small deterministic generator (mulberry32) returning floats in [0, 1). */
function seededRandom(seed) {
	let a = hash32(seed);
	return () => {
		a = a + 1831565813 >>> 0;
		let t = a;
		t = Math.imul(t ^ t >>> 15, t | 1);
		t ^= t + Math.imul(t ^ t >>> 7, t | 61);
		return ((t ^ t >>> 14) >>> 0) / 4294967296;
	};
}
/** A Fisher–Yates shuffle of a copy of `items`, determined by `seed`. */
function seededShuffle(items, seed) {
	const out = [...items];
	const random = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
/** The seed of one person's nth attempt at a course: a new attempt gets a new order, a reload the same one. */
function attemptSeed(userId, courseSlug, attemptNumber) {
	return `${userId}:${courseSlug}:${attemptNumber}`;
}
/** Shuffles each question's options by the attempt seed; true/false keeps its natural order. */
function shuffleOptions(questions, seed) {
	return questions.map((q) => q.type === "truefalse" ? q : {
		...q,
		options: seededShuffle(q.options, `${seed}:${q.id}`)
	});
}
// src/lib/training/public-quiz.ts
/** Copies only the public fields (an allow-list, so a new content field cannot leak) and shuffles options by `seed`. */
function publicQuestions(quiz, seed) {
	return shuffleOptions(quiz.questions.map((q) => ({
		id: q.id,
		type: q.type,
		prompt: q.prompt,
		options: q.options.map((o) => ({
			id: o.id,
			text: o.text
		}))
	})), seed);
}
// src/lib/training/get-quiz.ts
/** The quiz for a person's next attempt, without answers, options shuffled for that attempt. */
async function getQuiz(o) {
	const course = getCourse(o.courseSlug, o.locale);
	if (!course) throw notFound("No such course");
	const [row] = await o.db.select({ last: max(attempts.attemptNumber) }).from(attempts).where(and(eq(attempts.userId, o.userId), eq(attempts.courseSlug, o.courseSlug)));
	const attemptNumber = (row?.last ?? 0) + 1;
	return {
		course: course.slug,
		title: course.meta.title,
		version: course.meta.version,
		passMark: course.meta.passMark,
		attemptNumber,
		questions: publicQuestions(course.quiz, attemptSeed(o.userId, course.slug, attemptNumber))
	};
}
export { getQuiz as t };
