import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { readIssueMessage } from '../../i18n/codeKeys';
import { refusalMessage } from '../../i18n/refusals';
import { useKafe, type Notice } from '../../store';

/** How long an info or success notice stays before it fades away, ms. */
export const NOTICE_MS = 6000;

/**
 * The store's notices as a stack of toasts, errors above the others, newest last in each (capped
 * by the store; sticky ones kept). Errors are announced assertively (role=alert) and stay until dismissed; info and success
 * are polite (role=status) and each fades NOTICE_MS after it appeared, unless it is sticky. Every
 * toast has its own Dismiss button. Both live regions are always in the page, so screen readers
 * announce what appears in them.
 */
export function Notices() {
  const notices = useKafe((s) => s.notices);
  const dismiss = useKafe((s) => s.dismissNotice);
  const errors = notices.filter((n) => n.kind === 'error');
  const others = notices.filter((n) => n.kind !== 'error');
  // A stack taller than its room scrolls (see app.css); the end, where the latest and the sticky
  // notices sit, is kept in view.
  const stack = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = stack.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [notices]);
  return (
    <div className="notices" data-testid="notices" ref={stack}>
      <div role="alert" className="notices__region">
        {errors.map((n) => (
          <Toast key={n.id} notice={n} onDismiss={dismiss} />
        ))}
      </div>
      <div role="status" className="notices__region">
        {others.map((n) => (
          <Toast key={n.id} notice={n} onDismiss={dismiss} />
        ))}
      </div>
    </div>
  );
}

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  const { t } = useT();
  const message = t(notice.key, notice.params);
  // An engine refusal is worded from its code in the learner's language, never the engine's English.
  const detail = notice.refusal ? refusalMessage(t, notice.refusal) : notice.detail;
  // What a reader could not read is worded by `reason` and `issue`; its own English stays below as
  // a technical detail (what to search for, or to send in a bug report).
  const technical = notice.reason !== undefined && !notice.refusal;
  const fades = notice.kind !== 'error' && !notice.sticky;
  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(() => onDismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [fades, notice.id, onDismiss]);
  return (
    <div
      className={`toast toast--${notice.kind}${fades ? ' toast--fading' : ''}${notice.sticky ? ' toast--sticky' : ''}`}
      style={fades ? { animationDuration: `${NOTICE_MS}ms` } : undefined}
      data-kind={notice.kind}
      data-key={notice.key}
      data-sticky={notice.sticky ? 'true' : undefined}
    >
      <div className="toast__body">
        <p className="toast__message">{message}</p>
        {notice.reason && (
          <p className="toast__reason" data-reason={notice.reason}>
            {t(`read.${notice.reason}`)}
          </p>
        )}
        {notice.issue && (
          <p className="toast__reason" data-issue={notice.issue.code}>
            {readIssueMessage(t, notice.issue)}
          </p>
        )}
        {detail && (
          <p className={`toast__detail${technical ? ' toast__detail--technical' : ''}`}>{technical ? t('notice.technicalDetail', { detail }) : detail}</p>
        )}
      </div>
      <button type="button" className="toast__dismiss" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={() => onDismiss(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
