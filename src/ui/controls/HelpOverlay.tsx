import { useEffect, useId, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n';
import { ACTIONS } from './actions';

interface Props {
  onClose: () => void;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog listing the keyboard shortcuts, built from the same action registry as the
 * buttons. Escape or the close button closes it; focus goes back to where it was before.
 */
export function HelpOverlay({ onClose }: Props) {
  const { t } = useT();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    // Keep Tab inside the dialog while it is open.
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // In a portal on <body>, so the backdrop covers everything (toasts included) whatever the layout.
  return createPortal(
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className="dialog help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <div className="dialog__head">
          <h2 id={titleId}>{t('help.title')}</h2>
          <button ref={closeRef} type="button" className="button button--quiet" onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
        <p className="dialog__intro">{t('help.intro')}</p>
        <table className="shortcut-table">
          <caption className="visually-hidden">{t('help.shortcuts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('help.key')}</th>
              <th scope="col">{t('help.does')}</th>
            </tr>
          </thead>
          <tbody>
            {ACTIONS.filter((a) => a.shortcut).map((a) => (
              <tr key={a.id} data-action={a.id}>
                <td>
                  <kbd>{a.shortcut!.display}</kbd>
                </td>
                <td>{t(a.descriptionKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="dialog__note">{t('help.typingNote')}</p>
      </div>
    </div>,
    document.body,
  );
}
