// The checklist form for a draft audit, built for a phone on site: sections as a list with
// progress, one section at a time, every change saved at once (kept on the device in IndexedDB
// while offline, and the page itself kept by a service worker), a running score, then the sign
// panel. Views follow the URL hash so the back button works.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryEntry } from '../../lib/audit/list-response-history.ts';
import { newerAnswer } from '../../lib/offline/sync-rules.ts';
import { scoreAudit, type ItemResult } from '../../lib/audit/scoring.ts';
import { signReadiness } from '../../lib/audit/sign-readiness.ts';
import { MAX_EVIDENCE_BYTES } from '../../lib/audit/evidence-type.ts';
import type { ChecklistItemView, EvidenceFile, Upload } from './ItemCard.tsx';
import type { Labels } from './labels.ts';
import { SaveBar } from './SaveBar.tsx';
import { keepAuditPageOffline } from './offline-worker.ts';
import { knownAnswers, knownFiles } from './offline-store.ts';
import { emptySaveState, SaveQueue, type AppliedAnswer, type PendingAnswer, type SaveState } from './save-queue.ts';
import { SectionList } from './SectionList.tsx';
import { SectionView } from './SectionView.tsx';
import { SignPanel } from './SignPanel.tsx';

export type IslandSection = { id: string; title: string; items: ChecklistItemView[] };
export type ServerAnswer = PendingAnswer & { updatedAt: number; updatedBy: string };
export type ChecklistIslandProps = {
  auditId: string;
  userId: string;
  userName: string;
  sections: IslandSection[];
  responses: Record<string, ServerAnswer>;
  history: Record<string, HistoryEntry[]>;
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
  const initial = useMemo(() => Object.fromEntries(Object.entries(p.responses).map(([id, a]) => [id, { result: a.result, note: a.note }])), [p.responses]);
  const [answers, setAnswers] = useState<Record<string, PendingAnswer>>(initial);
  const answersRef = useRef<Record<string, PendingAnswer>>(initial);
  const [history, setHistory] = useState(p.history);
  const [noteDrafts, setNoteDrafts] = useState<Record<string, string>>({});
  const [files, setFiles] = useState(p.evidence);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [save, setSave] = useState<SaveState>(emptySaveState);
  const [view, setView] = useState<View>({ kind: 'overview' });
  const queue = useRef<SaveQueue | null>(null);
  const scrollTo = useRef<string | null>(null);
  const touched = useRef(new Set<string>());

  useEffect(() => {
    const q = new SaveQueue({ auditId: p.auditId, userId: p.userId, onChange: setSave, onAnswerApplied: answerApplied, onFileApplied: (f) => setFiles((all) => (all.some((x) => x.id === f.id) ? all : [...all, f])) });
    queue.current = q;
    void (async () => {
      // the page may be a copy kept from an earlier visit: answers and files the server confirmed since are on the device
      const [known, kept] = await Promise.all([knownAnswers(p.auditId), knownFiles(p.auditId)]).catch(() => [[], []] as const);
      await q.load();
      // what the auditor touched while this was loading stays as they left it
      const merged: Record<string, PendingAnswer> = { ...answersRef.current };
      for (const k of known) if (!touched.current.has(k.itemId) && newerAnswer(p.responses[k.itemId], k) === k) merged[k.itemId] = { result: k.result, note: k.note };
      for (const [itemId, a] of Object.entries(q.pendingAnswers())) if (!touched.current.has(itemId)) merged[itemId] = a;
      answersRef.current = merged;
      setAnswers(answersRef.current);
      if (kept.length > 0) setFiles((all) => [...all, ...kept.filter((k) => !all.some((f) => f.id === k.id)).map(({ auditId: _, ...f }) => f)]);
      q.retryNow();
    })();
    void keepAuditPageOffline().catch((err: unknown) => console.warn('offline copy of the audit page:', err));
    const onHash = () => setView(viewFromHash(window.location.hash, sections));
    const onOnline = () => q.setOnline(true);
    const onOffline = () => q.setOnline(false);
    onHash();
    window.addEventListener('hashchange', onHash);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  function answerApplied(a: AppliedAnswer) {
    if (!a.applied) return; // a resend the server had applied already: its history entry is there
    const entry: HistoryEntry = { result: a.result, note: a.note, byName: p.userName, byId: a.updatedBy, receivedAt: a.updatedAt, recordedAt: a.recordedAt };
    setHistory((h) => ({ ...h, [a.itemId]: [...(h[a.itemId] ?? []), entry] }));
  }

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
    touched.current.add(itemId);
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

  function upload(itemId: string, file: File, key = `${Date.now()}-${Math.random()}`) {
    setUploads((u) => u.filter((x) => x.key !== key));
    if (file.size > MAX_EVIDENCE_BYTES) {
      setUploads((u) => [...u, { key, itemId, file, status: 'failed', error: labels['audit.island.tooLarge']! }]);
      return;
    }
    // kept on the device first, sent after the results waiting before it
    queue.current?.addFile(itemId, file);
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
        <SignPanel auditId={p.auditId} readiness={readiness} offline={save.offline} unsaved={!save.ready || save.pending > 0} canSign={p.canSign && !locked} statement={p.statement} labels={labels} onGoToItem={goToItem} onSigned={(url) => window.location.assign(url)} />
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
        waitingFiles={save.uploads}
        pendingItems={save.pendingItems}
        history={history}
        locked={locked}
        labels={labels}
        onResult={setResult}
        onNote={setNote}
        onUpload={(itemId, f) => upload(itemId, f)}
        onRetryUpload={(u) => upload(u.itemId, u.file, u.key)}
        onDismissUpload={(u) => setUploads((all) => all.filter((x) => x.key !== u.key))}
      />
    </div>
  );
}
