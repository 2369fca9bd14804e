// Always-visible save status: saved, saving, offline (how many changes wait on the device), or
// locked; and every change the server refused, with its reason, until the auditor dismisses it.
import { fmt, refusedText, type Labels } from './labels.ts';
import type { SaveState } from './save-queue.ts';

type Props = { state: SaveState; answered: number; total: number; score: number | null; labels: Labels; onRetry: () => void; onDismiss: () => void };

export function SaveBar({ state, answered, total, score, labels, onRetry, onDismiss }: Props) {
  const phase = state.locked ? 'locked' : state.signedOut ? 'signed-out' : state.offline ? 'offline' : state.pending > 0 || state.saving ? 'saving' : 'saved';
  const text =
    phase === 'locked'
      ? labels['audit.offline.locked']
      : phase === 'signed-out'
        ? fmt(labels, 'audit.offline.signedOut', { count: state.pending })
        : phase === 'offline'
        ? state.pending > 0 ? fmt(labels, 'audit.offline.offline', { count: state.pending }) : labels['audit.offline.offlineNone']
        : phase === 'saving'
          ? state.pending > 0 ? fmt(labels, 'audit.offline.waiting', { count: state.pending }) : labels['audit.island.saving']
          : labels['audit.island.saved'];
  return (
    <div className={`save-bar ${phase}`} data-testid="save-status" data-state={phase} data-pending={state.pending}>
      <div className="save-bar-inner">
        <span className="save-text" role="status" aria-live="polite">
          <span className="save-dot" aria-hidden="true" />
          {text}
          {phase === 'signed-out' && (
            <>
              {' '}
              <a href={`${window.location.pathname.startsWith('/zh-cn/') ? '/zh-cn' : ''}/login?next=${encodeURIComponent(window.location.pathname)}`}>{labels['audit.offline.logIn']}</a>
            </>
          )}
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
      {state.memoryOnly && <p className="small" data-testid="memory-only">{labels['audit.offline.memoryOnly']}</p>}
      {state.refused.length > 0 && (
        <div className="save-refused" role="alert" data-testid="refused-changes">
          <p><strong>{fmt(labels, 'audit.offline.refusedTitle', { count: state.refused.length })}</strong></p>
          <ul>
            {state.refused.map((r) => (
              <li key={r.seq} data-testid="refused-change">
                {refusedText(labels, r)}
              </li>
            ))}
          </ul>
          <p className="small">{labels['audit.offline.refusedKept']}</p>
          <button type="button" className="link" onClick={onDismiss}>{labels['audit.offline.dismiss']}</button>
        </div>
      )}
    </div>
  );
}
