// One checklist item on the phone: statement, guidance, result buttons, note and evidence.
import { useRef, type ChangeEvent } from 'react';
import { ITEM_RESULTS, type ItemResult } from '../../lib/audit/scoring.ts';
import { needsNote } from '../../lib/audit/sign-readiness.ts';
import { fmt, type Labels } from './labels.ts';

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
  disabled: boolean;
  labels: Labels;
  onResult: (result: ItemResult) => void;
  onNote: (note: string, settled: boolean) => void;
  onUpload: (file: File) => void;
  onRetryUpload: (upload: Upload) => void;
  onDismissUpload: (upload: Upload) => void;
};

const SHOWN_AS_IMAGE = new Set(['image/jpeg', 'image/png', 'image/webp']);

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
    <article className="audit-item card" id={`item-${item.id}`} data-testid={`item-${item.id}`} data-result={p.result ?? ''}>
      <div className="audit-item-head">
        <span className="audit-item-id">{item.id}</span>
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
    </article>
  );
}
