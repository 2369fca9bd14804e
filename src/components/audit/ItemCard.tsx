// One checklist item on the phone: statement, guidance, result buttons, note and evidence.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { HistoryEntry } from '../../lib/audit/list-response-history.ts';
import { ITEM_RESULTS, type ItemResult } from '../../lib/audit/scoring.ts';
import { needsNote } from '../../lib/audit/sign-readiness.ts';
import { fmt, type Labels } from './labels.ts';
import type { PendingUpload } from './save-queue.ts';

export type ChecklistItemView = {
  id: string;
  text: string;
  guidance: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  evidence: 'required' | 'optional' | 'none';
  /** On the items about training (issue 14): the live training figures in a line, as evidence. */
  training?: string;
};
export type EvidenceFile = { id: string; itemId: string | null; fileName: string; mimeType: string; size: number };
export type Upload = { key: string; itemId: string; file: File; status: 'uploading' | 'failed'; error?: string };

type Props = {
  item: ChecklistItemView;
  result: ItemResult | undefined;
  note: string;
  files: EvidenceFile[];
  uploads: Upload[];
  /** Photos and files kept on this device, not yet on the server. */
  waitingFiles: PendingUpload[];
  /** An answer for this item has not reached the server yet. */
  pending: boolean;
  history: HistoryEntry[];
  disabled: boolean;
  labels: Labels;
  onResult: (result: ItemResult) => void;
  onNote: (note: string, settled: boolean) => void;
  onUpload: (file: File) => void;
  onRetryUpload: (upload: Upload) => void;
  onDismissUpload: (upload: Upload) => void;
};

const SHOWN_AS_IMAGE = new Set(['image/jpeg', 'image/png', 'image/webp']);

function when(at: number): string {
  const page = typeof document === 'undefined' ? 'en' : document.documentElement.lang.toLowerCase();
  const lang = page === 'zh-cn' ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }).format(at);
}

/** A file still on this device, shown from its Blob. */
function WaitingFile({ upload, labels }: { upload: PendingUpload; labels: Labels }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const u = URL.createObjectURL(upload.file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [upload.file]);
  return (
    <li data-testid="waiting-file">
      {url && SHOWN_AS_IMAGE.has(upload.file.type) ? <img src={url} alt={upload.fileName} /> : <span className="evidence-file">PDF</span>}
      <span className="evidence-name">{fmt(labels, 'audit.offline.fileWaiting', { name: upload.fileName })}</span>
    </li>
  );
}

/** Every answer the item has had, as the server received them; the last one stands. */
function History({ itemId, entries, labels }: { itemId: string; entries: HistoryEntry[]; labels: Labels }) {
  if (entries.length === 0) return null;
  return (
    <details className="audit-history" data-testid={`history-${itemId}`}>
      <summary>{fmt(labels, 'audit.offline.history', { count: entries.length })}</summary>
      <p className="muted small">{labels['audit.offline.historyRule']}</p>
      <ol>
        {entries.map((h, i) => (
          <li key={i} data-testid="history-entry">
            {fmt(labels, 'audit.offline.historyEntry', { result: labels[`audit.result.${h.result}`] ?? h.result, name: h.byName, at: when(h.receivedAt) })}
            {h.recordedAt !== null && <span className="muted"> ({fmt(labels, 'audit.offline.recordedAt', { at: when(h.recordedAt) })})</span>}
            {h.note && <span className="history-note">{h.note}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function ItemCard(p: Props) {
  const cameraInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) p.onUpload(file);
    e.target.value = '';
  };
  const { item, labels } = p;
  const noteMissing = p.result !== undefined && needsNote(item.evidence, p.result) && p.note.trim() === '';
  return (
    <article className="audit-item card" id={`item-${item.id}`} data-testid={`item-${item.id}`} data-result={p.result ?? ''} data-pending={p.pending || undefined}>
      <div className="audit-item-head">
        <span className="audit-item-id">{item.id}</span>
        {p.pending && <span className="badge pending" data-testid="not-sent">{labels['audit.offline.notSent']}</span>}
        <span className={`badge ${item.severity}`}>{labels[`audit.severity.${item.severity}`]}</span>
        {item.evidence !== 'none' && <span className={`badge ${item.evidence === 'required' ? 'evidence-required' : ''}`}>{labels[`audit.evidence.${item.evidence}`]}</span>}
      </div>
      <p className="audit-item-text">{item.text}</p>
      {item.training && <p className="alert info small training-note" data-testid={`training-${item.id}`}>{item.training}</p>}
      <details className="audit-guidance">
        <summary>{labels['audit.island.guidance']}</summary>
        <p>{item.guidance}</p>
      </details>
      <div className="result-buttons" role="group" aria-label={fmt(labels, 'audit.island.resultGroup', { id: item.id })}>
        {ITEM_RESULTS.map((r) => (
          <button key={r} type="button" className={`result-button ${r}`} aria-pressed={p.result === r} disabled={p.disabled} onClick={() => p.onResult(r)}>
            {labels[`audit.result.${r}`]}
          </button>
        ))}
      </div>
      <label htmlFor={`note-${item.id}`} className="small">{labels['audit.island.note']}</label>
      <textarea
        id={`note-${item.id}`}
        rows={2}
        maxLength={4000}
        value={p.note}
        disabled={p.disabled}
        placeholder={labels['audit.island.notePlaceholder']}
        aria-invalid={noteMissing || undefined}
        onChange={(e) => p.onNote(e.target.value, false)}
        onBlur={(e) => p.onNote(e.target.value, true)}
      />
      {noteMissing && <p className="field-hint bad">{labels['audit.island.noteRequired']}</p>}
      {p.result === undefined && p.note.trim() !== '' && <p className="field-hint">{labels['audit.island.noteNeedsResult']}</p>}

      {item.evidence !== 'none' && (
        <div className="audit-evidence">
          {p.waitingFiles.length > 0 && (
            <ul className="evidence-list waiting">
              {p.waitingFiles.map((u) => <WaitingFile key={u.seq} upload={u} labels={labels} />)}
            </ul>
          )}
          {p.files.length > 0 && (
            <ul className="evidence-list">
              {p.files.map((f) => (
                <li key={f.id}>
                  <a href={`/api/evidence/${f.id}`} target="_blank" rel="noopener">
                    {SHOWN_AS_IMAGE.has(f.mimeType) ? <img src={`/api/evidence/${f.id}`} alt={f.fileName} loading="lazy" /> : <span className="evidence-file">PDF</span>}
                    <span className="evidence-name">{f.fileName}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          {p.uploads.map((u) => (
            <p key={u.key} className={`field-hint ${u.status === 'failed' ? 'bad' : ''}`} role={u.status === 'failed' ? 'alert' : 'status'}>
              {u.status === 'uploading' ? fmt(labels, 'audit.island.uploading', { name: u.file.name }) : fmt(labels, 'audit.island.uploadFailed', { name: u.file.name, error: u.error ?? '' })}
              {u.status === 'failed' && (
                <>
                  {' '}
                  <button type="button" className="link" onClick={() => p.onRetryUpload(u)}>{labels['audit.island.retry']}</button>{' '}
                  <button type="button" className="link" onClick={() => p.onDismissUpload(u)}>{labels['audit.island.dismiss']}</button>
                </>
              )}
            </p>
          ))}
          {/* capture opens the camera straight away on a phone; the second input allows a PDF or a photo already taken */}
          <input ref={cameraInput} className="visually-hidden" tabIndex={-1} type="file" accept="image/*,application/pdf" capture="environment" disabled={p.disabled} data-testid={`camera-${item.id}`} onChange={picked} />
          <input ref={fileInput} className="visually-hidden" tabIndex={-1} type="file" accept="image/*,application/pdf" disabled={p.disabled} data-testid={`file-${item.id}`} onChange={picked} />
          <div className="evidence-buttons">
            <button type="button" className="secondary" disabled={p.disabled} onClick={() => cameraInput.current?.click()}>{labels['audit.island.takePhoto']}</button>
            <button type="button" className="secondary" disabled={p.disabled} onClick={() => fileInput.current?.click()}>{labels['audit.island.chooseFile']}</button>
          </div>
        </div>
      )}
      <History itemId={item.id} entries={p.history} labels={labels} />
    </article>
  );
}
