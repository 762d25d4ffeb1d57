import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Model } from 'survey-core';
import { QuestionTypeRegistry, listQuestions, validateQuestionnaire, type Question, type Questionnaire } from '@sipas/schema';
import { fromSurveyJS, toSurveyJS } from '@sipas/surveyjs';
import { expressionsOf, questionnaireWith, registerCustomProperties, standardQuestionnaires } from './helpers.js';

/** toSurveyJS, then fromSurveyJS on a JSON copy of the result (what a file or a network hop gives). */
function roundTrip(questionnaire: Questionnaire, types?: QuestionTypeRegistry) {
  const exported = toSurveyJS(questionnaire);
  const imported = fromSurveyJS(JSON.parse(JSON.stringify(exported.json)), types ? { types } : {});
  return { exported, imported };
}

/** Questions that use every optional form a property can take. */
const edgeQuestions: Question[] = [
  { type: 'info', name: 'heading', title: { vi: 'Phần A', en: 'Part A' } },
  { type: 'info', name: 'note', text: 'Dòng 1\nDòng 2 <b>không</b> phải HTML & {heading}', description: 'Ghi chú' },
  { type: 'text', name: 'plain', title: 'Văn bản', inputType: 'text', required: false, validators: [] },
  {
    type: 'text',
    name: 'when',
    title: { vi: 'Ngày', en: 'Date' },
    inputType: 'date',
    validators: [
      { type: 'expression', expression: 'age({when}) >= 0', message: { vi: 'Sai', en: 'Wrong' } },
      { type: 'range', min: '2020-01-01', max: '2030-12-31', message: 'Ngoài khoảng' },
      { type: 'range', max: '2029-01-01' },
    ],
  },
  { type: 'text', name: 'count_q', title: 'Số', inputType: 'number', validators: [{ type: 'range', min: 0.5 }, { type: 'range', max: 1e6 }] },
  { type: 'text', name: 'email_q', title: 'Email', inputType: 'email', validators: [{ type: 'length', min: 0, max: 0 }, { type: 'pattern', pattern: '@' }] },
  { type: 'comment', name: 'long', title: 'Dài', rows: 5, placeholder: { vi: 'Viết…', en: 'Write…' }, requiredMessage: 'Cần', required: true },
  { type: 'single', name: 's1', title: 'S1', choices: [{ value: 1, text: 'Một', visibleIf: 'not {plain} empty' }, { value: 'x', text: { vi: 'X' } }], other: false, columns: 2 },
  { type: 'single', name: 's2', title: 'S2', choices: [{ value: 'a', text: 'A' }], other: { text: { vi: 'Khác', en: 'Other' } } },
  { type: 'multiple', name: 'm1', title: 'M1', choices: [{ value: 'a', text: 'A' }], none: false, other: true },
  { type: 'multiple', name: 'm2', title: 'M2', choices: [{ value: 'a', text: 'A' }], none: {} },
  { type: 'multiple', name: 'm3', title: 'M3', choices: [{ value: 'a', text: 'A' }], none: { value: 'none' } },
  { type: 'multiple', name: 'm4', title: 'M4', choices: [{ value: 'a', text: 'A' }], none: { text: 'Không' } },
  { type: 'multiple', name: 'm5', title: 'M5', choices: [{ value: 'a', text: 'A' }], none: { value: 0 } },
  { type: 'multiple', name: 'm6', title: 'M6', choices: [{ value: 'a', text: 'A' }], none: { value: 'nil', text: { vi: 'Không gì', en: 'Nothing' } }, validators: [{ type: 'count', min: 1 }] },
  { type: 'dropdown', name: 'd1', title: 'D1', choices: [{ value: 'a', text: 'A' }], other: true, searchable: false, placeholder: 'Chọn' },
  { type: 'rating', name: 'r1', title: 'R1', scale: 'agreement-4', display: 'buttons', code: 'R-1' },
  { type: 'rating', name: 'r2', title: 'R2', scale: { levels: [{ value: 'lo', text: 'Thấp' }, { value: 'hi', text: 'Cao' }] }, display: 'stars' },
  { type: 'rating', name: 'r3', title: 'R3', scale: { title: 'Thang', satisfied: [2], levels: [{ value: 1, text: '1' }, { value: 2, text: '2' }] } },
  { type: 'likert', name: 'g1', title: 'G1', scale: 'satisfaction-5', rows: [{ value: 'x', text: 'X', code: 'G1-X' }], noOpinion: false, allRowsRequired: false },
  { type: 'likert', name: 'g2', title: 'G2', scale: 'satisfaction-3', rows: [{ value: 'x', text: 'X' }], noOpinion: { text: 'Không rõ' }, allRowsRequired: true },
  { type: 'likert', name: 'g3', title: 'G3', scale: 'expectation-3', rows: [{ value: 'x', text: 'X', visibleIf: '{g2.x} = 1' }], noOpinion: { value: 9 }, required: true, allRowsRequired: true },
  { type: 'likert', name: 'g4', title: 'G4', scale: 'interest-3', rows: [{ value: 'x', text: 'X' }], noOpinion: { value: 'na', text: { vi: 'KCYK', en: 'NA' } }, requiredIf: '{r1} = 1' },
  { type: 'boolean', name: 'b1', title: 'B1', labelTrue: 'Có', enableIf: '-{count_q} < 0 or {count_q} = .5', visibleIf: 'IIF({s2} = \'other\', {s2-other} notempty, true)' },
  { type: 'text', name: 'last', title: 'Cuối', visibleIf: '{m1-other} notempty and {g3.x} anyof [1, 2] and !({b1} = true)', requiredIf: '({count_q} + 1) empty' },
];

const edgeQuestionnaire: Questionnaire = questionnaireWith(edgeQuestions, {
  $schema: '../schemas/questionnaire.schema.json',
  version: 3,
  description: { vi: 'Mô tả', en: 'Description', fr: 'La description' },
  locales: ['vi', 'en', 'fr'],
  metadata: { status: 'draft', tags: ['edge'], 'x-owner': 'test' },
  settings: { onePerDevice: false, clearHiddenValues: 'onHidden', questionNumbers: true, progressBar: false },
  scales: { 'agreement-4': { levels: [{ value: 1, text: 'Không' }, { value: 2, text: 'Có' }], satisfied: [2] } },
  sipas: { survey: { channels: ['online'] } },
  'x-origin': { system: 'tests' },
});

describe('round trip toSurveyJS → fromSurveyJS', () => {
  describe('standard questionnaires', () => {
    for (const { id, questionnaire } of standardQuestionnaires) {
      it(`should give back ${id} exactly, without warnings`, () => {
        const { exported, imported } = roundTrip(questionnaire);
        assert.deepEqual(exported.warnings, []);
        assert.deepEqual(imported.warnings, []);
        assert.deepEqual(imported.questionnaire, questionnaire);
      });
    }
  });

  it('should give back every optional form exactly', () => {
    const { exported, imported } = roundTrip(edgeQuestionnaire);
    assert.deepEqual(
      exported.warnings.map((w) => [w.path, w.code]),
      [
        ['/pages/0/sections/0/questions/5/validators/0/max', 'length-zero-max'],
        ['/pages/0/sections/0/questions/24/requiredIf', 'expression-not-convertible'],
      ],
    );
    assert.deepEqual(imported.warnings, []);
    assert.deepEqual(imported.questionnaire, edgeQuestionnaire);
  });

  it('should give back settings written as an empty object, and one response per device', () => {
    for (const settings of [{}, { onePerDevice: true }]) {
      const questionnaire = questionnaireWith([{ type: 'text', name: 'a', title: 'A' }], { settings });
      assert.deepEqual(roundTrip(questionnaire).imported.questionnaire, questionnaire);
    }
  });

  it('should give back a question of a custom type', () => {
    const types = new QuestionTypeRegistry();
    types.register({ type: 'nps', properties: { type: 'object', properties: { max: { type: 'integer' } } } });
    const questionnaire = questionnaireWith([{ type: 'nps', name: 'n', title: 'NPS', max: 10, visibleIf: "{channel} = 'kiosk'" }], {}, { types });
    const { imported } = roundTrip(questionnaire, types);
    assert.deepEqual(imported.warnings, []);
    assert.deepEqual(imported.questionnaire, questionnaire);
  });

  it('should give back any expression exactly, also those SurveyJS spells differently', () => {
    const reference = fc.constantFrom('{n}', '{t}', '{s}', '{s-other}', '{g.r1}', '{g.r2}', '{channel}');
    const value = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map(String),
      fc.constantFrom('1.50', '.5', '2.', '1e3', "'it\\'s'", '"double"', "'a\\b'", 'TRUE', 'false', 'null', "'kiosk'", '[]', "[1, 'x']"),
    );
    const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        reference,
        value,
        fc.tuple(tie('e'), fc.constantFrom(' = ', ' <> ', '<=', ' >= ', ' contains ', ' anyof ', ' + ', ' * ', ' % ', ' and ', ' OR ', ' && '), tie('e')).map(([a, op, b]) => `${a}${op}${b}`),
        fc.tuple(fc.constantFrom('not ', '!', '-', '- '), tie('e')).map(([op, a]) => `${op}${a}`),
        fc.tuple(reference, fc.constantFrom(' empty', ' notempty', ' EMPTY')).map(([a, op]) => `${a}${op}`),
        tie('e').map((a) => `(${a})`),
        fc.tuple(fc.constantFrom('iif', 'IIF', 'count', 'round', 'max'), tie('e'), tie('e'), tie('e')).map(([f, a, b, c]) =>
          f.toLowerCase() === 'iif' ? `${f}(${a}, ${b}, ${c})` : f === 'count' ? `count(${a})` : `${f}(${a}, ${b})`,
        ),
      ),
    })).e;
    const base: Question[] = [
      { type: 'text', name: 'n', title: 'N', inputType: 'number' },
      { type: 'text', name: 't', title: 'T' },
      { type: 'single', name: 's', title: 'S', choices: [{ value: 'a', text: 'A' }], other: true },
      { type: 'likert', name: 'g', title: 'G', scale: 'satisfaction-5', rows: [{ value: 'r1', text: 'R1' }, { value: 'r2', text: 'R2' }] },
    ];
    fc.assert(
      fc.property(expression, (source) => {
        const questionnaire: Questionnaire = {
          formatVersion: '1.0',
          id: 'expressions',
          title: 'Biểu thức',
          pages: [{ name: 'p', sections: [{ name: 's1', questions: [...base, { type: 'comment', name: 'c', title: 'C', visibleIf: source }] }] }],
        };
        fc.pre(validateQuestionnaire(questionnaire).valid);
        const { exported, imported } = roundTrip(questionnaire);
        assert.deepEqual(imported.questionnaire, questionnaire);
        assert.equal(imported.warnings.length, 0);
        assert.ok(exported.warnings.every((w) => w.code === 'expression-not-convertible'));
      }),
      { numRuns: 300 },
    );
  });

  describe('through survey-core (custom properties registered, as in SurveyJS Creator)', () => {
    registerCustomProperties();
    for (const { id, questionnaire } of standardQuestionnaires) {
      it(`should keep ${id}'s questions, logic and SIPAS data through Model.toJSON()`, () => {
        const model = new Model(toSurveyJS(questionnaire).json);
        assert.deepEqual(model.jsonErrors ?? [], []);
        const { questionnaire: back } = fromSurveyJS(model.toJSON());
        assert.deepEqual(validateQuestionnaire(back).errors, []);
        // survey-core drops values equal to its defaults (rateType "labels", showProgressBar false…),
        // so compare what carries meaning: questions, their codes, logic, choices and the SIPAS block.
        const summary = (q: Questionnaire) =>
          listQuestions(q).map(({ question }) => ({ name: question.name, type: question.type, code: (question as { code?: string }).code }));
        assert.deepEqual(summary(back), summary(questionnaire));
        assert.deepEqual(expressionsOf(back), expressionsOf(questionnaire));
        assert.deepEqual(back.sipas, questionnaire.sipas);
        assert.equal(back.id, questionnaire.id);
        assert.deepEqual(back.title, questionnaire.title);
      });
    }
  });
});
