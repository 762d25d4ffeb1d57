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
