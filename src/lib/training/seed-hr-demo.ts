// Demo quiz attempts and completions, so HR's dashboard, transcripts and question statistics are not
// empty on a fresh install: some passes, a failed first try, an expired certificate in its grace
// period and one whose renewal is overdue. Runs after the training seed has assigned the courses.
import { addSeedExtension } from '../../../db/seed.ts';
import type { Db } from '../db/client.ts';
import { demoAnswers } from './demo-answers.ts';
import { submitAttempt } from './submit-attempt.ts';

const DAY = 24 * 60 * 60 * 1000;

type DemoAttempt = { email: string; course: string; daysAgo: number; wrong: number };

// `wrong`: how many questions to answer wrongly (two or fewer passes a 12-question quiz at 80%)
const demoAttempts: DemoAttempt[] = [
  { email: 'li.wei@example.com', course: 'confidentiality', daysAgo: 21, wrong: 5 },
  { email: 'li.wei@example.com', course: 'confidentiality', daysAgo: 20, wrong: 1 },
  { email: 'li.wei@example.com', course: 'retention-and-destruction', daysAgo: 5, wrong: 0 },
  { email: 'zhang.min@example.com', course: 'confidentiality', daysAgo: 10, wrong: 2 },
  { email: 'sofia@example.com', course: 'confidentiality', daysAgo: 380, wrong: 1 },
  { email: 'sofia@example.com', course: 'emergency-response', daysAgo: 3, wrong: 1 },
  { email: 'omar@example.com', course: 'retention-and-destruction', daysAgo: 430, wrong: 2 },
  { email: 'omar@example.com', course: 'confidentiality', daysAgo: 2, wrong: 4 },
  { email: 'employee@example.com', course: 'emergency-response', daysAgo: 1, wrong: 6 },
];

/** Submits the demo attempts as if taken on their days, through the real grading and completion rules. */
export async function seedHrDemo(db: Db, people: Map<string, string>, now = Date.now()): Promise<void> {
  for (const [i, a] of demoAttempts.entries()) {
    const userId = people.get(a.email);
    if (!userId) continue;
    await submitAttempt({ db, userId, courseSlug: a.course, locale: 'en', answers: demoAnswers(a.course, a.wrong, i), now: now - a.daysAgo * DAY });
  }
}

addSeedExtension((db, people) => seedHrDemo(db, people));
