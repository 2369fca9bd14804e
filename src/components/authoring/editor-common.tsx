// What the course and checklist editors share: the autosave with its version check, the
// side-by-side English/Chinese field with its "not yet translated" warning, and publishing.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { untranslatedFields } from '../../lib/authoring/untranslated.ts';
import type { ContentDoc, Problem } from '../../lib/content/documents.ts';

export type Labels = Record<string, string>;
export const fill = (template: string | undefined, params: Record<string, string | number> = {}) =>
  (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

export type SaveState =
  | { kind: 'saved'; revision: number }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'offline' };

const AUTOSAVE_DELAY_MS = 1200;

/** The draft being edited: saved a moment after the last change, with the revision it was based on. */
export function useDraft<D extends ContentDoc>(initial: D, initialRevision: number, draftUrl: string, labels: Labels) {
  const [doc, setDoc] = useState<D>(initial);
  const [state, setState] = useState<SaveState>({ kind: 'saved', revision: initialRevision });
  const revision = useRef(initialRevision);
  const changed = useRef(false);
  const busy = useRef(false);
  const latest = useRef(doc);
  latest.current = doc;
  const stopped = useRef(false);

  const save = useCallback(async () => {
    if (busy.current || stopped.current || !changed.current) return;
    busy.current = true;
    changed.current = false;
    setState({ kind: 'saving' });
    try {
      const res = await fetch(draftUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ revision: revision.current, ...latest.current }) });
      const body = (await res.json().catch(() => ({}))) as { revision?: number; error?: string; details?: Problem[] & { updatedByName?: string | null; updatedAt?: number; revision?: number } };
      if (res.ok && body.revision) {
        revision.current = body.revision;
        setState(changed.current ? { kind: 'dirty' } : { kind: 'saved', revision: body.revision });
      } else if (res.status === 409) {
        // someone else saved: never overwrite them; the editor reloads deliberately
        stopped.current = true;
        // said in the reader's language from the details: who saved, when, which revision
        const d = body.details;
        const message = d?.updatedAt
          ? fill(labels['ui.stale'], { name: d.updatedByName ?? '?', when: new Date(d.updatedAt).toISOString().slice(0, 16).replace('T', ' '), revision: d.revision ?? '' })
          : d?.revision === 0
            ? labels['ui.publishedMeanwhile'] ?? ''
            : body.error ?? 'conflict';
        setState({ kind: 'conflict', message });
      } else if (res.status === 422) {
        setState({ kind: 'invalid', problems: body.details ?? [{ field: '', message: body.error ?? '' }] });
      } else {
        changed.current = true;
        setState({ kind: 'offline' });
      }
    } catch {
      changed.current = true;
      setState({ kind: 'offline' });
    } finally {
      busy.current = false;
    }
  }, [draftUrl, labels]);

  // the debounce: every change restarts the clock; a save in flight is followed by another if needed
  useEffect(() => {
    if (!changed.current) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, save, state]);

  const edit = useCallback((change: (draft: D) => void) => {
    if (stopped.current) return;
    changed.current = true;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    setDoc((prev) => {
      const next = structuredClone(prev);
      change(next);
      return next;
    });
  }, []);

  const untranslated = useMemo(() => new Set(untranslatedFields(doc)), [doc]);
  return { doc, edit, state, revision, untranslated, saveNow: save };
}

/** The line that says whether the draft is saved, and why not. */
export function SaveStatus({ state, labels, hasDraft }: { state: SaveState; labels: Labels; hasDraft: boolean }) {
  if (state.kind === 'saved') return <p className="alert ok" role="status" data-testid="save-state" data-state="saved">{state.revision > 0 || hasDraft ? fill(labels['ui.saved'], { revision: state.revision }) : labels['ui.noDraftYet']}</p>;
  if (state.kind === 'dirty') return <p className="alert info" role="status" data-testid="save-state" data-state="dirty">{labels['ui.unsaved']}</p>;
  if (state.kind === 'saving') return <p className="alert info" role="status" data-testid="save-state" data-state="saving">{labels['ui.saving']}</p>;
  if (state.kind === 'offline') return <p className="alert error" role="status" data-testid="save-state" data-state="offline">{labels['ui.networkError']}</p>;
  if (state.kind === 'conflict') {
    return (
      <div className="alert error" role="alert" data-testid="save-state" data-state="conflict">
        <p>{fill(labels['ui.conflict'], { message: state.message })}</p>
        <button type="button" onClick={() => location.reload()}>{labels['ui.reload']}</button>
      </div>
    );
  }
  return (
    <div className="alert error" role="alert" data-testid="save-state" data-state="invalid">
      <p>{labels['ui.invalid']}</p>
      <ul>{state.problems.map((p) => <li key={`${p.field}:${p.message}`}><code>{p.field}</code>: {p.message}</li>)}</ul>
    </div>
  );
}

type BilingualProps = {
  label: string;
  /** The field's path inside one language, e.g. `lessons.0.markdown`. */
  path: string;
  en: string;
  zh: string;
  onChange: (locale: 'en' | 'zh-cn', value: string) => void;
  multiline?: boolean;
  rows?: number;
  untranslated: Set<string>;
  labels: Labels;
  children?: ReactNode;
};

/** One text in both languages, side by side; the Chinese one warns while it is still the English. */
export function Bilingual({ label, path, en, zh, onChange, multiline, rows = 3, untranslated, labels }: BilingualProps) {
  const missing = untranslated.has(`zh-cn.${path}`);
  const id = `f-${path.replace(/\./g, '-')}`;
  const field = (locale: 'en' | 'zh-cn', value: string) => {
    const props = { id: `${id}-${locale}`, value, onChange: (e: { target: { value: string } }) => onChange(locale, e.target.value), 'data-testid': `${path}-${locale}`, lang: locale === 'en' ? 'en' : 'zh-CN' };
    return multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />;
  };
  return (
    <div className={`bilingual${missing ? ' untranslated' : ''}`}>
      <div>
        <label htmlFor={`${id}-en`}>{label} · {labels['ui.english']}</label>
        {field('en', en)}
      </div>
      <div>
        <label htmlFor={`${id}-zh-cn`}>{label} · {labels['ui.chinese']}{missing && <span className="badge warn" data-testid="untranslated-warning"> {labels['ui.untranslated']}</span>}</label>
        {field('zh-cn', zh)}
      </div>
    </div>
  );
}

type PublishProps = { kind: 'course' | 'checklist'; publishUrl: string; nextVersion: number; state: SaveState; revision: { current: number }; labels: Labels; locale: string };

/** Publishing: the material flag, the change note, and what it did. */
export function PublishPanel({ kind, publishUrl, nextVersion, state, revision, labels, locale }: PublishProps) {
  const [material, setMaterial] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const ready = state.kind === 'saved' && revision.current > 0;
  async function publish() {
    setBusy(true);
    setOutcome(null);
    try {
      const res = await fetch(publishUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ material, note, revision: revision.current }) });
      const body = (await res.json().catch(() => ({}))) as { version?: number; recertification?: { count: number; dueAt: number } | null; error?: string };
      if (!res.ok) return setOutcome({ ok: false, text: fill(labels['ui.error'], { message: body.error ?? String(res.status) }) });
      let text = fill(labels['ui.published'], { version: body.version ?? '' });
      if (body.recertification) text += ` ${fill(labels['ui.recertified'], { n: body.recertification.count, date: new Date(body.recertification.dueAt).toLocaleDateString(locale === 'zh-cn' ? 'zh-CN' : 'en-GB') })}`;
      setOutcome({ ok: true, text });
      setTimeout(() => location.reload(), 1500);
    } catch {
      setOutcome({ ok: false, text: labels['ui.networkError'] ?? '' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" data-testid="publish-panel">
      <h2>{labels['ui.tab.publish']}</h2>
      <label className="row"><input type="checkbox" checked={material} onChange={(e) => setMaterial(e.target.checked)} data-testid="publish-material" /> {labels['ui.material']}</label>
      <p className="small muted">{labels[`ui.materialHelp.${kind}`]}</p>
      <label htmlFor="publish-note">{labels['ui.note']}</label>
      <textarea id="publish-note" value={note} onChange={(e) => setNote(e.target.value)} data-testid="publish-note" />
      {!ready && <p className="small muted">{labels['ui.mustSave']}</p>}
      <p><button type="button" disabled={!ready || busy || !note.trim()} onClick={() => void publish()} data-testid="publish">{busy ? labels['ui.publishing'] : fill(labels['ui.publish'], { version: nextVersion })}</button></p>
      {outcome && <p className={`alert ${outcome.ok ? 'ok' : 'error'}`} role="status" data-testid="publish-outcome">{outcome.text}</p>}
    </section>
  );
}

/** Throws the draft away (after asking) and reloads the published version. */
export function DiscardDraft({ draftUrl, revision, state, labels }: { draftUrl: string; revision: { current: number }; state: SaveState; labels: Labels }) {
  const [error, setError] = useState<string | null>(null);
  if (revision.current < 1 || state.kind === 'saving' || state.kind === 'dirty') return null;
  async function discard() {
    if (!confirm(labels['ui.discardConfirm'])) return;
    const res = await fetch(`${draftUrl}?revision=${revision.current}`, { method: 'DELETE' });
    if (res.status === 204) return location.reload();
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    setError(fill(labels['ui.error'], { message: body.error ?? String(res.status) }));
  }
  return (
    <p className="row">
      <button type="button" className="secondary" onClick={() => void discard()} data-testid="discard-draft">{labels['ui.discard']}</button>
      {error && <span className="alert error" role="alert">{error}</span>}
    </p>
  );
}

/** Up, down and remove buttons for one entry of a list. */
export function ListControls({ index, length, move, remove, labels, minLength = 1 }: { index: number; length: number; move: (from: number, to: number) => void; remove: (i: number) => void; labels: Labels; minLength?: number }) {
  return (
    <span className="row">
      <button type="button" className="secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>{labels['ui.up']}</button>
      <button type="button" className="secondary" disabled={index === length - 1} onClick={() => move(index, index + 1)}>{labels['ui.down']}</button>
      <button type="button" className="secondary" disabled={length <= minLength} onClick={() => remove(index)}>{labels['ui.remove']}</button>
    </span>
  );
}

/** Moves an entry within an array, in place. */
export function moveIn<T>(list: T[], from: number, to: number): void {
  const [x] = list.splice(from, 1);
  list.splice(to, 0, x!);
}

/** An id not yet in `taken`: `<prefix>-1`, `<prefix>-2`, … */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
