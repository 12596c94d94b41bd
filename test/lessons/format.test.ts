import { describe, expect, test } from 'vitest';
import { formatProblem, loadCourse } from '../../src/lessons';

const lesson = (frontmatter: string, body = '## one\nDo it.\n\n## summary\n- learned') => `---\n${frontmatter}\n---\n\n${body}\n`;
const VALID = `id: demo
order: 1
title: Demo
scenario: { template: empty }
steps:
  - id: one
    goal: { timePassed: { ms: 1000 } }
    solution:
      - advance: 1000
part: events
difficulty: 1`;

const problemsOf = (text: string) => loadCourse({ 'lessons/99-demo.md': text }).problems.map(formatProblem);

describe('a malformed lesson fails with the file, the line and what is wrong', () => {
  test('a lesson names its part of the course and a difficulty from 1 to 3', () => {
    expect(problemsOf(lesson(VALID.replace('part: events\n', '')))).toEqual([expect.stringMatching(/99-demo\.md:\d+: part: /)]);
    expect(problemsOf(lesson(VALID.replace('part: events', 'part: advanced')))).toEqual([expect.stringMatching(/part: .*"events"/)]);
    expect(problemsOf(lesson(VALID.replace('difficulty: 1', 'difficulty: 5')))).toEqual([expect.stringMatching(/difficulty: /)]);
  });

  test('a valid lesson loads', () => {
    const c = loadCourse({ 'lessons/99-demo.md': lesson(VALID) });
    expect(c.problems).toEqual([]);
    expect(c.lessons.map((l) => l.id)).toEqual(['demo']);
  });

  test('an unknown goal is reported on its line, with the goals that exist', () => {
    const [p] = problemsOf(lesson(VALID.replace('timePassed', 'timeFlies')));
    expect(p).toMatch(/^lessons\/99-demo\.md:8: steps\[0\]\.goal\.timeFlies: unknown goal "timeFlies"; known goals: .*timePassed/);
  });

  test("a goal's parameters are checked", () => {
    const [p] = problemsOf(lesson(VALID.replace('{ ms: 1000 }', '{ ms: "soon" }')));
    expect(p).toMatch(/^lessons\/99-demo\.md:8: steps\[0\]\.goal\.timePassed\.ms: /);
  });

  test('an unknown action is reported on its line', () => {
    const [p] = problemsOf(lesson(VALID.replace('advance: 1000', 'fastForward: 1000')));
    expect(p).toMatch(/^lessons\/99-demo\.md:10: steps\[0\]\.solution\[0\]/);
  });

  test('broken YAML is reported with its line', () => {
    const [p] = problemsOf(lesson(VALID.replace('title: Demo', 'title: [Demo')));
    expect(p).toMatch(/^lessons\/99-demo\.md:\d+: YAML: /);
  });

  test('a step without a section in the body, and a section without a step, are both reported', () => {
    const problems = problemsOf(lesson(VALID, '## two\nText.\n\n## summary\n- x'));
    expect(problems).toContainEqual(expect.stringContaining('step "one" has no "## one" section'));
    expect(problems).toContainEqual(expect.stringContaining('section "## two" is not a step'));
  });

  test('a prediction needs its answer in range and its choices in the body', () => {
    const fm = VALID.replace('  - id: one', '  - id: one\n    predict: 3');
    expect(problemsOf(lesson(fm, '## one\nDo it.\n\n### Predict\nWhat?\n- a\n- b\n\n## summary\n- x'))).toContainEqual(expect.stringContaining('predict: 3 but there are only 2 choices'));
    expect(problemsOf(lesson(fm))).toContainEqual(expect.stringContaining('no "### Predict" section'));
  });

  test('a choice written over two lines stays one choice; the question keeps only its own lines', () => {
    const fm = VALID.replace('  - id: one', '  - id: one\n    predict: 1');
    const c = loadCourse({ 'lessons/99-demo.md': lesson(fm, '## one\nDo it.\n\n### Predict\nWhat\nhappens?\n- it is aborted: the new producer fences\n  the old one\n- it is committed\n\n## summary\n- x') });
    expect(c.problems).toEqual([]);
    expect(c.lessons[0].english.text.steps.one.predict).toEqual({ question: 'What\nhappens?', choices: ['it is aborted: the new producer fences the old one', 'it is committed'] });
  });

  test('a lesson without frontmatter is refused on line 1', () => {
    expect(problemsOf('# Just markdown')).toEqual(['lessons/99-demo.md:1: a lesson starts with YAML frontmatter between two "---" lines']);
  });

  test('an inline scenario with a bad prop is refused, and one broken lesson leaves the others loaded', () => {
    const bad = lesson(VALID.replace('scenario: { template: empty }', 'scenario:\n  nodes:\n    - { kind: topic, id: t, props: { partitions: 0 } }').replace('id: demo', 'id: broken'));
    const c = loadCourse({ 'lessons/98-broken.md': bad, 'lessons/99-demo.md': lesson(VALID) });
    expect(c.lessons.map((l) => l.id)).toEqual(['demo']);
    expect(c.problems.map(formatProblem)).toEqual([expect.stringMatching(/^lessons\/98-broken\.md:1: scenario: nodes\[0\]\.props\.partitions: must be at least 1/)]);
  });

  test('headings inside code fences are not sections', () => {
    const c = loadCourse({ 'lessons/99-demo.md': lesson(VALID, '## one\nDo it.\n\n```mermaid\n## not a section\n```\n\n## summary\n- x') });
    expect(c.problems).toEqual([]);
    expect(c.lessons[0].english.text.steps.one.body).toContain('## not a section');
  });

  describe('a lesson may pin a node with position', () => {
    const withNodes = (nodes: string) =>
      lesson(VALID.replace('scenario: { template: empty }', `scenario:\n  nodes:\n${nodes}\n  edges:\n    - [p, t]`));
    const P = '    - { kind: producer, id: p }\n    - { kind: topic, id: t }';

    test('a pinned node keeps its position; the others are laid out as before', () => {
      const plain = loadCourse({ 'lessons/99-demo.md': withNodes(`${P}\n    - { kind: topic, id: later }`) });
      const pinned = loadCourse({ 'lessons/99-demo.md': withNodes(`${P}\n    - { kind: topic, id: later, position: { x: 900, y: 40 } }`) });
      expect(pinned.problems).toEqual([]);
      const at = (c: typeof plain, id: string) => c.lessons[0].start.nodes.find((n) => n.id === id)!.position;
      expect(at(pinned, 'later')).toEqual({ x: 900, y: 40 });
      // Unpinned, the topic without arrows takes the first column, to the left of the producer.
      expect(at(plain, 'later').x).toBeLessThan(at(plain, 'p').x);
      expect(at(pinned, 'p').x).toBeLessThan(at(pinned, 't').x);
      expect(at(pinned, 't').x).toBeLessThan(900);
    });

    test('a pin overlapping another node is refused, naming both', () => {
      const at = loadCourse({ 'lessons/99-demo.md': withNodes(P) }).lessons[0].start.nodes.find((n) => n.id === 't')!.position;
      const problems = problemsOf(withNodes(`${P}\n    - { kind: topic, id: later, position: { x: ${at.x + 10}, y: ${at.y + 10} } }`));
      expect(problems).toEqual([expect.stringMatching(/^lessons\/99-demo\.md:1: .*node "later" at position \(\d+, \d+\) overlaps "t"/)]);
    });

    test('a bad position, or one on a broker, is refused with what is wrong', () => {
      expect(problemsOf(withNodes(`${P}\n    - { kind: topic, id: later, position: { x: -5, y: 0 } }`))).toEqual([expect.stringContaining('position.x: a position is at least 0')]);
      expect(problemsOf(withNodes(`${P}\n    - { kind: topic, id: later, position: { x: 5 } }`))).toEqual([expect.stringContaining('position.y')]);
      expect(problemsOf(withNodes(`${P}\n    - { kind: broker, id: b, position: { x: 900, y: 900 } }`))).toEqual([expect.stringContaining('brokers always sit in their row')]);
    });
  });
});
