// The course editor: settings, lessons with a live preview, the quiz, and question import, with
// English and Chinese side by side. Every change autosaves the whole draft (useDraft).
import { useEffect, useState } from 'react';
import type { CourseDoc } from '../../lib/content/documents.ts';
import type { Question } from '../../lib/content/schemas.ts';
import { Bilingual, DiscardDraft, fill, freshId, ListControls, moveIn, PublishPanel, SaveStatus, useDraft, type Labels } from './editor-common.tsx';
import { LessonPreview } from './LessonPreview.tsx';
import { QuestionImport } from './QuestionImport.tsx';

type Props = {
  slug: string;
  initial: CourseDoc;
  revision: number;
  hasDraft: boolean;
  nextVersion: number;
  roles: string[];
  labels: Labels;
  locale: string;
};

const tabs = ['settings', 'lessons', 'quiz', 'import', 'publish'] as const;
type Tab = (typeof tabs)[number];
const LOCALES = ['en', 'zh-cn'] as const;

export default function CourseEditor({ slug, initial, revision: initialRevision, hasDraft, nextVersion, roles, labels, locale }: Props) {
  const base = `/api/authoring/courses/${slug}`;
  const { doc, edit, state, revision, untranslated } = useDraft(initial, initialRevision, `${base}/draft`, labels);
  const [tab, setTab] = useState<Tab>('lessons');
  const [lessonIndex, setLessonIndex] = useState(0);
  const L = (key: string, params?: Record<string, string | number>) => fill(labels[key], params);
  const both = (change: (l: CourseDoc['en'], locale: 'en' | 'zh-cn') => void) => edit((d) => LOCALES.forEach((lc) => change(d[lc], lc)));
  const text = (set: (l: CourseDoc['en'], value: string) => void) => (lc: 'en' | 'zh-cn', value: string) => edit((d) => set(d[lc], value));

  useEffect(() => {
    if (lessonIndex >= doc.en.lessons.length) setLessonIndex(doc.en.lessons.length - 1);
  }, [doc.en.lessons.length, lessonIndex]);

  const lesson = doc.en.lessons[lessonIndex];
  const questions = doc.en.quiz.questions;

  function setType(qi: number, type: Question['type']) {
    both((l) => {
      const q = l.quiz.questions[qi]!;
      q.type = type;
      if (type === 'truefalse') {
        const wasTrue = q.options.find((o) => o.id === 'true')?.correct;
        q.options = [
          { id: 'true', text: q.options.find((o) => o.id === 'true')?.text ?? 'True', ...(wasTrue && { correct: true as const }) },
          { id: 'false', text: q.options.find((o) => o.id === 'false')?.text ?? 'False', ...(!wasTrue && { correct: true as const }) },
        ];
      } else if (type === 'single' && q.options.filter((o) => o.correct).length > 1) {
        q.options.forEach((o, i) => (i === q.options.findIndex((x) => x.correct) ? undefined : delete o.correct));
      }
    });
  }

  function setCorrect(qi: number, oi: number, checked: boolean) {
    both((l) => {
      const q = l.quiz.questions[qi]!;
      q.options.forEach((o, i) => {
        const on = q.type === 'multiple' ? (i === oi ? checked : !!o.correct) : i === oi;
        if (on) o.correct = true;
        else delete o.correct;
      });
    });
  }

  return (
    <div className="editor" data-testid="course-editor">
      <SaveStatus state={state} labels={labels} hasDraft={hasDraft} />
      <DiscardDraft draftUrl={`${base}/draft`} revision={revision} state={state} labels={labels} />
      {untranslated.size > 0 && <p className="alert info" data-testid="untranslated-summary">⚠ {L('ui.untranslatedSummary', { n: untranslated.size })}</p>}
      <nav className="row tabs" aria-label={doc.en.title}>
        {tabs.map((t) => (
          <button key={t} type="button" className={tab === t ? '' : 'secondary'} aria-pressed={tab === t} onClick={() => setTab(t)} data-testid={`tab-${t}`}>{labels[`ui.tab.${t}`]}</button>
        ))}
      </nav>

      {tab === 'settings' && (
        <section className="card">
          <Bilingual label={L('ui.title')} path="title" en={doc.en.title} zh={doc['zh-cn'].title} onChange={text((l, v) => (l.title = v))} untranslated={untranslated} labels={labels} />
          <Bilingual label={L('ui.summary')} path="summary" en={doc.en.summary} zh={doc['zh-cn'].summary} onChange={text((l, v) => (l.summary = v))} multiline untranslated={untranslated} labels={labels} />
          <div className="grid">
            {(['passMark', 'recertifyMonths', 'estimatedMinutes'] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`s-${k}`}>{L(`ui.${k}`)}</label>
                <input id={`s-${k}`} type="number" min={0} value={doc[k]} onChange={(e) => edit((d) => void (d[k] = Number(e.target.value)))} />
              </div>
            ))}
          </div>
          <fieldset>
            <legend>{L('ui.audience')}</legend>
            <label className="row"><input type="checkbox" checked={doc.audience === 'all'} onChange={(e) => edit((d) => void (d.audience = e.target.checked ? 'all' : ['employee']))} /> {L('ui.audienceAll')}</label>
            {doc.audience !== 'all' &&
              roles.map((r) => (
                <label key={r} className="row">
                  <input
                    type="checkbox"
                    checked={(doc.audience as string[]).includes(r)}
                    onChange={(e) => edit((d) => {
                      const list = d.audience === 'all' ? [] : d.audience.filter((x) => x !== r);
                      d.audience = (e.target.checked ? [...list, r] : list) as typeof d.audience;
                    })}
                  /> {labels[`role.${r}`] ?? r}
                </label>
              ))}
          </fieldset>
        </section>
      )}

      {tab === 'lessons' && lesson && (
        <section>
          <ol className="row lesson-tabs">
            {doc.en.lessons.map((l, i) => (
              <li key={l.slug + i}>
                <button type="button" className={i === lessonIndex ? '' : 'secondary'} onClick={() => setLessonIndex(i)} data-testid={`lesson-tab-${i}`}>{i + 1}. {(locale === 'zh-cn' ? doc['zh-cn'].lessons[i]?.title : null) ?? l.title}</button>
              </li>
            ))}
            <li>
              <button type="button" className="secondary" data-testid="add-lesson" onClick={() => {
                const slugId = freshId('lesson', doc.en.lessons.map((l) => l.slug));
                both((l) => l.lessons.push({ slug: slugId, title: L('new.lessonTitle'), markdown: L('new.placeholderLesson') }));
                setLessonIndex(doc.en.lessons.length);
              }}>+ {L('ui.addLesson')}</button>
            </li>
          </ol>
          <div className="card">
            <div className="row">
              <h2>{L('ui.lesson', { n: lessonIndex + 1 })}</h2>
              <ListControls index={lessonIndex} length={doc.en.lessons.length} labels={labels}
                move={(from, to) => { both((l) => moveIn(l.lessons, from, to)); setLessonIndex(to); }}
                remove={(i) => both((l) => void l.lessons.splice(i, 1))} />
            </div>
            <label htmlFor="lesson-slug">{L('ui.slug')}</label>
            <input id="lesson-slug" className="w-20" value={lesson.slug} onChange={(e) => both((l) => void (l.lessons[lessonIndex]!.slug = e.target.value))} />
            <Bilingual label={L('ui.lessonTitle')} path={`lessons.${lessonIndex}.title`} en={lesson.title} zh={doc['zh-cn'].lessons[lessonIndex]?.title ?? ''} onChange={text((l, v) => (l.lessons[lessonIndex]!.title = v))} untranslated={untranslated} labels={labels} />
            <Bilingual label={L('ui.markdown')} path={`lessons.${lessonIndex}.markdown`} en={lesson.markdown} zh={doc['zh-cn'].lessons[lessonIndex]?.markdown ?? ''} onChange={text((l, v) => (l.lessons[lessonIndex]!.markdown = v))} multiline rows={18} untranslated={untranslated} labels={labels} />
            <h3>{L('ui.preview')}</h3>
            <div className="bilingual">
              {LOCALES.map((lc) => <LessonPreview key={lc} title={doc[lc].lessons[lessonIndex]?.title ?? ''} markdown={doc[lc].lessons[lessonIndex]?.markdown ?? ''} testId={`preview-${lc}`} />)}
            </div>
          </div>
        </section>
      )}

      {tab === 'quiz' && (
        <section>
          <ol className="quiz-questions">
            {questions.map((q, qi) => (
              <li key={q.id + qi} className="card" data-testid={`question-${q.id}`}>
                <div className="row">
                  <h2>{L('ui.question', { n: qi + 1 })}</h2>
                  <ListControls index={qi} length={questions.length} labels={labels} move={(from, to) => both((l) => moveIn(l.quiz.questions, from, to))} remove={(i) => both((l) => void l.quiz.questions.splice(i, 1))} />
                </div>
                <div className="row">
                  <label>{L('ui.id')} <input className="w-20" value={q.id} onChange={(e) => both((l) => void (l.quiz.questions[qi]!.id = e.target.value))} /></label>
                  <label>{L('ui.type')}{' '}
                    <select className="w-auto" value={q.type} onChange={(e) => setType(qi, e.target.value as Question['type'])}>
                      {(['single', 'multiple', 'truefalse'] as const).map((t) => <option key={t} value={t}>{L(`ui.type.${t}`)}</option>)}
                    </select>
                  </label>
                </div>
                <Bilingual label={L('ui.prompt')} path={`quiz.questions.${qi}.prompt`} en={q.prompt} zh={doc['zh-cn'].quiz.questions[qi]?.prompt ?? ''} onChange={text((l, v) => (l.quiz.questions[qi]!.prompt = v))} multiline rows={2} untranslated={untranslated} labels={labels} />
                {q.options.map((o, oi) => (
                  <div key={o.id + oi} className="option-row">
                    <label className="row correct">
                      <input type={q.type === 'multiple' ? 'checkbox' : 'radio'} name={`correct-${qi}`} checked={!!o.correct} onChange={(e) => setCorrect(qi, oi, e.target.checked)} /> {L('ui.correct')}
                    </label>
                    <Bilingual label={L('ui.option', { id: o.id })} path={`quiz.questions.${qi}.options.${oi}.text`} en={o.text} zh={doc['zh-cn'].quiz.questions[qi]?.options[oi]?.text ?? ''} onChange={text((l, v) => (l.quiz.questions[qi]!.options[oi]!.text = v))} untranslated={untranslated} labels={labels} />
                    {q.type !== 'truefalse' && q.options.length > 2 && <button type="button" className="secondary" onClick={() => both((l) => void l.quiz.questions[qi]!.options.splice(oi, 1))}>{L('ui.remove')}</button>}
                  </div>
                ))}
                {q.type !== 'truefalse' && (
                  <button type="button" className="secondary" onClick={() => {
                    const id = 'abcdefghijklmnopqrstuvwxyz'.split('').find((c) => !q.options.some((o) => o.id === c)) ?? freshId('o', q.options.map((o) => o.id));
                    both((l) => l.quiz.questions[qi]!.options.push({ id, text: L('new.option') }));
                  }}>+ {L('ui.addOption')}</button>
                )}
                <Bilingual label={L('ui.explanation')} path={`quiz.questions.${qi}.explanation`} en={q.explanation} zh={doc['zh-cn'].quiz.questions[qi]?.explanation ?? ''} onChange={text((l, v) => (l.quiz.questions[qi]!.explanation = v))} multiline rows={2} untranslated={untranslated} labels={labels} />
              </li>
            ))}
          </ol>
          <button type="button" className="secondary" onClick={() => {
            const id = freshId('q-new', questions.map((q) => q.id));
            both((l) => l.quiz.questions.push({ id, type: 'single', prompt: L('new.placeholderQuestion'), options: [{ id: 'a', text: L('new.rightAnswer'), correct: true }, { id: 'b', text: L('new.wrongAnswer') }], explanation: L('new.placeholderExplanation') }));
          }}>+ {L('ui.addQuestion')}</button>
        </section>
      )}

      {tab === 'import' && (
        <QuestionImport importUrl={`${base}/questions/import`} labels={labels} onAdd={(picked) => {
          // ids stay unique even when the same file is imported twice before a save
          const taken = new Set(questions.map((q) => q.id));
          const renamed = picked.map((q) => {
            const id = taken.has(q.id) ? freshId(q.id, taken) : q.id;
            taken.add(id);
            return { ...structuredClone(q), id };
          });
          both((l) => {
            for (const q of renamed) l.quiz.questions.push(structuredClone(q));
          });
        }} />
      )}

      {tab === 'publish' && <PublishPanel kind="course" publishUrl={`${base}/publish`} nextVersion={nextVersion} state={state} revision={revision} labels={labels} locale={locale} />}
    </div>
  );
}
