import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/scenario';
import { createKafeStore } from '../../src/store';
import { MAX_NOTICES } from '../../src/store/noticeStack';

const keys = (store: ReturnType<typeof createKafeStore>) => store.getState().notices.map((n) => n.key);

describe('notices stack', () => {
  it('a message after a sticky explanation shows beside it: the explanation stays, the newest is last', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restoreCapped', undefined, { sticky: true });
    store.getState().notify('success', 'notice.linkOpened');
    store.getState().notify('error', 'notice.importFailed', 'broken');
    expect(keys(store)).toEqual(['notice.restoreCapped', 'notice.linkOpened', 'notice.importFailed']);
    expect(store.getState().notice?.key).toBe('notice.importFailed');
  });

  it(`shows at most ${MAX_NOTICES}: the oldest ordinary notice gives way, sticky ones are kept`, () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restoreCapped', undefined, { sticky: true });
    for (let i = 0; i < 5; i++) store.getState().notify('error', 'notice.importFailed', `file ${i}`);
    const shown = store.getState().notices;
    expect(shown).toHaveLength(MAX_NOTICES);
    expect(shown[0]).toMatchObject({ key: 'notice.restoreCapped', sticky: true });
    expect(shown.slice(1).map((n) => n.detail)).toEqual(['file 3', 'file 4']);
  });

  it('the same message again moves to the end instead of stacking a copy', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restartedAfterEdit');
    store.getState().notify('success', 'notice.linkCopied');
    store.getState().notify('info', 'notice.restartedAfterEdit');
    expect(keys(store)).toEqual(['notice.linkCopied', 'notice.restartedAfterEdit']);
  });

  it('each notice is dismissed on its own; without an id, the newest goes', () => {
    const store = createKafeStore(TEMPLATES.empty.build());
    store.getState().notify('info', 'notice.restoreCapped', undefined, { sticky: true });
    store.getState().notify('error', 'notice.importFailed', 'a');
    store.getState().notify('error', 'notice.shareFailed', 'b');
    const [sticky] = store.getState().notices;
    store.getState().dismissNotice(sticky.id);
    expect(keys(store)).toEqual(['notice.importFailed', 'notice.shareFailed']);
    store.getState().dismissNotice();
    expect(keys(store)).toEqual(['notice.importFailed']);
    expect(store.getState().notice?.key).toBe('notice.importFailed');
    store.getState().dismissNotice();
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().notice).toBeNull();
  });
});
