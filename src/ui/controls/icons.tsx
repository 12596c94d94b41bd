import type { ActionId } from './actions';

/** Small stroke icons for the time controls; decorative (the buttons carry the accessible name). */
const PATHS: Record<ActionId | 'pause', string> = {
  togglePlay: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  stepBack: 'M6 5v14M18 5 9 12l9 7z',
  stepForward: 'M18 5v14M6 5l9 7-9 7z',
  slower: 'M6 12h12',
  faster: 'M6 12h12M12 6v12',
  restart: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v4.5h4.5',
  help: 'M9.2 9a3 3 0 1 1 4.2 2.7c-.9.4-1.4 1.1-1.4 2.1V15M12 18.2v.1',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  const filled = name === 'togglePlay' || name === 'pause' || name === 'stepBack' || name === 'stepForward';
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={filled ? 1 : 2.2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
