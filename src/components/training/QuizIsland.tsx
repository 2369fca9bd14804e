// The quiz: all questions on one page, submitted once, graded on the server. It never sees the right answers:
// its props hold prompts and options only, and the result holds per question just right/wrong and the explanation.
import { useRef, useState, type FormEvent } from 'react';
import type { PublicQuestion } from '../../lib/training/public-quiz.ts';

export type QuizLabels = {
  question: string;
  single: string;
  multiple: string;
  truefalse: string;
  answered: string;
  unansweredWarning: string;
  submit: string;
  submitting: string;
  score: string;
  passed: string;
  failed: string;
  right: string;
  wrong: string;
  tryAgain: string;
  certificate: string;
  backToCourse: string;
  error: string;
  networkError: string;
  alreadyCompleted: string;
};

type Result = {
  score: number;
  passed: boolean;
  results: { questionId: string; correct: boolean; explanation: string }[];
  completion?: { id: string; created: boolean };
};

type Props = { questions: PublicQuestion[]; passMark: number; submitUrl: string; courseUrl: string; certificateUrl: string; labels: QuizLabels };

const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

export default function QuizIsland({ questions, passMark, submitUrl, courseUrl, certificateUrl, labels }: Props) {
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(false);
  const summary = useRef<HTMLDivElement>(null);

  const choose = (q: PublicQuestion, optionId: string, checked: boolean) =>
    setAnswers((prev) => {
      const current = prev[q.id] ?? [];
      const next = q.type === 'multiple' ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId];
      return { ...prev, [q.id]: next };
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sent.current) return; // a double click sends once
    sent.current = true;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }), credentials: 'same-origin' });
      const body = await res.json().catch(() => ({}));
      if (res.status !== 201) {
        sent.current = false;
        setError(fill(labels.error, { message: String(body.error ?? res.status) }));
        return;
      }
      setResult(body as Result);
      requestAnimationFrame(() => summary.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    } catch {
      sent.current = false;
      setError(labels.networkError);
    } finally {
      setBusy(false);
    }
  }

  const answeredCount = questions.filter((q) => (answers[q.id] ?? []).length > 0).length;
  const outcome = new Map(result?.results.map((r) => [r.questionId, r]) ?? []);
  const locked = busy || result !== null;

  return (
    <form className="quiz" onSubmit={submit} data-testid="quiz-form" data-state={result ? (result.passed ? 'passed' : 'failed') : busy ? 'submitting' : 'answering'}>
      <div ref={summary} aria-live="polite">
        {result && (
          <div className={`card quiz-result ${result.passed ? 'passed' : 'failed'}`} data-testid="quiz-result">
            <p className="quiz-score" data-testid="quiz-score">{fill(labels.score, { score: result.score })}</p>
            <p>{result.passed ? labels.passed : fill(labels.failed, { passMark })}</p>
            {result.completion && !result.completion.created && <p className="small">{labels.alreadyCompleted}</p>}
            <p className="row">
              {result.completion && <a className="button" href={fill(certificateUrl, { id: result.completion.id })} download data-testid="quiz-certificate">{labels.certificate}</a>}
              {!result.passed && <button type="button" onClick={() => window.location.reload()} data-testid="try-again">{labels.tryAgain}</button>}
              <a className="button secondary" href={courseUrl}>{labels.backToCourse}</a>
            </p>
          </div>
        )}
      </div>
      {error && <p className="alert error" role="alert" data-testid="quiz-error">{error}</p>}
      <ol className="quiz-questions">
        {questions.map((q, i) => {
          const r = outcome.get(q.id);
          return (
            <li key={q.id} className={`card quiz-question${r ? (r.correct ? ' is-right' : ' is-wrong') : ''}`} data-question={q.id} data-testid="quiz-question">
              <fieldset disabled={locked}>
                <legend>
                  <span className="muted small">{fill(labels.question, { n: i + 1, total: questions.length })}</span>
                  <span className="quiz-prompt">{q.prompt}</span>
                </legend>
                <p className="muted small">{labels[q.type]}</p>
                {q.options.map((o) => (
                  <label key={o.id} className="quiz-option">
                    <input
                      type={q.type === 'multiple' ? 'checkbox' : 'radio'}
                      name={q.id}
                      value={o.id}
                      checked={(answers[q.id] ?? []).includes(o.id)}
                      onChange={(e) => choose(q, o.id, e.currentTarget.checked)}
                    />
                    <span>{o.text}</span>
                  </label>
                ))}
              </fieldset>
              {r && (
                <div className="quiz-feedback" data-testid="quiz-feedback" data-correct={r.correct ? 'yes' : 'no'}>
                  <p className={`badge ${r.correct ? 'pass' : 'fail'}`}>{r.correct ? labels.right : labels.wrong}</p>
                  <p>{r.explanation}</p>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {!result && (
        <div className="quiz-submit card">
          <p className="small">
            <span data-testid="quiz-answered">{fill(labels.answered, { answered: answeredCount, total: questions.length })}</span>
            {answeredCount < questions.length && <span className="muted quiz-warn"> · {labels.unansweredWarning}</span>}
          </p>
          <button type="submit" disabled={busy} data-testid="quiz-submit">{busy ? labels.submitting : labels.submit}</button>
        </div>
      )}
    </form>
  );
}
