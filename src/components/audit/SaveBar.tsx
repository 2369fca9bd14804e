// Always-visible save status: checking the device, saved, saving, offline (how many changes wait
// on the device), signed out, or locked; and every change the server refused, with its reason, until the auditor dismisses it.
import { fmt, refusedText, type Labels } from './labels.ts';
import type { SaveState } from './save-queue.ts';

type Props = { state: SaveState; answered: number; total: number; score: number | null; labels: Labels; onRetry: () => void; onDismiss: () => void };

/** The login page in this page's language, coming back here. */
function loginUrl(): string {
  const here = typeof window === 'undefined' ? '/' : window.location.pathname;
  return `${here.startsWith('/zh-cn/') ? '/zh-cn' : ''}/login?next=${encodeURIComponent(here)}`;
}

type Phase = 'checking' | 'locked' | 'signed-out' | 'offline' | 'saving' | 'saved';

function phaseOf(state: SaveState): Phase {
  if (!state.ready) return 'checking';
  if (state.locked) return 'locked';
  if (state.signedOut) return 'signed-out';
  if (state.offline) return 'offline';
  return state.pending > 0 || state.saving ? 'saving' : 'saved';
}

function textOf(phase: Phase, state: SaveState, labels: Labels): string {
  switch (phase) {
    case 'checking':
      return labels['audit.offline.checking']!;
    case 'locked':
      return labels['audit.offline.locked']!;
    case 'signed-out':
      return fmt(labels, 'audit.offline.signedOut', { count: state.pending });
    case 'offline':
      return state.pending > 0 ? fmt(labels, 'audit.offline.offline', { count: state.pending }) : labels['audit.offline.offlineNone']!;
    case 'saving':
      return state.pending > 0 ? fmt(labels, 'audit.offline.waiting', { count: state.pending }) : labels['audit.island.saving']!;
    case 'saved':
      return labels['audit.island.saved']!;
  }
}

export function SaveBar({ state, answered, total, score, labels, onRetry, onDismiss }: Props) {
  const phase = phaseOf(state);
  const text = textOf(phase, state, labels);
  return (
    <div className={`save-bar ${phase}`} data-testid="save-status" data-state={phase} data-pending={state.pending}>
      <div className="save-bar-inner">
        <span className="save-text" role="status" aria-live="polite">
          <span className="save-dot" aria-hidden="true" />
          {text}
          {phase === 'signed-out' && (
            <>
              {' '}
              <a href={loginUrl()}>{labels['audit.offline.logIn']}</a>
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
