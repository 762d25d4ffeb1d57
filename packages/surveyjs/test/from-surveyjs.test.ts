import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Model } from 'survey-core';
import { listQuestions, type Question, type Questionnaire, type RatingQuestion, type Scale } from '@sipas/schema';
import { SurveyJSImportError, fromSurveyJS, type ConversionWarning } from '@sipas/surveyjs';
import { assertValid } from './helpers.js';

/** Converts, checks the result is a valid questionnaire, and returns it with the warnings. */
function importValid(json: unknown) {
  const result = fromSurveyJS(json);
  assertValid(result.questionnaire);
  return result;
}

const questionsOf = (questionnaire: Questionnaire): Question[] => listQuestions(questionnaire).map(({ question }) => question);
const codes = (warnings: ConversionWarning[]) => warnings.map((w) => [w.path, w.code]);
const onePage = (...elements: unknown[]) => ({ title: 'Khảo sát', locale: 'vi', pages: [{ name: 'page1', elements }] });

describe('fromSurveyJS', () => {
  describe('question types', () => {
    it('should read a radiogroup with string choices as a single choice with values and texts', () => {
      const { questionnaire, warnings } = importValid(
        onePage({ type: 'radiogroup', name: 'visited', title: 'Đã đến chưa?', choices: ['Yes', 'No', '3|Ba', 4], showOtherItem: true, colCount: 2 }),
      );
      assert.deepEqual(warnings, []);
      assert.deepEqual(questionsOf(questionnaire), [
        {
          type: 'single',
          name: 'visited',
          title: 'Đã đến chưa?',
          choices: [
            { value: 'Yes', text: 'Yes' },
            { value: 'No', text: 'No' },
            { value: '3', text: 'Ba' },
            { value: 4, text: '4' },
          ],
          other: true,
          columns: 2,
        },
      ]);
    });

    it('should read a checkbox with showNoneItem as a multiple choice with a none option', () => {
      const { questionnaire, warnings } = importValid(
        onePage({ type: 'checkbox', name: 'ways', choices: ['a', 'b'], showNoneItem: true, noneText: 'Không cách nào', maxSelectedChoices: 2 }),
      );
      assert.deepEqual(warnings, []);
      const [question] = questionsOf(questionnaire);
      assert.deepEqual(question, {
        type: 'multiple',
        name: 'ways',
        title: 'ways',
        choices: [
          { value: 'a', text: 'a' },
          { value: 'b', text: 'b' },
        ],
        none: { text: 'Không cách nào' },
        validators: [{ type: 'count', max: 2 }],
      });
    });

    it('should read an exclusive checkbox item as the none option', () => {
      const { questionnaire } = importValid(onePage({ type: 'checkbox', name: 'ways', choices: ['a', { value: 'nothing', text: 'Nothing', isExclusive: true }] }));
      const [question] = questionsOf(questionnaire);
      assert.deepEqual(question && question.type === 'multiple' ? [question.choices, question.none] : [], [[{ value: 'a', text: 'a' }], { value: 'nothing', text: 'Nothing' }]);
    });

    it('should read a matrix as a likert grid, renaming row values that are not names', () => {
      const json = onePage(
        { type: 'matrix', name: 'grid', columns: [1, 2, 3], rows: ['Row one', { value: 'fast', text: { default: 'Fast', vi: 'Nhanh' } }], isAllRowRequired: true },
        { type: 'comment', name: 'why', visibleIf: '{grid.Row one} = 1' },
      );
      const { questionnaire, warnings } = importValid(json);
      assert.deepEqual(codes(warnings), [['/pages/0/elements/0/rows/0', 'renamed']]);
      const [grid, why] = questionsOf(questionnaire);
      assert.deepEqual(grid, {
        type: 'likert',
        name: 'grid',
        title: 'grid',
        scale: { levels: [1, 2, 3].map((value) => ({ value, text: String(value) })) },
        rows: [
          { value: 'Row_one', text: 'Row one' },
          { value: 'fast', text: { vi: 'Nhanh', en: 'Fast' } },
        ],
        allRowsRequired: true,
        required: true,
      });
      assert.equal(why?.visibleIf, '{grid.Row_one} = 1');
    });

    it('should read a rating with rateMin/rateMax as the levels survey-core shows', () => {
      const element = { type: 'rating', name: 'score', rateMin: 0, rateMax: 4, rateType: 'stars', minRateDescription: 'Tệ', maxRateDescription: 'Tốt' };
      const { questionnaire, warnings } = importValid(onePage(element));
      assert.deepEqual(warnings, []);
      const question = questionsOf(questionnaire)[0] as RatingQuestion;
      const shown = (new Model(onePage(element)).getQuestionByName('score') as unknown as { visibleRateValues: { value: unknown }[] }).visibleRateValues;
      assert.equal(question.type, 'rating');
      assert.equal(typeof question.scale, 'object');
      const { levels } = question.scale as Scale;
      assert.deepEqual(levels.map((level) => level.value), shown.map((v) => v.value));
      assert.deepEqual(levels.map((level) => level.text), ['Tệ', '1', '2', '3', 'Tốt']);
      assert.equal(question.display, 'stars');
    });

    it('should turn a rating with too many levels for a scale into a dropdown, with a warning', () => {
      const { questionnaire, warnings } = importValid(onePage({ type: 'rating', name: 'nps', rateMin: 0, rateMax: 20 }));
      assert.deepEqual(codes(warnings), [['/pages/0/elements/0', 'type-approximated']]);
      assert.equal(questionsOf(questionnaire)[0]?.type, 'dropdown');
    });

    it('should read html as an info question, and warn when markup is lost', () => {
      const { questionnaire, warnings } = importValid(onePage({ type: 'html', name: 'intro', html: '<p>Xin <b>chào</b> &amp; cảm ơn</p>' }, { type: 'text', name: 'a' }));
      assert.deepEqual(codes(warnings), [['/pages/0/elements/0/html', 'html-markup-lost']]);
      assert.deepEqual(questionsOf(questionnaire)[0], { type: 'info', name: 'intro', text: 'Xin chào & cảm ơn' });
    });

    it('should read text, comment, dropdown and boolean questions with their properties', () => {
      const { questionnaire, warnings } = importValid(
        onePage(
          { type: 'text', name: 'age', inputType: 'number', min: 15, max: 120, minErrorText: 'Sai tuổi', isRequired: true, requiredErrorText: 'Cần trả lời' },
          { type: 'text', name: 'mail', validators: [{ type: 'email' }, { type: 'text', maxLength: 50, text: 'Quá dài' }, { type: 'regex', regex: '@x\\.vn$' }] },
          { type: 'comment', name: 'note', rows: 3, maxLength: 200, placeholder: 'Ghi chú' },
          { type: 'dropdown', name: 'place', choices: ['A', 'B'], searchEnabled: false, showOtherItem: true, otherText: 'Nơi khác' },
          { type: 'boolean', name: 'ok', labelTrue: 'Có', labelFalse: 'Không', readOnly: true },
        ),
      );
      assert.deepEqual(warnings, []);
      assert.deepEqual(questionsOf(questionnaire), [
        {
          type: 'text',
          name: 'age',
          title: 'age',
          inputType: 'number',
          validators: [{ type: 'range', min: 15, max: 120, message: 'Sai tuổi' }],
          required: true,
          requiredMessage: 'Cần trả lời',
        },
        {
          type: 'text',
          name: 'mail',
          title: 'mail',
          inputType: 'email',
          validators: [
            { type: 'length', max: 50, message: 'Quá dài' },
            { type: 'pattern', pattern: '@x\\.vn$' },
          ],
        },
        { type: 'comment', name: 'note', title: 'note', placeholder: 'Ghi chú', rows: 3, validators: [{ type: 'length', max: 200 }] },
        {
          type: 'dropdown',
          name: 'place',
          title: 'place',
          other: { text: 'Nơi khác' },
          choices: [
            { value: 'A', text: 'A' },
            { value: 'B', text: 'B' },
          ],
          searchable: false,
        },
        { type: 'boolean', name: 'ok', title: 'ok', labelTrue: 'Có', labelFalse: 'Không', enableIf: 'false' },
      ]);
    });

    it('should warn about a type it does not support, with the path of the element', () => {
      const { questionnaire, warnings } = importValid(onePage({ type: 'text', name: 'a' }, { type: 'signaturepad', name: 'sign' }));
      assert.deepEqual(codes(warnings), [['/pages/0/elements/1/type', 'unsupported-type']]);
      assert.deepEqual(questionsOf(questionnaire).map((q) => q.name), ['a']);
    });

    it('should warn about validators and properties it cannot carry', () => {
      const { warnings } = importValid(
        onePage({
          type: 'text',
          name: 'a',
          defaultValue: 'x',
          startWithNewLine: false,
          validators: [{ type: 'answercount', maxCount: 1 }, { type: 'unknownvalidator' }, { type: 'expression', expression: '{a} notempty' }],
        }),
      );
      assert.deepEqual(codes(warnings), [
        ['/pages/0/elements/0/validators/0/type', 'validator-not-applicable'],
        ['/pages/0/elements/0/validators/1/type', 'unsupported-validator'],
        ['/pages/0/elements/0/validators/2/text', 'default-message'],
        ['/pages/0/elements/0/defaultValue', 'unsupported-property'],
        ['/pages/0/elements/0/startWithNewLine', 'layout-property-ignored'],
      ]);
    });
  });

  describe('structure', () => {
    it('should put elements written directly on a page into a generated section', () => {
      const { questionnaire } = importValid(onePage({ type: 'text', name: 'a' }, { type: 'panel', name: 'p', title: 'Nhóm', elements: [{ type: 'text', name: 'b' }] }, { type: 'text', name: 'c' }));
      assert.deepEqual(
        questionnaire.pages[0]!.sections.map((s) => [s.title, s.questions.map((q) => q.name)]),
        [
          [undefined, ['a']],
          ['Nhóm', ['b']],
          [undefined, ['c']],
        ],
      );
    });

    it('should flatten nested panels into sections that keep their parents’ visibility, with a warning', () => {
      const { questionnaire, warnings } = importValid(
        onePage(
          { type: 'text', name: 'x' },
          {
            type: 'panel',
            name: 'outer',
            visibleIf: '{x} = 1',
            elements: [{ type: 'text', name: 'a' }, { type: 'panel', name: 'inner', visibleIf: '{a} = 2', elements: [{ type: 'text', name: 'b' }] }, { type: 'text', name: 'c' }],
          },
        ),
      );
      assert.deepEqual(codes(warnings), [['/pages/0/elements/1/elements/1', 'nested-panel']]);
      assert.deepEqual(
        questionnaire.pages[0]!.sections.map((s) => [s.name, s.visibleIf, s.questions.map((q) => q.name)]),
        [
          ['section1', undefined, ['x']],
          ['outer', '{x} = 1', ['a']],
          ['inner', '({x} = 1) and ({a} = 2)', ['b']],
          ['outer_cont', '{x} = 1', ['c']],
        ],
      );
    });

    it('should read a survey without pages as one page', () => {
      const { questionnaire } = importValid({ title: 'T', elements: [{ type: 'text', name: 'a' }] });
      assert.equal(questionnaire.pages.length, 1);
      assert.equal(questionnaire.pages[0]!.sections[0]!.questions[0]!.name, 'a');
    });

    it('should warn about survey-level logic it does not support', () => {
      const { warnings } = importValid({
        ...onePage({ type: 'text', name: 'a' }),
        calculatedValues: [{ name: 'total', expression: '{a} + 1' }],
        triggers: [{ type: 'complete', expression: '{a} = 1' }],
      });
      assert.deepEqual(codes(warnings), [
        ['/calculatedValues', 'unsupported-property'],
        ['/triggers', 'unsupported-property'],
      ]);
    });

    it('should drop empty pages and panels with a warning', () => {
      const { questionnaire, warnings } = importValid({ title: 'T', locale: 'vi', pages: [{ name: 'empty', elements: [] }, { name: 'p2', elements: [{ type: 'panel', name: 'none' }, { type: 'text', name: 'a' }] }] });
      assert.deepEqual(codes(warnings), [
        ['/pages/0', 'empty-element-dropped'],
        ['/pages/1/elements/0', 'empty-element-dropped'],
      ]);
      assert.deepEqual(questionnaire.pages.map((p) => p.name), ['p2']);
    });
  });

  describe('names and logic', () => {
    it('should make valid, unique names and follow them in expressions, whatever the case', () => {
      const { questionnaire, warnings } = importValid(
        onePage(
          { type: 'text', name: 'Tuổi của bạn', inputType: 'number' },
          { type: 'radiogroup', name: 'unit', choices: ['a'], showOtherItem: true },
          { type: 'text', name: '2nd' },
          { type: 'comment', name: 'why', visibleIf: "{TUỔI CỦA BẠN} > 60 and {unit-Comment} notempty and {2nd} empty" },
        ),
      );
      assert.deepEqual(codes(warnings), [
        ['/pages/0/elements/0/name', 'renamed'],
        ['/pages/0/elements/1/name', 'renamed'],
        ['/pages/0/elements/2/name', 'renamed'],
      ]);
      const names = questionsOf(questionnaire).map((q) => q.name);
      assert.deepEqual(names, ['Tuoi_cua_ban', 'unit_q', 'q_2nd', 'why']);
      assert.equal(questionsOf(questionnaire)[3]?.visibleIf, '{Tuoi_cua_ban} > 60 and {unit_q-other} notempty and {q_2nd} empty');
    });

    it('should turn visible: false into visibleIf: "false" and keep visibleIf over visible', () => {
      const { questionnaire } = importValid(onePage({ type: 'text', name: 'a', visible: false }, { type: 'text', name: 'b', visible: false, visibleIf: "{a} = 'x'" }));
      assert.deepEqual(questionsOf(questionnaire).map((q) => q.visibleIf), ['false', "{a} = 'x'"]);
    });

    it('should drop, with a warning, expressions outside our language or naming nothing converted', () => {
      const { questionnaire, warnings } = importValid(
        onePage(
          { type: 'text', name: 'a', inputType: 'number' },
          { type: 'text', name: 'b', visibleIf: '{a} ^ 2 > 4' },
          { type: 'text', name: 'c', visibleIf: '{total} > 4', enableIf: 'negate {a}' },
          { type: 'radiogroup', name: 'd', choices: [{ value: 'x', visibleIf: '{item} != 1' }] },
        ),
      );
      assert.deepEqual(codes(warnings), [
        ['/pages/0/elements/1/visibleIf', 'expression-not-supported'],
        ['/pages/0/elements/2/visibleIf', 'unknown-reference'],
        ['/pages/0/elements/2/enableIf', 'expression-not-supported'],
        ['/pages/0/elements/3/choices/0/visibleIf', 'unknown-reference'],
      ]);
      assert.ok(questionsOf(questionnaire).every((q) => q.visibleIf === undefined));
    });
  });

  describe('texts and locales', () => {
    it('should take Vietnamese from "vi" and English from "default"', () => {
      const { questionnaire, warnings } = importValid({
        title: { default: 'Survey', vi: 'Khảo sát', de: 'Umfrage', 'zh-cn': '调查' },
        pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }] }],
      });
      assert.deepEqual(warnings, []);
      assert.deepEqual(questionnaire.title, { vi: 'Khảo sát', de: 'Umfrage', 'zh-CN': '调查', en: 'Survey' });
      assert.deepEqual(questionnaire.locales, ['vi', 'de', 'en', 'zh-CN']);
    });

    it('should use default texts as Vietnamese when there are none, with a warning', () => {
      const { questionnaire, warnings } = importValid({ title: 'Survey', pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: 'Age' }] }] });
      assert.deepEqual(codes(warnings), [['', 'default-locale-as-vietnamese']]);
      assert.equal(questionnaire.title, 'Survey');
    });

    it('should give a title to a survey without one, with a warning', () => {
      const { questionnaire, warnings } = importValid({ locale: 'vi', pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }] }] });
      assert.deepEqual(codes(warnings), [['/title', 'missing-title']]);
      assert.equal(questionnaire.id, 'surveyjs-import');
    });

    it('should warn when a text uses {name} to show an answer', () => {
      const { warnings } = importValid(onePage({ type: 'text', name: 'a' }, { type: 'text', name: 'b', title: 'Vì sao {a}?' }));
      assert.deepEqual(codes(warnings), [['/pages/0/elements/1/title', 'text-placeholder']]);
    });
  });

  describe('bad input', () => {
    const rejects = (json: unknown, code: string, path: string) =>
      assert.throws(
        () => fromSurveyJS(json),
        (error: unknown) => {
          assert.ok(error instanceof SurveyJSImportError);
          assert.equal(error.code, code);
          assert.equal(error.path, path);
          assert.ok(error.localized.vi.length > 0 && error.localized.en.length > 0);
          return true;
        },
      );

    it('should reject what is not an object', () => {
      for (const json of [null, undefined, 'survey', 42, [], true]) rejects(json, 'not-an-object', '');
    });

    it('should reject pages that are not an array', () => {
      rejects({ pages: { name: 'p' } }, 'pages-not-array', '/pages');
    });

    it('should reject a survey with neither pages nor elements', () => {
      rejects({ title: 'T' }, 'no-pages', '/pages');
    });

    it('should reject a survey in which nothing converts', () => {
      rejects(onePage({ type: 'signaturepad', name: 's' }), 'no-questions', '/pages');
    });

    it('should either give a valid questionnaire or throw SurveyJSImportError, for any JSON', () => {
      const element = fc.record(
        {
          type: fc.constantFrom('text', 'comment', 'radiogroup', 'checkbox', 'dropdown', 'rating', 'matrix', 'boolean', 'html', 'panel', 'file', 'tagbox'),
          name: fc.oneof(fc.string(), fc.constantFrom('a', 'b', 'A', 'channel')),
          title: fc.oneof(fc.string(), fc.dictionary(fc.constantFrom('default', 'vi', 'en', 'xx-yy', 'vi-VN'), fc.string())),
          choices: fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.record({ value: fc.jsonValue(), text: fc.jsonValue() }))),
          rows: fc.array(fc.oneof(fc.string(), fc.integer())),
          columns: fc.array(fc.oneof(fc.string(), fc.integer())),
          visibleIf: fc.oneof(fc.string(), fc.constantFrom('{a} = 1', '{b.x} notempty', '{a-Comment} empty')),
          validators: fc.array(fc.record({ type: fc.constantFrom('numeric', 'text', 'regex', 'expression', 'answercount', 'email'), text: fc.string() })),
          elements: fc.array(fc.record({ type: fc.constantFrom('text', 'panel'), name: fc.string() }, { requiredKeys: [] })),
          extra: fc.jsonValue(),
        },
        { requiredKeys: ['type'] },
      );
      const survey = fc.oneof(
        fc.jsonValue(),
        fc.record({ title: fc.jsonValue(), pages: fc.array(fc.record({ name: fc.jsonValue(), elements: fc.array(element) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
        fc.record({ elements: fc.array(element), sipas: fc.jsonValue() }),
      );
      let converted = 0;
      fc.assert(
        fc.property(survey, (json) => {
          try {
            const { questionnaire } = fromSurveyJS(json);
            assertValid(questionnaire);
            converted++;
          } catch (error) {
            if (!(error instanceof SurveyJSImportError)) throw error;
          }
        }),
        { numRuns: 300 },
      );
      assert.ok(converted > 30, `only ${converted} surveys converted`);
    });
  });
});

describe('fromSurveyJS review regressions', () => {
  const importOne = (element: Record<string, unknown>) => fromSurveyJS({ pages: [{ name: 'p', elements: [element, { type: 'text', name: 'keep' }] }] });

  it('should read isRequired written as a string, and report other values', () => {
    const asString = importOne({ type: 'text', name: 'req', isRequired: 'true' });
    const question = asString.questionnaire.pages[0]!.sections[0]!.questions.find((q) => q.name === 'req') as { required?: boolean };
    assert.equal(question.required, true);
    const odd = importOne({ type: 'text', name: 'req', isRequired: 'yes' });
    assert.ok(odd.warnings.some((w) => w.code === 'invalid-value' && w.path.endsWith('/isRequired')));
  });

  it('should say that a rating without levels is dropped', () => {
    const { questionnaire, warnings } = importOne({ type: 'rating', name: 're', rateMin: 5, rateMax: 1 });
    assert.ok(!questionnaire.pages[0]!.sections[0]!.questions.some((q) => q.name === 're'));
    assert.ok(warnings.some((w) => w.code === 'empty-element-dropped'));
    assert.ok(!warnings.some((w) => w.code === 'type-approximated'));
  });

  it('should not keep scripts, styles or comments as text', () => {
    const { questionnaire } = importOne({ type: 'html', name: 'h', html: '<p>Xin chào</p><script>alert(1)</script><style>p{}</style><!-- <b>x</b> -->' });
    const info = questionnaire.pages[0]!.sections[0]!.questions.find((q) => q.name === 'h') as { text?: unknown; title?: unknown };
    const shown = JSON.stringify(info);
    assert.match(shown, /Xin chào/);
    assert.doesNotMatch(shown, /alert|p\{\}|-->/);
  });
});
