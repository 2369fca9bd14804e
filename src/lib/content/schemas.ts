// The authoring contract for content/: zod schemas that name the field when something is wrong.
import { z } from 'zod';
import { roles } from '../auth/permissions.ts';

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

export const courseMetaSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  version: z.number().int().positive(),
  passMark: z.number().int().min(1).max(100),
  recertifyMonths: z.number().int().min(0),
  estimatedMinutes: z.number().int().positive(),
  audience: z.union([z.literal('all'), z.array(z.enum(roles)).min(1)]),
});

const optionSchema = z.strictObject({ id, text: z.string().min(1), correct: z.literal(true).optional() });

export const questionSchema = z
  .strictObject({
    id,
    type: z.enum(['single', 'multiple', 'truefalse']),
    prompt: z.string().min(1),
    options: z.array(optionSchema).min(2),
    explanation: z.string().min(1),
  })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    ids.forEach((oid, i) => {
      if (ids.indexOf(oid) !== i) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `option id "${oid}" is used twice` });
    });
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'no option is marked correct' });
    if (q.type !== 'multiple' && correct > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question must have exactly one correct option` });
    if (q.type === 'truefalse' && (ids.length !== 2 || !ids.includes('true') || !ids.includes('false'))) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a truefalse question has exactly the options "true" and "false"' });
    }
  });

export const quizSchema = z.strictObject({ questions: z.array(questionSchema).min(1) }).superRefine((quiz, ctx) => {
  const ids = quiz.questions.map((q) => q.id);
  ids.forEach((qid, i) => {
    if (ids.indexOf(qid) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id "${qid}" is used twice` });
  });
});

export const lessonFrontMatterSchema = z.strictObject({ title: z.string().min(1) });

export const checklistItemSchema = z.strictObject({
  id,
  text: z.string().min(1),
  guidance: z.string().min(1),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  evidence: z.enum(['required', 'optional', 'none']),
});

export const checklistSectionSchema = z.strictObject({ id, title: z.string().min(1), items: z.array(checklistItemSchema).min(1) });

/** Item (and section) ids are unique within a checklist. */
export function checkUniqueChecklistIds(c: { sections: { id: string; items: { id: string }[] }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const sections = new Set<string>();
  c.sections.forEach((s, si) => {
    if (sections.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'id'], message: `section id "${s.id}" is used twice` });
    sections.add(s.id);
    s.items.forEach((item, ii) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'items', ii, 'id'], message: `item id "${item.id}" is used twice` });
      seen.add(item.id);
    });
  });
}

export const checklistSchema = z
  .strictObject({
    title: z.string().min(1),
    version: z.number().int().positive(),
    sections: z.array(checklistSectionSchema).min(1),
  })
  .superRefine(checkUniqueChecklistIds);

export type CourseMeta = z.infer<typeof courseMetaSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Severity = ChecklistItem['severity'];
