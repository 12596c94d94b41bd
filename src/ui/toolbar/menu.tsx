import type { ReactNode, RefObject } from 'react';

interface MenuButtonProps {
  /** The button's words; a ▾ follows them. */
  label: ReactNode;
  open: boolean;
  /** The id of the popover it opens. */
  panelId: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
  onClick(): void;
  title?: string;
  busy?: boolean;
  testId?: string;
}

/** A toolbar button that opens a popover menu (Templates, AsyncAPI): one look, one set of ARIA states. */
export function MenuButton({ label, open, panelId, buttonRef, onClick, title, busy, testId }: MenuButtonProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="toolbar__button"
      aria-expanded={open}
      aria-controls={panelId}
      aria-busy={busy || undefined}
      title={title}
      data-testid={testId}
      onClick={onClick}
    >
      {label} <span aria-hidden="true">▾</span>
    </button>
  );
}

interface MenuItemProps {
  title: string;
  about: string;
  onClick(): void;
  /** data-* attributes tests and lessons find the item by (e.g. { 'data-template': 'orderFanOut' }). */
  data?: Record<`data-${string}`, string>;
}

/** One choice in a toolbar menu: what it does, and a line about it. */
export function MenuItem({ title, about, onClick, data }: MenuItemProps) {
  return (
    <li>
      <button type="button" className="menu-item" onClick={onClick} {...data}>
        <span className="menu-item__title">{title}</span>
        <span className="menu-item__about">{about}</span>
      </button>
    </li>
  );
}
