import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { readAsyncApi } from '../../src/asyncapi';
import { createI18n, loadLang, type Lang } from '../../src/i18n';
import { ASYNCAPI_READ_KEYS, readIssueMessage } from '../../src/i18n/codeKeys';
import { en } from '../../src/i18n/en';
import { th } from '../../src/i18n/th';
import { encodeShareFragment, scenarioToJson, TEMPLATES, type Scenario } from '../../src/scenario';
import { createKafeStore, loadValidation, KafeProvider, type KafeStore } from '../../src/store';
import { Notices } from '../../src/ui/common/Notices';

// Reading saved or linked text needs the validation module, which the app loads lazily.
beforeAll(async () => {
  await loadValidation();
});

const THAI = /[\u0E00-\u0E7F]/;

/** The notice as the learner sees it, in `lang` (static markup of the Notices toast). */
function shown(store: KafeStore, lang: Lang): string {
  const i18n = createI18n(lang);
  // Server rendering reads a zustand store's initial state; show the state as it is now instead.
  const now: KafeStore = { ...store, getInitialState: store.getState };
  const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(KafeProvider, { store: now, children: createElement(Notices) })));
  return html.replace(/<[^>]+>/g, '\n').replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A scenario file whose `orders` topic asks for more partitions than Kafé draws. */
function tooManyPartitions(): string {
  const s = TEMPLATES.orderFanOut.build();
  const nodes = s.nodes.map((n) => (n.kind === 'topic' && n.props.name === 'orders' ? { ...n, props: { ...n.props, partitions: 65 } } : n));
  return scenarioToJson({ ...s, nodes } as Scenario);
}

// Thai is a chunk of its own in the app (loadLang); these tests word notices in Thai too.
beforeAll(() => loadLang('th'));

describe('a file or link that cannot be read is explained in the learner’s language', () => {
  test('an imported file with a value out of range: the reason and the value are worded, the reader’s English is only a technical detail', () => {
    const store = createKafeStore(TEMPLATES.iotStream.build());
    const before = store.getState().scenario;
    expect(store.getState().importJson(tooManyPartitions())).toBe(false);
    expect(store.getState().scenario).toBe(before);
    const notice = store.getState().notice!;
    const index = TEMPLATES.orderFanOut.build().nodes.findIndex((n) => n.kind === 'topic' && n.props.name === 'orders');
    expect(notice).toMatchObject({ key: 'notice.importFailed', reason: 'invalid', issue: { code: 'tooBig', params: { path: `nodes[${index}].props.partitions`, limit: 64 } } });
    expect(notice.detail).toContain('must be at most 64');

    const en = lines(shown(store, 'en'));
    expect(en).toContain('Could not import that file. Your canvas is unchanged.');
    expect(en).toContain('Some of its values are outside what Kafé allows.');
    expect(en).toContain(`nodes[${index}].props.partitions must be at most 64.`);
    expect(en).toContain(`Technical detail: ${notice.detail}`);

    const th = lines(shown(store, 'th'));
    // Every line is Thai except the technical detail, which says it is one (in Thai) before the reader's English.
    const english = th.filter((l) => !THAI.test(l));
    expect(english).toEqual(['×']);
    expect(th).toContain(`nodes[${index}].props.partitions ต้องไม่เกิน 64`);
    expect(th.find((l) => l.includes(notice.detail!))).toBe(`รายละเอียดทางเทคนิค: ${notice.detail}`);
    expect(th.filter((l) => l.includes('must be at most'))).toHaveLength(1);
  });

  test('a share link cut off when copied: the reason is worded in both languages and the canvas stays', () => {
    const store = createKafeStore(TEMPLATES.iotStream.build());
    const before = store.getState().scenario;
    const link = encodeShareFragment(TEMPLATES.orderFanOut.build());
    expect(store.getState().openShareFragment(link.slice(0, link.length - 40))).toBe(false);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().notice).toMatchObject({ key: 'notice.shareFailed', reason: 'damagedLink' });
    expect(store.getState().notice!.issue).toBeUndefined();
    expect(lines(shown(store, 'en'))).toContain('The link is incomplete or damaged: was it cut off when copied?');
    const th = lines(shown(store, 'th'));
    expect(th).toContain('ลิงก์ไม่ครบหรือเสียหาย อาจถูกตัดขาดตอนคัดลอก');
    expect(th.filter((l) => !THAI.test(l))).toEqual(['×']);
  });

  test('the schema’s own rules (a node id used twice) are worded with the value concerned', () => {
    const s = TEMPLATES.orderFanOut.build();
    const twice = { ...s, nodes: [...s.nodes, { ...s.nodes[0], position: { x: 1, y: 1 } }] };
    const store = createKafeStore(TEMPLATES.iotStream.build());
    expect(store.getState().importJson(JSON.stringify(twice))).toBe(false);
    const issue = store.getState().notice!.issue!;
    expect(issue).toEqual({ code: 'duplicateId', params: { path: `nodes[${s.nodes.length}].id`, value: s.nodes[0].id } });
    expect(readIssueMessage(createI18n('en').t as never, issue)).toBe(`nodes[${s.nodes.length}].id: the id “${s.nodes[0].id}” is used by another node too.`);
    expect(readIssueMessage(createI18n('th').t as never, issue)).toMatch(THAI);
  });
});

describe('an AsyncAPI document that cannot be imported says why with a code', () => {
  const noParser = { parse: () => Promise.reject(new Error('parser must not be reached')) };

  const texts = { empty: '  \n', tooBig: 'x'.repeat(2_000_001) };
  test.each(['empty', 'tooBig'] as const)('a file refused as %s is worded in English and Thai, and says the canvas is unchanged', async (reason) => {
    const read = await readAsyncApi(texts[reason], noParser);
    expect(read).toMatchObject({ ok: false, reason });
    expect(en[ASYNCAPI_READ_KEYS[reason]]).toMatch(/Your canvas is unchanged\./);
    expect(th[ASYNCAPI_READ_KEYS[reason]]).toMatch(/แคนวาสของคุณยังเหมือนเดิม/);
  });

  test('a parser that throws is refused as parserFailed, its message kept as the technical detail', async () => {
    const read = await readAsyncApi('asyncapi: 3.0.0', { parse: () => Promise.reject(new Error('out of memory')) });
    expect(read).toMatchObject({ ok: false, reason: 'parserFailed', problems: [{ message: 'the AsyncAPI parser stopped: out of memory' }] });
  });
});
