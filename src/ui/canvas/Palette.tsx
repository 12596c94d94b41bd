import type { DragEvent } from 'react';
import { useT } from '../../i18n';
import type { NodeKind } from '../../scenario';
import { useKafe } from '../../store';
import { freeSpotNearViewportCentre } from './flowInstance';
import { KindIcon, NODE_KINDS } from './icons';
import './canvas.css';

/** The dataTransfer type a palette drag carries; its value is the node kind. */
export const NODE_DRAG_TYPE = 'application/kafe-node';

/**
 * Palette of node kinds. Each is a button: drag it onto the canvas (HTML5 drag and drop), or
 * press Enter / click to add it at a free spot near the centre of the visible canvas.
 */
export function Palette() {
  const { t } = useT();
  const addNode = useKafe((s) => s.addNode);

  const onDragStart = (kind: NodeKind) => (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(NODE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
    // Drag the picture of the whole card, not just the name.
    const card = event.currentTarget.closest('li');
    if (card) {
      const box = card.getBoundingClientRect();
      event.dataTransfer.setDragImage(card, event.clientX - box.left, event.clientY - box.top);
    }
  };

  return (
    <section className="kafe-palette" aria-labelledby="kafe-palette-title">
      <h2 id="kafe-palette-title" className="kafe-palette__title">
        {t('canvas.palette.title')}
      </h2>
      <p id="kafe-palette-hint" className="kafe-palette__hint">
        {t('canvas.palette.hint')}
      </p>
      <ul className="kafe-palette__list">
        {NODE_KINDS.map((kind) => (
          <li key={kind} className={`kafe-palette__item kafe-palette__item--${kind}`}>
            <span className="kafe-palette__icon">
              <KindIcon kind={kind} />
            </span>
            <span className="kafe-palette__text">
              {/* The button's ::after covers the whole card, so the card drags and clicks as one. */}
              <button
                type="button"
                className="kafe-palette__name"
                draggable
                data-kind={kind}
                aria-describedby={`kafe-palette-desc-${kind}`}
                onDragStart={onDragStart(kind)}
                onClick={() => addNode(kind, freeSpotNearViewportCentre(kind))}
              >
                {t(`canvas.kind.${kind}`)}
              </button>
              <span id={`kafe-palette-desc-${kind}`} className="kafe-palette__desc">
                {t(`canvas.kindDesc.${kind}`)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
