// Demo assignments: every demo employee gets the three courses, one already overdue and some due soon.
import { addSeedExtension, demoPeople } from '../../../db/seed.ts';
import { assignments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';

const DAY = 24 * 60 * 60 * 1000;
const courses = ['confidentiality', 'retention-and-destruction', 'emergency-response'];
// Days from now until each course is due, per employee in demo order; the first employee's first course is overdue.
const dueInDays = [
  [-3, 6, 45],
  [10, 25, 60],
  [4, 30, 60],
  [12, 35, 90],
  [8, 40, 90],
];

/** Assigns the three courses to every demo employee with staggered due dates. */
export async function seedTrainingDemo(db: Db, people: Map<string, string>, now = Date.now()): Promise<void> {
  const hrId = people.get('hr@example.com') ?? null;
  const employees = demoPeople.filter((p) => p.role === 'employee');
  await writeTransaction(db, async (tx) => {
    for (const [i, person] of employees.entries()) {
      const userId = people.get(person.email);
      if (!userId) continue;
      for (const [j, courseSlug] of courses.entries()) {
        const id = newId();
        const dueAt = now + (dueInDays[i % dueInDays.length]![j]! * DAY);
        await tx.insert(assignments).values({ id, userId, courseSlug, dueAt, recurMonths: 12, assignedBy: hrId, createdAt: now });
        await appendLog(tx, { actorId: hrId, action: 'training.assign', subjectType: 'assignment', subjectId: id, details: { userId, course: courseSlug, dueAt } });
      }
    }
  });
}

addSeedExtension((db, people) => seedTrainingDemo(db, people));
