// Always-visible save status: saved, saving, offline (kept on the device, retrying), or locked.
import { fmt, type Labels } from './labels.ts';
import type { SaveState } from './save-queue.ts';

type Props = { state: SaveState; answered: number; total: number; score: number | null; labels: Labels; onRetry: () => void; onDismiss: () => void };

export function SaveBar({ state, answered, total, score, labels, onRetry, onDismiss }: Props) {
  const phase = state.locked ? 'locked' : state.offline ? 'offline' : state.pending > 0 || state.saving ? 'saving' : 'saved';
  const text =
    phase === 'locked'
      ? labels['audit.island.locked']
      : phase === 'offline'
        ? fmt(labels, 'audit.island.offline', { count: state.pending })
        : phase === 'saving'
          ? state.pending > 0 ? fmt(labels, 'audit.island.unsaved', { count: state.pending }) : labels['audit.island.saving']
          : labels['audit.island.saved'];
  return (
    <div className={`save-bar ${phase}`} data-testid="save-status" data-state={phase}>
      <div className="save-bar-inner">
        <span className="save-text" role="status" aria-live="polite">
          <span className="save-dot" aria-hidden="true" />
          {text}
          {phase === 'offline' && (
            <>
              {' '}
              <button type="button" className="link" onClick={onRetry}>{labels['audit.island.retryNow']}</button>
            </>
          )}
        </span>
        <span className="save-progress">
          {fmt(labels, 'audit.island.answeredOf', { answered, total })} · {labels['audit.island.score']} {score === null ? labels['audit.island.noScore'] : `${score}%`}
        </span>
      </div>
      {state.refused.length > 0 && (
        <div className="save-refused" role="alert">
          {state.refused.map((r, i) => (
            <p key={i}>{fmt(labels, 'audit.island.refused', { id: r.itemId, error: r.error })}</p>
          ))}
          <button type="button" className="link" onClick={onDismiss}>{labels['audit.island.dismiss']}</button>
        </div>
      )}
    </div>
  );
}
