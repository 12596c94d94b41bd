import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { loadValidation, readFailureExtras, useKafe, useKafeStoreApi } from '../../store';
import { replaceWithConsent } from '../common/replaceGuard';
import { ShareLinks } from './ShareLinks';
import { usePopover } from './usePopover';

/** The part of a pasted link from "#" on; a bare fragment ("s=...") is accepted as well. */
export function fragmentOf(link: string): string {
  const text = link.trim();
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(hash) : `#${text}`;
}

/**
 * Share: copy a link that holds the whole scenario (also shown in a read-only field, for when the
 * clipboard is not available), and open a link someone else shared. A bad link is refused with a
 * notice saying why, and the canvas stays as it was; a good one replaces the canvas only with the
 * learner's consent when unsaved work would be lost.
 */
export function SharePanel() {
  const { t } = useT();
  const panelId = useId();
  const linkId = useId();
  const openId = useId();
  const openErrorId = useId();
  const store = useKafeStoreApi();
  const notify = useKafe((s) => s.notify);
  const { open, toggle, close, buttonRef, panelRef } = usePopover();
  const [link, setLink] = useState('');
  const [pasted, setPasted] = useState('');
  const [pastedEmpty, setPastedEmpty] = useState(false);

  const copy = async () => {
    const url = `${location.origin}${location.pathname}#${store.getState().shareFragment()}`;
    setLink(url);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      notify('success', 'notice.linkCopied');
    } catch {
      notify('info', 'notice.linkCopyManual');
    }
  };

  const openLink = async (e: FormEvent) => {
    e.preventDefault();
    if (pasted.trim() === '') {
      setPastedEmpty(true);
      return;
    }
    // The reader (and zod) is a chunk of its own, fetched the first time a link is opened.
    let decodeShareFragment: Awaited<ReturnType<typeof loadValidation>>['decodeShareFragment'];
    try {
      ({ decodeShareFragment } = await loadValidation());
    } catch (error) {
      notify('error', 'notice.shareFailed', error instanceof Error ? error.message : String(error), { reason: 'unexpected' });
      return;
    }
    const parsed = decodeShareFragment(fragmentOf(pasted));
    if (!parsed.ok) {
      notify('error', 'notice.shareFailed', parsed.error, readFailureExtras(parsed));
      return;
    }
    setPasted('');
    close();
    replaceWithConsent(store, 'share', parsed.value.name.trim() || 'Kafé', () => {
      store.getState().loadScenario(parsed.value);
      notify('success', 'notice.linkOpened');
    });
  };

  return (
    <div className="popover-anchor">
      <button ref={buttonRef} type="button" className="toolbar__button" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {t('toolbar.share')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="popover popover--wide" data-testid="share-panel">
          <section className="popover__section" aria-labelledby={`${linkId}-title`}>
            <h3 id={`${linkId}-title`} className="popover__title">
              {t('toolbar.share.copyTitle')}
            </h3>
            <p className="popover__hint">{t('toolbar.share.copyHint')}</p>
            <button type="button" className="button" onClick={() => void copy()}>
              {t('toolbar.share.copy')}
            </button>
            {link && (
              <>
                <label htmlFor={linkId} className="field__label">
                  {t('toolbar.share.linkField')}
                </label>
                <input
                  id={linkId}
                  className="input input--mono"
                  readOnly
                  value={link}
                  data-testid="share-link"
                  onFocus={(e) => e.currentTarget.select()}
                />
              </>
            )}
          </section>
          <ShareLinks />
          <form className="popover__section" onSubmit={(e) => void openLink(e)}>
            <h3 className="popover__title">{t('toolbar.share.openTitle')}</h3>
            <label htmlFor={openId} className="field__label">
              {t('toolbar.share.openField')}
            </label>
            <div className="field__row">
              <input
                id={openId}
                className="input input--mono"
                value={pasted}
                placeholder="https://…#s=…"
                aria-invalid={pastedEmpty || undefined}
                aria-describedby={pastedEmpty ? openErrorId : undefined}
                onChange={(e) => {
                  setPasted(e.target.value);
                  setPastedEmpty(false);
                }}
              />
              <button type="submit" className="button">
                {t('toolbar.share.open')}
              </button>
            </div>
            {pastedEmpty && (
              <p id={openErrorId} className="field-error">
                {t('toolbar.share.openEmpty')}
              </p>
            )}
          </form>
        </div>
      )}
    </div>
  );
}
