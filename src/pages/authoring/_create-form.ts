// The "new course / new checklist" form of /authoring: a skeleton draft with the titles given.
import { z } from 'zod';
import { t, type Locale } from '../../i18n/index.ts';
import { createContent } from '../../lib/authoring/create-content.ts';
import type { Actor } from '../../lib/authoring/authoring-access.ts';
import { checklistSkeleton, courseSkeleton, type SkeletonTexts } from '../../lib/authoring/skeleton.ts';
import type { Db } from '../../lib/db/client.ts';
import { unprocessable } from '../../lib/errors.ts';

const form = z.object({ kind: z.enum(['course', 'checklist']), slug: z.string().trim().max(80), titleEn: z.string().trim().max(300), titleZh: z.string().trim().max(300) });

const texts = (locale: Locale): SkeletonTexts => ({
  lesson: t(locale, 'authoring.new.placeholderLesson'),
  question: t(locale, 'authoring.new.placeholderQuestion'),
  explanation: t(locale, 'authoring.new.placeholderExplanation'),
  section: t(locale, 'authoring.new.placeholderSection'),
  item: t(locale, 'authoring.new.placeholderItem'),
  guidance: t(locale, 'authoring.new.placeholderGuidance'),
});

/** Creates the draft; returns its kind and slug for the redirect to its editor. */
export async function applyCreateForm(db: Db, actor: Actor, data: FormData): Promise<{ kind: 'course' | 'checklist'; slug: string }> {
  const parsed = form.safeParse(Object.fromEntries(data));
  if (!parsed.success) throw unprocessable('Give the slug and both titles').as('authoring.error.createMissing');
  const { kind, slug, titleEn, titleZh } = parsed.data;
  const titles = { en: titleEn, zh: titleZh };
  const all = { en: texts('en'), zh: texts('zh-cn') };
  const doc = kind === 'course' ? courseSkeleton(titles, all) : checklistSkeleton(titles, all);
  await createContent(db, { actor, kind, slug, doc });
  return { kind, slug };
}
