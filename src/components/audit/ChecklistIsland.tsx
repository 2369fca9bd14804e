// The checklist form for a draft audit, built for a phone on site: sections as a list with
// progress, one section at a time, every change saved at once (kept on the device while offline),
// a running score, then the sign panel. Views follow the URL hash so the back button works.
import { useEffect, useMemo, useRef, useState } from 'react';
import { scoreAudit, type ItemResult } from '../../lib/audit/scoring.ts';
import { signReadiness } from '../../lib/audit/sign-readiness.ts';
import { MAX_EVIDENCE_BYTES } from '../../lib/audit/evidence-type.ts';
import type { ChecklistItemView, EvidenceFile, Upload } from './ItemCard.tsx';
import type { Labels } from './labels.ts';
import { SaveBar } from './SaveBar.tsx';
import { SaveQueue, type PendingAnswer, type SaveState } from './save-queue.ts';
import { SectionList } from './SectionList.tsx';
import { SectionView } from './SectionView.tsx';
import { SignPanel } from './SignPanel.tsx';

export type IslandSection = { id: string; title: string; items: ChecklistItemView[] };
export type ChecklistIslandProps = {
  auditId: string;
  sections: IslandSection[];
  responses: Record<string, PendingAnswer>;
  evidence: EvidenceFile[];
  canSign: boolean;
  statement: string;
  labels: Labels;
};

type View = { kind: 'overview' } | { kind: 'section'; index: number } | { kind: 'sign' };

function viewFromHash(hash: string, sections: IslandSection[]): View {
  if (hash === '#sign') return { kind: 'sign' };
  const index = sections.findIndex((s) => hash === `#section-${s.id}`);
  return index >= 0 ? { kind: 'section', index } : { kind: 'overview' };
}

export default function ChecklistIsland(p: ChecklistIslandProps) {
  const { labels, sections } = p;
  const [answers, setAnswers] = useState(p.responses);
  const answersRef = useRef(p.responses);
  const [noteDrafts, setNoteDrafts] = useState<Record<string, string>>({});
  const [files, setFiles] = useState(p.evidence);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [save, setSave] = useState<SaveState>({ pending: 0, saving: false, offline: false, locked: false, refused: [] });
  const [view, setView] = useState<View>({ kind: 'overview' });
  const queue = useRef<SaveQueue | null>(null);
  const scrollTo = useRef<string | null>(null);

  useEffect(() => {
    const q = new SaveQueue({ auditId: p.auditId, onChange: setSave });
    queue.current = q;
    const stored = q.pendingAnswers();
    if (Object.keys(stored).length > 0) {
      answersRef.current = { ...answersRef.current, ...stored };
      setAnswers(answersRef.current);
      q.retryNow();
    }
    const onHash = () => setView(viewFromHash(window.location.hash, sections));
    const onOnline = () => q.retryNow();
    const onLeave = (e: BeforeUnloadEvent) => {
      if (Object.keys(q.pendingAnswers()).length > 0) e.preventDefault();
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', onOnline);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);

  useEffect(() => {
    const target = scrollTo.current && document.getElementById(`item-${scrollTo.current}`);
    scrollTo.current = null;
    if (target) target.scrollIntoView({ block: 'start' });
    else window.scrollTo(0, 0);
  }, [view]);

  const score = useMemo(() => scoreAudit({ sections }, Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.result]))), [answers, sections]);
  const readiness = useMemo(() => signReadiness({ sections }, answers), [answers, sections]);
  const locked = save.locked;

  function put(itemId: string, answer: PendingAnswer, delayMs = 0) {
    answersRef.current = { ...answersRef.current, [itemId]: answer };
    setAnswers(answersRef.current);
    queue.current?.set(itemId, answer, delayMs);
  }
  const setResult = (itemId: string, result: ItemResult) => put(itemId, { result, note: answersRef.current[itemId]?.note ?? noteDrafts[itemId] ?? '' });
  const setNote = (itemId: string, note: string, settled: boolean) => {
    const current = answersRef.current[itemId];
    if (!current) return setNoteDrafts((d) => ({ ...d, [itemId]: note }));
    if (current.note !== note) put(itemId, { result: current.result, note }, 800);
    if (settled) queue.current?.retryNow();
  };

  async function upload(itemId: string, file: File, key = `${Date.now()}-${Math.random()}`) {
    const failed = (error: string) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, status: 'failed' as const, error } : x)));
    setUploads((u) => [...u.filter((x) => x.key !== key), { key, itemId, file, status: 'uploading' }]);
    if (file.size > MAX_EVIDENCE_BYTES) return failed(labels['audit.island.tooLarge']!);
    const form = new FormData();
    form.append('itemId', itemId);
    form.append('file', file, file.name);
    try {
      const res = await fetch(`/api/audits/${encodeURIComponent(p.auditId)}/evidence`, { method: 'POST', body: form });
      const body = (await res.json().catch(() => ({}))) as EvidenceFile & { error?: string };
      if (!res.ok) return failed(body.error ?? `HTTP ${res.status}`);
      setFiles((f) => [...f, body]);
      setUploads((u) => u.filter((x) => x.key !== key));
    } catch {
      failed(labels['audit.island.uploadOffline']!);
    }
  }

  function goToItem(itemId: string) {
    const section = sections.find((s) => s.items.some((i) => i.id === itemId));
    if (!section) return;
    scrollTo.current = itemId;
    if (window.location.hash === `#section-${section.id}`) document.getElementById(`item-${itemId}`)?.scrollIntoView({ block: 'start' });
    else window.location.hash = `section-${section.id}`;
  }

  const bar = (
    <SaveBar state={save} answered={score.answered} total={score.total} score={score.score} labels={labels} onRetry={() => queue.current?.retryNow()} onDismiss={() => queue.current?.dismissRefusals()} />
  );

  if (view.kind === 'sign') {
    return (
      <div className="audit-island">
        {bar}
        <p><a href="#overview">‹ {labels['audit.island.allSections']}</a></p>
        <SignPanel auditId={p.auditId} readiness={readiness} unsaved={save.pending > 0} canSign={p.canSign && !locked} statement={p.statement} labels={labels} onGoToItem={goToItem} onSigned={(url) => window.location.assign(url)} />
      </div>
    );
  }
  if (view.kind === 'overview') {
    return (
      <div className="audit-island">
        {bar}
        <SectionList sections={score.sections} overall={score} labels={labels} />
      </div>
    );
  }

  return (
    <div className="audit-island">
      {bar}
      <SectionView
        sections={sections}
        index={view.index}
        score={score.sections[view.index]!}
        answers={answers}
        noteDrafts={noteDrafts}
        files={files}
        uploads={uploads}
        locked={locked}
        labels={labels}
        onResult={setResult}
        onNote={setNote}
        onUpload={(itemId, f) => void upload(itemId, f)}
        onRetryUpload={(u) => void upload(u.itemId, u.file, u.key)}
        onDismissUpload={(u) => setUploads((all) => all.filter((x) => x.key !== u.key))}
      />
    </div>
  );
}
