import { NODE_KINDS, type NodeKind } from '../../scenario/schema';
import type { ReactNode } from 'react';

export { NODE_KINDS };

/** Small line icons, one per node kind; decorative (the name beside them is the label). */
export function KindIcon({ kind, size = 22 }: { kind: NodeKind; size?: number }) {
  return (
    <svg className={`kafe-icon kafe-icon--${kind}`} width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        {ICONS[kind]}
      </g>
    </svg>
  );
}

const ICONS: Record<NodeKind, ReactNode> = {
  // a box sending arrows out
  producer: (
    <>
      <rect x="3" y="6" width="9" height="12" rx="2" />
      <path d="M14 9h6m-2-2 2 2-2 2M14 15h6m-2-2 2 2-2 2" />
    </>
  ),
  // an append-only log: stacked lanes of cells
  topic: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="M3 9.5h18M3 14.5h18M8 4v16M13 4v16" />
    </>
  ),
  // a gear: does work on events and emits new ones
  service: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v2.5M12 18.5V21M3 12h2.5M18.5 12H21M5.6 5.6l1.8 1.8M16.6 16.6l1.8 1.8M5.6 18.4l1.8-1.8M16.6 7.4l1.8-1.8" />
    </>
  ),
  // an inbox tray receiving
  consumer: (
    <>
      <path d="M4 13l2.5-7h11L20 13v6H4z" />
      <path d="M4 13h4.5l1 2h5l1-2H20M12 3v7m-2.5-2.5L12 10l2.5-2.5" />
    </>
  ),
  // a server rack
  broker: (
    <>
      <rect x="4" y="3.5" width="16" height="7" rx="1.5" />
      <rect x="4" y="13.5" width="16" height="7" rx="1.5" />
      <path d="M7.5 7h.01M7.5 17h.01M11 7h6M11 17h6" />
    </>
  ),
};
