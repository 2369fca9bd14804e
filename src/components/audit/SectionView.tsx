// One section of the checklist: where it sits, its progress and score, its items, and the way on.
import type { SectionScore, ItemResult } from '../../lib/audit/scoring.ts';
import type { HistoryEntry } from '../../lib/audit/list-response-history.ts';
import type { IslandSection } from './ChecklistIsland.tsx';
import { ItemCard, type EvidenceFile, type Upload } from './ItemCard.tsx';
import { fmt, type Labels } from './labels.ts';
import type { PendingAnswer, PendingUpload } from './save-queue.ts';

type Props = {
  sections: IslandSection[];
  index: number;
  score: SectionScore;
  answers: Record<string, PendingAnswer>;
  noteDrafts: Record<string, string>;
  files: EvidenceFile[];
  uploads: Upload[];
  waitingFiles: PendingUpload[];
  pendingItems: string[];
  history: Record<string, HistoryEntry[]>;
  locked: boolean;
  labels: Labels;
  onResult: (itemId: string, result: ItemResult) => void;
  onNote: (itemId: string, note: string, settled: boolean) => void;
  onUpload: (itemId: string, file: File) => void;
  onRetryUpload: (upload: Upload) => void;
  onDismissUpload: (upload: Upload) => void;
};

export function SectionView(p: Props) {
  const { sections, labels, answers } = p;
  const section = sections[p.index]!;
  const next = sections[p.index + 1];
  const previous = sections[p.index - 1];
  return (
    <>
      <nav className="section-top" aria-label={labels['audit.island.sections']}>
        <a href="#overview">‹ {labels['audit.island.allSections']}</a>
        <select aria-label={labels['audit.island.sections']} value={section.id} onChange={(e) => (window.location.hash = `section-${e.target.value}`)}>
          {sections.map((s, i) => (
            <option key={s.id} value={s.id}>{i + 1}. {s.title}</option>
          ))}
        </select>
      </nav>
      <p className="muted small">{fmt(labels, 'audit.island.sectionOf', { n: p.index + 1, total: sections.length })}</p>
      <h2 className="section-heading">{section.title}</h2>
      <div className="section-summary">
        <progress max={p.score.total} value={p.score.answered} />
        <span>{fmt(labels, 'audit.island.answeredOf', { answered: p.score.answered, total: p.score.total })}</span>
        <span>{labels['audit.island.score']} <strong>{p.score.score === null ? labels['audit.island.noScore'] : `${p.score.score}%`}</strong></span>
      </div>
      {section.items.map((item) => (
        <ItemCard
          key={item.id}
          item={item}
          result={answers[item.id]?.result}
          note={answers[item.id]?.note ?? p.noteDrafts[item.id] ?? ''}
          files={p.files.filter((f) => f.itemId === item.id)}
          uploads={p.uploads.filter((u) => u.itemId === item.id)}
          waitingFiles={p.waitingFiles.filter((u) => u.itemId === item.id)}
          pending={p.pendingItems.includes(item.id)}
          history={p.history[item.id] ?? []}
          disabled={p.locked}
          labels={labels}
          onResult={(r) => p.onResult(item.id, r)}
          onNote={(n, settled) => p.onNote(item.id, n, settled)}
          onUpload={(f) => p.onUpload(item.id, f)}
          onRetryUpload={p.onRetryUpload}
          onDismissUpload={p.onDismissUpload}
        />
      ))}
      <nav className="pager">
        {previous ? <a className="button secondary" href={`#section-${previous.id}`}>‹ {labels['audit.island.previous']}</a> : <a className="button secondary" href="#overview">‹ {labels['audit.island.allSections']}</a>}
        {next ? <a className="button" href={`#section-${next.id}`}>{labels['audit.island.next']} ›</a> : <a className="button" href="#sign">{labels['audit.island.signSection']} ›</a>}
      </nav>
    </>
  );
}
