// The checklist editor: sections and their items, English and Chinese side by side, autosaved.
import type { ChecklistDocument } from '../../lib/content/documents.ts';
import { Bilingual, DiscardDraft, fill, freshId, ListControls, moveIn, PublishPanel, SaveStatus, useDraft, type Labels } from './editor-common.tsx';

type Props = { slug: string; initial: ChecklistDocument; revision: number; hasDraft: boolean; nextVersion: number; labels: Labels; locale: string };
const LOCALES = ['en', 'zh-cn'] as const;
const severities = ['low', 'medium', 'high', 'critical'] as const;
const evidences = ['required', 'optional', 'none'] as const;

export default function ChecklistEditor({ slug, initial, revision: initialRevision, hasDraft, nextVersion, labels, locale }: Props) {
  const base = `/api/authoring/checklists/${slug}`;
  const { doc, edit, state, revision, untranslated } = useDraft(initial, initialRevision, `${base}/draft`, labels);
  const L = (key: string, params?: Record<string, string | number>) => fill(labels[key], params);
  const both = (change: (l: ChecklistDocument['en']) => void) => edit((d) => LOCALES.forEach((lc) => change(d[lc])));
  const text = (set: (l: ChecklistDocument['en'], value: string) => void) => (lc: 'en' | 'zh-cn', value: string) => edit((d) => set(d[lc], value));
  const allItemIds = () => doc.en.sections.flatMap((s) => s.items.map((i) => i.id));

  return (
    <div className="editor" data-testid="checklist-editor">
      <SaveStatus state={state} labels={labels} hasDraft={hasDraft} />
      <DiscardDraft draftUrl={`${base}/draft`} revision={revision} state={state} labels={labels} />
      {untranslated.size > 0 && <p className="alert info" data-testid="untranslated-summary">⚠ {L('ui.untranslatedSummary', { n: untranslated.size })}</p>}
      <section className="card">
        <Bilingual label={L('ui.title')} path="title" en={doc.en.title} zh={doc['zh-cn'].title} onChange={text((l, v) => (l.title = v))} untranslated={untranslated} labels={labels} />
      </section>
      {doc.en.sections.map((s, si) => (
        <section key={s.id + si} className="card" data-testid={`section-${s.id}`}>
          <div className="row">
            <h2>{L('ui.section', { n: si + 1 })}</h2>
            <ListControls index={si} length={doc.en.sections.length} labels={labels} move={(from, to) => both((l) => moveIn(l.sections, from, to))} remove={(i) => both((l) => void l.sections.splice(i, 1))} />
          </div>
          <label>{L('ui.id')} <input className="w-20" value={s.id} onChange={(e) => both((l) => void (l.sections[si]!.id = e.target.value))} /></label>
          <Bilingual label={L('ui.sectionTitle')} path={`sections.${si}.title`} en={s.title} zh={doc['zh-cn'].sections[si]?.title ?? ''} onChange={text((l, v) => (l.sections[si]!.title = v))} untranslated={untranslated} labels={labels} />
          {s.items.map((item, ii) => (
            <div key={item.id + ii} className="card item-editor" data-testid={`item-${item.id}`}>
              <div className="row">
                <strong>{L('ui.item', { id: item.id })}</strong>
                <ListControls index={ii} length={s.items.length} labels={labels} move={(from, to) => both((l) => moveIn(l.sections[si]!.items, from, to))} remove={(i) => both((l) => void l.sections[si]!.items.splice(i, 1))} />
              </div>
              <div className="row">
                <label>{L('ui.id')} <input className="w-12" value={item.id} onChange={(e) => both((l) => void (l.sections[si]!.items[ii]!.id = e.target.value))} /></label>
                <label>{L('ui.severity')}{' '}
                  <select className="w-auto" value={item.severity} onChange={(e) => both((l) => void (l.sections[si]!.items[ii]!.severity = e.target.value as (typeof severities)[number]))}>
                    {severities.map((v) => <option key={v} value={v}>{L(`ui.severity.${v}`)}</option>)}
                  </select>
                </label>
                <label>{L('ui.evidence')}{' '}
                  <select className="w-auto" value={item.evidence} onChange={(e) => both((l) => void (l.sections[si]!.items[ii]!.evidence = e.target.value as (typeof evidences)[number]))}>
                    {evidences.map((v) => <option key={v} value={v}>{L(`ui.evidence.${v}`)}</option>)}
                  </select>
                </label>
              </div>
              <Bilingual label={L('ui.text')} path={`sections.${si}.items.${ii}.text`} en={item.text} zh={doc['zh-cn'].sections[si]?.items[ii]?.text ?? ''} onChange={text((l, v) => (l.sections[si]!.items[ii]!.text = v))} multiline rows={2} untranslated={untranslated} labels={labels} />
              <Bilingual label={L('ui.guidance')} path={`sections.${si}.items.${ii}.guidance`} en={item.guidance} zh={doc['zh-cn'].sections[si]?.items[ii]?.guidance ?? ''} onChange={text((l, v) => (l.sections[si]!.items[ii]!.guidance = v))} multiline rows={2} untranslated={untranslated} labels={labels} />
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => {
            const id = freshId(`${slug.split('-').map((w) => w[0]).join('')}-new`, allItemIds());
            both((l) => l.sections[si]!.items.push({ id, text: L('new.placeholderItem'), guidance: L('new.placeholderGuidance'), severity: 'medium', evidence: 'optional' }));
          }}>+ {L('ui.addItem')}</button>
        </section>
      ))}
      <p>
        <button type="button" className="secondary" onClick={() => {
          const id = freshId('section', doc.en.sections.map((s) => s.id));
          const itemId = freshId(`${slug.split('-').map((w) => w[0]).join('')}-new`, allItemIds());
          both((l) => l.sections.push({ id, title: L('new.placeholderSection'), items: [{ id: itemId, text: L('new.placeholderItem'), guidance: L('new.placeholderGuidance'), severity: 'medium', evidence: 'optional' }] }));
        }}>+ {L('ui.addSection')}</button>
      </p>
      <PublishPanel kind="checklist" publishUrl={`${base}/publish`} nextVersion={nextVersion} state={state} revision={revision} labels={labels} locale={locale} />
    </div>
  );
}
