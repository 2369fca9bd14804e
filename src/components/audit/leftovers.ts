// On a signed audit's page (which has no checklist island): changes this device still held for
// the audit are sent (a resend of one applied before signing is confirmed; the rest are refused),
// and every refused one is listed with the server's reason until the auditor dismisses it.
// Plain DOM, no React: the signed page stays light.
import { refusedText, fmt, type Labels } from './labels.ts';
import { SaveQueue, type SaveState } from './save-queue.ts';

/** Mounts the list on an element carrying data-audit-id, data-user-id and data-labels (JSON). */
export function mountLeftovers(el: HTMLElement): void {
  const labels = JSON.parse(el.dataset.labels ?? '{}') as Labels;
  const queue = new SaveQueue({ auditId: el.dataset.auditId!, userId: el.dataset.userId!, onChange: render, onAnswerApplied: () => {}, onFileApplied: () => {} });

  function render(state: SaveState): void {
    el.replaceChildren();
    el.hidden = state.pending === 0 && state.refused.length === 0;
    if (el.hidden) return;
    const title = document.createElement('p');
    title.append(Object.assign(document.createElement('strong'), { textContent: labels['audit.offline.leftovers'] ?? '' }));
    el.append(title);
    if (state.pending > 0) el.append(Object.assign(document.createElement('p'), { textContent: fmt(labels, 'audit.offline.leftoversSending', { count: state.pending }) }));
    if (state.refused.length > 0) {
      el.append(Object.assign(document.createElement('p'), { textContent: fmt(labels, 'audit.offline.refusedTitle', { count: state.refused.length }) }));
      const list = document.createElement('ul');
      for (const r of state.refused) list.append(Object.assign(document.createElement('li'), { textContent: refusedText(labels, r), className: 'refused-change' }));
      list.querySelectorAll('li').forEach((li) => li.setAttribute('data-testid', 'refused-change'));
      const dismiss = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: labels['audit.offline.dismiss'] ?? '' });
      dismiss.addEventListener('click', () => queue.dismissRefusals());
      el.append(list, Object.assign(document.createElement('p'), { className: 'small', textContent: labels['audit.offline.refusedKept'] ?? '' }), dismiss);
    }
  }

  window.addEventListener('online', () => queue.setOnline(true));
  window.addEventListener('offline', () => queue.setOnline(false));
  void queue.load().then(() => queue.retryNow());
}
