import { useEffect } from 'react';
import { useT } from '../../i18n';
import { readIssueMessage } from '../../i18n/codeKeys';
import { refusalMessage } from '../../i18n/refusals';
import { useKafe, type Notice } from '../../store';

/** How long an info or success notice stays before it fades away, ms. */
export const NOTICE_MS = 6000;

/**
 * The store's current notice as a toast. Errors are announced assertively (role=alert) and stay
 * until dismissed; info and success are polite (role=status) and fade after NOTICE_MS. Both live
 * regions are always in the page, so screen readers announce what appears in them.
 */
export function Notices() {
  const notice = useKafe((s) => s.notice);
  const dismiss = useKafe((s) => s.dismissNotice);

  useEffect(() => {
    if (!notice || notice.kind === 'error' || notice.sticky) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className="notices">
      <div role="alert" className="notices__region">
        {notice?.kind === 'error' && <Toast notice={notice} onDismiss={dismiss} />}
      </div>
      <div role="status" className="notices__region">
        {notice && notice.kind !== 'error' && <Toast key={notice.id} notice={notice} onDismiss={dismiss} />}
      </div>
    </div>
  );
}

function Toast({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useT();
  const message = t(notice.key, notice.params);
  // An engine refusal is worded from its code in the learner's language, never the engine's English.
  const detail = notice.refusal ? refusalMessage(t, notice.refusal) : notice.detail;
  // What a reader could not read is worded by `reason` and `issue`; its own English stays below as
  // a technical detail (what to search for, or to send in a bug report).
  const technical = notice.reason !== undefined && !notice.refusal;
  const fades = notice.kind !== 'error' && !notice.sticky;
  return (
    <div
      className={`toast toast--${notice.kind}${fades ? ' toast--fading' : ''}`}
      style={fades ? { animationDuration: `${NOTICE_MS}ms` } : undefined}
      data-kind={notice.kind}
      data-key={notice.key}
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
      <button type="button" className="toast__dismiss" aria-label={t('notice.dismiss')} title={t('notice.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
