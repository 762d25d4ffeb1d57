import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';

const base = JSON.parse(readFileSync(new URL('../../../fixtures/questionnaires/valid/compact-all-types.json', import.meta.url), 'utf8')) as Questionnaire;

/** The compact fixture with an index model over one likert row that has a "no opinion" column. */
function withLikertItem(node: Record<string, unknown>): Questionnaire {
  const questionnaire = structuredClone(base);
  const grid = questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).find((q) => q.type === 'likert') as { name: string; rows: { value: string }[]; noOpinion?: unknown };
  grid.noOpinion = true;
  questionnaire.sipas = { ...questionnaire.sipas, index: { root: { id: 'ITEM', source: { question: grid.name, row: grid.rows[0]!.value }, ...node } } };
  return questionnaire;
}

const codes = (questionnaire: unknown) => validateQuestionnaire(questionnaire).errors.map((e) => [e.code, e.path]);

describe('validateQuestionnaire details', () => {
  it('should let an index item exclude the "no opinion" column but not count it as satisfied', () => {
    assert.deepEqual(codes(withLikertItem({ excluded: ['na'] })), []);
    assert.deepEqual(codes(withLikertItem({ satisfied: ['na'] })), [
      ['index-unknown-value', '/sipas/index/root/satisfied/0'],
      ['index-no-satisfied-set', '/sipas/index/root/satisfied'],
    ]);
  });

  it('should report a node with children that asks for "share" once, at its method', () => {
    const questionnaire = withLikertItem({});
    const root = questionnaire.sipas!.index!.root;
    questionnaire.sipas!.index!.root = { id: 'ROOT', method: 'share', children: [{ ...root }] };
    assert.deepEqual(codes(questionnaire), [['index-method-mismatch', '/sipas/index/root/method']]);
  });

  it('should say what a translation key should look like', () => {
    const questionnaire = structuredClone(base);
    questionnaire.title = { vi: 'Khảo sát', english: 'Survey' } as never;
    const [error] = validateQuestionnaire(questionnaire).errors;
    assert.equal(error?.code, 'invalid-key');
    assert.equal(error?.path, '/title/english');
    assert.match(error!.message.en, /locale code/);
  });

  it('should show numbers in messages as numbers', () => {
    const questionnaire = structuredClone(base);
    questionnaire.scales = { 'agree-2': { levels: [{ value: 2, text: 'Có' }, { value: 2, text: 'Không' }] } };
    const error = validateQuestionnaire(questionnaire).errors.find((e) => e.code === 'duplicate-scale-value');
    assert.match(error!.message.en, /Level 2 is repeated/);
  });
});

describe('dependency cycles', () => {
  const questionnaire = (questions: Record<string, unknown>[], pageVisibleIf?: string) =>
    ({
      formatVersion: '1.0',
      id: 'cycles',
      title: 'Vòng',
      pages: [{ name: 'p1', ...(pageVisibleIf ? { visibleIf: pageVisibleIf } : {}), sections: [{ name: 's1', questions }] }],
    }) as unknown as Questionnaire;
  const yesNo = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'boolean', name, title: name, ...extra });

  it('should accept conditions that form a chain', () => {
    assert.deepEqual(codes(questionnaire([yesNo('a'), yesNo('b', { visibleIf: '{a} = true' }), yesNo('c', { enableIf: '{a} = true and {b} = true' })])), []);
  });

  it('should locate a question whose condition names itself', () => {
    assert.deepEqual(codes(questionnaire([yesNo('a', { requiredIf: '{a} empty' })])), [['dependency-cycle', '/pages/0/sections/0/questions/0/requiredIf']]);
  });

  it('should locate a circle through several questions once, with the chain in the message', () => {
    const result = validateQuestionnaire(
      questionnaire([yesNo('a', { visibleIf: '{c} = true' }), yesNo('b', { visibleIf: '{a} = true' }), yesNo('c', { enableIf: '{b} = true' })]),
    );
    assert.deepEqual(result.errors.map((e) => [e.code, e.path]), [['dependency-cycle', '/pages/0/sections/0/questions/0/visibleIf']]);
    assert.match(result.errors[0]!.message.en, /a → c → b → a/);
  });

  it('should see a circle through the page that holds the question', () => {
    assert.deepEqual(codes(questionnaire([yesNo('a'), yesNo('b')], '{b} = true')), [['dependency-cycle', '/pages/0/visibleIf']]);
  });

  it('should not count expression rules, which may read their own answer', () => {
    const age = { type: 'text', name: 'age', title: 'Tuổi', inputType: 'number', validators: [{ type: 'expression', expression: '{age} >= 18', message: 'Từ 18 tuổi' }] };
    assert.deepEqual(codes(questionnaire([age])), []);
  });
});

describe('review regressions', () => {
  const one = (question: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ formatVersion: '1.0', id: 'r', title: 'R', pages: [{ name: 'p', sections: [{ name: 's', questions: [question] }] }], ...extra }) as unknown as Questionnaire;

  it('should refuse thousands of nested brackets with a syntax error, not a crash', () => {
    const result = validateQuestionnaire(one({ type: 'boolean', name: 'a', title: 'A', visibleIf: '('.repeat(1990) }));
    assert.deepEqual(result.errors.map((e) => e.code), ['expression-syntax']);
  });

  it('should refuse a "none" option that takes the value of "other"', () => {
    const errors = codes(one({ type: 'multiple', name: 'm', title: 'M', other: true, none: { value: 'other' }, choices: [{ value: 'a', text: 'A' }] }));
    assert.deepEqual(errors, [['reserved-choice-value', '/pages/0/sections/0/questions/0/none']]);
  });

  it('should report a question that is not an object once', () => {
    const result = validateQuestionnaire({ formatVersion: '1.0', id: 'r', title: 'R', pages: [{ name: 'p', sections: [{ name: 's', questions: [null] }] }] });
    assert.deepEqual(result.errors.map((e) => [e.code, e.path]), [['type', '/pages/0/sections/0/questions/0']]);
  });

  it('should bind each hierarchy list to one question, and see cycles through {unit}', () => {
    const unitsBlock = { sipas: { units: { items: [{ id: 'u1', label: 'U1' }] } } };
    const twice = { formatVersion: '1.0', id: 'r', title: 'R', ...unitsBlock, pages: [{ name: 'p', sections: [{ name: 's', questions: [
      { type: 'dropdown', name: 'province', title: 'Tỉnh', choicesFrom: { list: 'units' } },
      { type: 'dropdown', name: 'commune', title: 'Xã', choicesFrom: { list: 'units' } },
    ] }] }] };
    assert.deepEqual(codes(twice), [['list-bound-twice', '/pages/0/sections/0/questions/1/choicesFrom']]);
    const circular = one({ type: 'dropdown', name: 'agency', title: 'Cơ quan', choicesFrom: { list: 'units' }, visibleIf: "{unit} = 'u1'" }, unitsBlock);
    assert.deepEqual(codes(circular).map(([code]) => code), ['dependency-cycle']);
  });
});
