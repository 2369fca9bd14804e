// Question import: a Moodle XML or GIFT file is read on the server and previewed here; the
// questions chosen are added to the draft's quiz in both languages (Chinese to be translated).
import { useState } from 'react';
import type { Question } from '../../lib/content/schemas.ts';
import type { QuestionImport as Parsed } from '../../lib/authoring/questions/imported-question.ts';
import { fill, type Labels } from './editor-common.tsx';

export function QuestionImport({ importUrl, labels, onAdd }: { importUrl: string; labels: Labels; onAdd: (questions: Question[]) => void }) {
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function read(file: File) {
    setBusy(true);
    setMessage(null);
    setParsed(null);
    try {
      const type = /\.xml$/i.test(file.name) ? 'application/xml' : 'text/plain';
      const res = await fetch(importUrl, { method: 'POST', headers: { 'content-type': type }, body: await file.text() });
      const body = (await res.json()) as Parsed & { error?: string };
      if (!res.ok) return setMessage({ ok: false, text: fill(labels['ui.error'], { message: body.error ?? String(res.status) }) });
      setParsed(body);
      setChosen(new Set(body.questions.map((q) => q.id)));
    } catch {
      setMessage({ ok: false, text: labels['ui.networkError'] ?? '' });
    } finally {
      setBusy(false);
    }
  }

  function add() {
    if (!parsed) return;
    const picked = parsed.questions.filter((q) => chosen.has(q.id)).map(({ name: _name, warnings: _warnings, ...q }) => q);
    onAdd(picked);
    setMessage({ ok: true, text: fill(labels['ui.import.added'], { n: picked.length }) });
    setParsed(null);
  }

  return (
    <section className="card" data-testid="question-import">
      <p className="muted">{labels['ui.import.help']}</p>
      <label htmlFor="question-file">{labels['ui.import.file']}</label>
      <input id="question-file" type="file" accept=".xml,.gift,.txt" data-testid="question-file" onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      {busy && <p role="status">{labels['ui.import.reading']}</p>}
      {message && <p className={`alert ${message.ok ? 'ok' : 'error'}`} role="status" data-testid="import-message">{message.text}</p>}
      {parsed && (
        <div data-testid="import-preview">
          <p>{fill(labels['ui.import.parsed'], { n: parsed.questions.length })}</p>
          <ul className="stack import-list">
            {parsed.questions.map((q) => (
              <li key={q.id} className="card">
                <label className="row">
                  <input type="checkbox" checked={chosen.has(q.id)} onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(q.id); else n.delete(q.id); return n; })} />
                  <strong>{q.name}</strong> <span className="badge">{labels[`ui.type.${q.type}`]}</span>
                </label>
                <p>{q.prompt}</p>
                <ul>{q.options.map((o) => <li key={o.id}>{o.correct ? '✓ ' : ''}{o.text}</li>)}</ul>
                {q.explanation && <p className="small muted">{q.explanation}</p>}
                {q.warnings.map((w) => <p key={w} className="small alert error">{w}</p>)}
              </li>
            ))}
          </ul>
          {parsed.skipped.length > 0 && (
            <>
              <p>{fill(labels['ui.import.skipped'], { n: parsed.skipped.length })}</p>
              <ul data-testid="import-skipped">{parsed.skipped.map((s) => <li key={s.name + s.type}>{s.name} ({s.type}): {s.reason}</li>)}</ul>
            </>
          )}
          <button type="button" disabled={chosen.size === 0} onClick={add} data-testid="import-add">{labels['ui.import.add']}</button>
        </div>
      )}
    </section>
  );
}
