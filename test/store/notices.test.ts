import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore } from '../../src/store';

describe('notices', () => {
  it('a success message never hides a sticky notice the learner must read, but an error still does', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restoreCapped', undefined, { sticky: true });
    store.getState().notify('success', 'notice.linkOpened');
    expect(store.getState().notice?.key).toBe('notice.restoreCapped');
    store.getState().notify('error', 'notice.importFailed', 'broken');
    expect(store.getState().notice?.key).toBe('notice.importFailed');
  });

  it('a success message replaces an ordinary notice', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restartedAfterEdit');
    store.getState().notify('success', 'notice.linkOpened');
    expect(store.getState().notice?.key).toBe('notice.linkOpened');
  });
});
