import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Model, type Question as SurveyQuestion } from 'survey-core';
import {
  QuestionTypeRegistry,
  asBuiltIn,
  listQuestions,
  localize,
  parseExpression,
  resolveScale,
  type ExpressionNode,
  type LikertQuestion,
  type Question,
  type Questionnaire,
} from '@sipas/schema';
import { fromSurveyJS, toSurveyJS, type SurveyJSElement, type SurveyJSJson } from '@sipas/surveyjs';
import { createTypeRegistry, defineQuestionType } from '@sipas/core';
import { compactAllTypes, expressionsOf, questionnaireWith, standardQuestionnaires, surveyJSTree } from './helpers.js';

const SURVEYJS_TYPES: Readonly<Record<string, string>> = {
  text: 'text',
  comment: 'comment',
  single: 'radiogroup',
  multiple: 'checkbox',
  dropdown: 'dropdown',
  rating: 'rating',
  likert: 'matrix',
  boolean: 'boolean',
  info: 'html',
};

/** The choice-like parts of survey-core question models the tests read. */
interface ChoiceModel extends SurveyQuestion {
  choices: { value: unknown; text: string }[];
  showOtherItem: boolean;
  showNoneItem: boolean;
}
interface RatingModel extends SurveyQuestion {
  visibleRateValues: { value: unknown; text: string }[];
  rateType: string;
}
interface MatrixModel extends SurveyQuestion {
  columns: { value: unknown; text: string }[];
  rows: { value: unknown; text: string }[];
  visibleRows: { name: unknown }[];
}

/**
 * Every condition of the standard questionnaires compares an answer with a value (or joins such
 * comparisons), so it is false while nothing is answered: a test precondition checked here.
 */
function falseWhenUnanswered(node: ExpressionNode): boolean {
  if (node.kind !== 'binary') return false;
  if (node.operator === 'or') return falseWhenUnanswered(node.left) && falseWhenUnanswered(node.right);
  if (node.operator === 'and') return falseWhenUnanswered(node.left) || falseWhenUnanswered(node.right);
  const comparisons = ['=', '<', '<=', '>', '>=', 'contains', 'anyof', 'allof'];
  const valueOnRight = node.right.kind === 'array' || (node.right.kind === 'literal' && node.right.value !== null);
  return comparisons.includes(node.operator) && node.left.kind === 'variable' && valueOnRight;
}

const isFalseWhenUnanswered = (expression: string | undefined): boolean => {
  if (expression === undefined) return false;
  const parsed = parseExpression(expression);
  return parsed.ok && falseWhenUnanswered(parsed.ast);
};

describe('toSurveyJS', () => {
  describe('standard questionnaires', () => {
    for (const { id, questionnaire } of standardQuestionnaires) {
      describe(id, () => {
        const { json, warnings } = toSurveyJS(questionnaire);
        const model = new Model(json);
        const located = listQuestions(questionnaire);

        it('should convert without warnings', () => {
          assert.deepEqual(warnings, []);
        });

        it('should load in survey-core with every question, in order, as its SurveyJS type', () => {
          assert.deepEqual(
            model.getAllQuestions().map((q) => [q.name, q.getType()]),
            located.map(({ question }) => [question.name, SURVEYJS_TYPES[question.type]]),
          );
          assert.deepEqual(model.pages.map((page) => page.name), questionnaire.pages.map((page) => page.name));
        });

        it('should report only the sipas custom properties as unknown to survey-core', () => {
          const unknown = (model.jsonErrors ?? []).map((error) => /'([^']+)'\.$/.exec(error.message)?.[1]);
          assert.ok(unknown.length > 0);
          for (const name of unknown) assert.match(name ?? '', /^sipas/);
        });

        it('should show the same pages and questions on an empty response', () => {
          // Precondition: every condition here is false when nothing is answered.
          for (const { expression, path } of expressionsOf(questionnaire).filter((e) => e.path.endsWith('visibleIf'))) {
            assert.ok(isFalseWhenUnanswered(expression), `${path}: ${expression}`);
          }
          assert.deepEqual(
            model.visiblePages.map((page) => page.name),
            questionnaire.pages.filter((page) => page.visibleIf === undefined).map((page) => page.name),
          );
          assert.deepEqual(
            model.getAllQuestions(true).map((q) => q.name),
            located
              .filter(({ page, section, question }) => !page.visibleIf && !section.visibleIf && !question.visibleIf)
              .map(({ question }) => question.name),
          );
          for (const { question } of located.filter(({ question }) => question.type === 'likert')) {
            const grid = model.getQuestionByName(question.name) as MatrixModel;
            assert.deepEqual(
              grid.visibleRows.map((row) => row.name),
              (question as LikertQuestion).rows.filter((row) => row.visibleIf === undefined).map((row) => row.value),
            );
          }
        });

        for (const locale of ['vi', 'en']) {
          it(`should offer the same choices, levels, rows and columns, in ${locale}`, () => {
            model.locale = locale;
            const text = (value: Parameters<typeof localize>[0]) => localize(value, locale);
            assert.equal(model.title, text(questionnaire.title));
            for (const { question: anyQuestion } of located) {
              const question = asBuiltIn(anyQuestion)!;
              const surveyQuestion = model.getQuestionByName(question.name);
              if (question.type !== 'info') assert.equal(surveyQuestion.title, text(question.title!), question.name);
              if (question.type === 'single' || question.type === 'multiple' || (question.type === 'dropdown' && question.choices)) {
                const choiceModel = surveyQuestion as ChoiceModel;
                assert.deepEqual(
                  choiceModel.choices.map((c) => [c.value, c.text]),
                  question.choices!.map((c) => [c.value, text(c.text)]),
                );
                assert.equal(choiceModel.showOtherItem, !!question.other, question.name);
              }
              if (question.type === 'multiple') assert.equal((surveyQuestion as ChoiceModel).showNoneItem, !!question.none);
              if (question.type === 'dropdown' && question.choicesFrom) {
                const list = questionnaire.sipas?.[question.choicesFrom.list];
                assert.ok(list);
                assert.ok((surveyQuestion as ChoiceModel).choices.length > 0);
              }
              if (question.type === 'rating') {
                const scale = resolveScale(questionnaire, question.scale)!;
                assert.deepEqual(
                  (surveyQuestion as RatingModel).visibleRateValues.map((v) => [v.value, v.text]),
                  scale.levels.map((level) => [level.value, text(level.text)]),
                );
              }
              if (question.type === 'likert') {
                const grid = surveyQuestion as MatrixModel;
                const scale = resolveScale(questionnaire, question.scale)!;
                assert.deepEqual(
                  grid.columns.slice(0, scale.levels.length).map((c) => [c.value, c.text]),
                  scale.levels.map((level) => [level.value, text(level.text)]),
                );
                assert.equal(grid.columns.length, scale.levels.length + (question.noOpinion ? 1 : 0));
                assert.deepEqual(grid.rows.map((r) => [r.value, r.text]), question.rows.map((r) => [r.value, text(r.text)]));
              }
            }
            model.locale = 'vi';
          });
        }

        it('should write every expression so that survey-core parses it', () => {
          const written: string[] = [];
          JSON.stringify(json, (key, value: unknown) => {
            if (['visibleIf', 'enableIf', 'requiredIf', 'expression'].includes(key) && typeof value === 'string') written.push(value);
            return value;
          });
          assert.equal(written.length >= expressionsOf(questionnaire).length, true);
          for (const expression of written) assert.doesNotThrow(() => surveyJSTree(expression), expression);
        });

        it('should carry the questionnaire data SurveyJS has no place for in the root sipas property', () => {
          assert.equal(json.sipas.id, questionnaire.id);
          assert.equal(json.sipas.formatVersion, questionnaire.formatVersion);
          assert.deepEqual(json.sipas.block, questionnaire.sipas);
        });
      });
    }
  });

  describe('behaviour in survey-core (compact fixture)', () => {
    const fresh = () => new Model(toSurveyJS(compactAllTypes).json);
    const errorsOf = (model: Model, name: string, value: unknown) => {
      model.setValue(name, value);
      const question = model.getQuestionByName(name);
      question.validate(true);
      return question.errors.map((error) => error.getText());
    };

    it('should show the follow-up question and make it required after a low rating', () => {
      const model = fresh();
      const reason = model.getQuestionByName('reason');
      assert.equal(reason.isVisible, false);
      model.setValue('overall', 1);
      assert.equal(reason.isVisible, true);
      assert.equal(reason.isRequired, true);
      model.setValue('overall', 2);
      assert.equal(reason.isRequired, false);
      model.setValue('overall', 5);
      model.setValue('criteria', { waiting: 2 });
      assert.equal(reason.isVisible, true, '{criteria.waiting} reads one row of the grid');
    });

    it('should read the "other" text through {name-Comment}', () => {
      const model = fresh();
      const reason = model.getQuestionByName('reason');
      model.setValue('gender', 'other');
      assert.equal(reason.isReadOnly, false, 'enabled while the other text is empty');
      model.setComment('gender', 'Không muốn nói');
      assert.equal(model.getValue('gender-Comment'), 'Không muốn nói');
      assert.equal(reason.isReadOnly, true);
    });

    it('should show a likert row only while its condition holds', () => {
      const model = fresh();
      const grid = model.getQuestionByName('criteria') as MatrixModel;
      assert.deepEqual(grid.visibleRows.map((row) => row.name), ['waiting', 'attitude']);
      model.setValue('contact_ways', ['counter']);
      assert.deepEqual(grid.visibleRows.map((row) => row.name), ['waiting', 'attitude', 'cleanliness']);
    });

    it('should apply the range, length, pattern and count rules', () => {
      const model = fresh();
      assert.equal(errorsOf(model, 'age', 10).length, 1);
      assert.deepEqual(errorsOf(model, 'age', 40), []);
      assert.equal(errorsOf(model, 'full_name', 'A').length, 1);
      assert.deepEqual(errorsOf(model, 'full_name', 'An'), []);
      model.locale = 'en';
      assert.deepEqual(errorsOf(model, 'phone', '12345'), ['A phone number has 10 digits and starts with 0']);
      assert.deepEqual(errorsOf(model, 'contact_ways', ['counter', 'portal', 'post']), ['Choose at most 2 ways']);
      assert.deepEqual(errorsOf(model, 'contact_ways', ['counter', 'portal']), []);
      assert.equal(errorsOf(model, 'visit_date', '2024-12-31').length, 1);
      assert.deepEqual(errorsOf(model, 'visit_date', '2025-01-01'), []);
    });

    it('should require every visible row of a required grid with allRowsRequired', () => {
      const model = fresh();
      assert.equal(errorsOf(model, 'criteria', { waiting: 4 }).length, 1);
      assert.deepEqual(errorsOf(model, 'criteria', { waiting: 4, attitude: 'na' }), []);
    });

    it('should make the none option exclusive', () => {
      const model = fresh();
      const question = model.getQuestionByName('contact_ways') as ChoiceModel & { renderedValue: unknown };
      model.setValue('contact_ways', ['counter']);
      question.renderedValue = ['counter', 'none'];
      assert.deepEqual(model.getValue('contact_ways'), ['none']);
    });

    it('should show faces for a rating displayed as faces', () => {
      assert.equal((fresh().getQuestionByName('overall') as RatingModel).rateType, 'smileys');
    });
  });

  describe('options of choice questions', () => {
    const single = (extra: Partial<Question>): Question =>
      ({ type: 'single', name: 'q', title: 'Q', choices: [{ value: 'a', text: 'A' }], ...extra }) as Question;
    const elementOf = (json: SurveyJSJson): SurveyJSElement => (json.pages[0]!.elements[0]!.elements as SurveyJSElement[])[0]!;

    it('should map "other" written as true, false or with a text', () => {
      assert.deepEqual(
        [true, false, { text: { vi: 'Khác (ghi rõ)', en: 'Other (specify)' } }].map((other) => {
          const el = elementOf(toSurveyJS(questionnaireWith([single({ other })])).json);
          return [el.showOtherItem, el.otherText];
        }),
        [
          [true, undefined],
          [false, undefined],
          [true, { default: 'Other (specify)', vi: 'Khác (ghi rõ)', en: 'Other (specify)' }],
        ],
      );
    });

    it('should make a none option with another value an exclusive choice', () => {
      const q = questionnaireWith([{ type: 'multiple', name: 'q', title: 'Q', choices: [{ value: 'a', text: 'A' }], none: { value: 'nothing', text: 'Không gì' } }]);
      const { json } = toSurveyJS(q);
      const el = elementOf(json);
      assert.equal(el.showNoneItem, undefined);
      assert.deepEqual(el.choices, [
        { value: 'a', text: 'A' },
        { value: 'nothing', text: 'Không gì', isExclusive: true },
      ]);
      const model = new Model(json);
      const question = model.getQuestionByName('q') as ChoiceModel & { renderedValue: unknown };
      model.setValue('q', ['a']);
      question.renderedValue = ['a', 'nothing'];
      assert.deepEqual(model.getValue('q'), ['nothing']);
    });

    it('should add the no-opinion column with the standard label', () => {
      const q = questionnaireWith([
        { type: 'likert', name: 'g', title: 'G', scale: 'satisfaction-3', rows: [{ value: 'r1', text: 'R1' }], noOpinion: { value: 0 } },
      ]);
      const model = new Model(toSurveyJS(q).json);
      const grid = model.getQuestionByName('g') as MatrixModel;
      assert.deepEqual(grid.columns.map((c) => [c.value, c.text]), [
        [1, 'Không hài lòng'],
        [2, 'Hài lòng'],
        [3, 'Rất hài lòng'],
        [0, 'Không có ý kiến'],
      ]);
    });

    it('should take the choices of a dropdown bound to a hierarchy from every item, or one level', () => {
      const values = (level?: string) => {
        const choicesFrom = { list: 'units' as const, ...(level !== undefined ? { level } : {}) };
        const q = questionnaireWith([{ type: 'dropdown', name: 'unit_q', title: 'Đơn vị', choicesFrom }], { sipas: { units: compactAllTypes.sipas!.units! } });
        return (elementOf(toSurveyJS(q).json).choices as { value: string }[]).map((c) => c.value);
      };
      assert.deepEqual(values(), ['p1', 'p1-c1', 'p1-c2']);
      assert.deepEqual(values('province'), ['p1']);
    });
  });

  describe('rules', () => {
    it('should turn a date range after the first rule into an expression validator survey-core applies', () => {
      const q = questionnaireWith([
        {
          type: 'text',
          name: 'd',
          title: 'D',
          inputType: 'date',
          validators: [
            { type: 'expression', expression: "{d} notempty", message: 'Cần ngày' },
            { type: 'range', min: '2025-01-01', message: 'Quá sớm' },
          ],
        },
      ]);
      const model = new Model(toSurveyJS(q).json);
      const question = model.getQuestionByName('d');
      model.setValue('d', '2024-06-01');
      question.validate(true);
      assert.deepEqual(question.errors.map((e) => e.getText()), ['Quá sớm']);
      model.setValue('d', '2025-06-01');
      assert.equal(question.validate(true), true);
    });

    it('should warn when a pattern uses Unicode syntax and when a maximum length is 0', () => {
      const q = questionnaireWith([
        { type: 'text', name: 't', title: 'T', validators: [{ type: 'pattern', pattern: '^\\p{L}+$' }, { type: 'length', max: 0 }] },
      ]);
      assert.deepEqual(
        toSurveyJS(q).warnings.map((w) => [w.path, w.code]),
        [
          ['/pages/0/sections/0/questions/0/validators/0/pattern', 'pattern-unicode'],
          ['/pages/0/sections/0/questions/0/validators/1/max', 'length-zero-max'],
        ],
      );
    });
  });

  describe('warnings', () => {
    it('should keep a custom question type whole in a hidden html element, with a warning', () => {
      const types = new QuestionTypeRegistry();
      types.register({ type: 'nps', properties: { type: 'object', properties: { max: { type: 'integer' } } } });
      const q = questionnaireWith([{ type: 'nps', name: 'n', title: 'NPS', max: 10 }], {}, { types });
      const { json, warnings } = toSurveyJS(q);
      assert.deepEqual(warnings.map((w) => [w.path, w.code]), [['/pages/0/sections/0/questions/0/type', 'unsupported-question-type']]);
      const model = new Model(json);
      assert.equal(model.getQuestionByName('n').isVisible, false);
    });

    it('should write a custom type\'s own SurveyJS element, and bring back what was edited on it in SurveyJS', () => {
      const schemas = new QuestionTypeRegistry();
      const types = createTypeRegistry(schemas);
      defineQuestionType(
        {
          type: 'nps',
          schema: { properties: { type: 'object', properties: { max: { type: 'integer' } } }, answer: { type: 'integer' } },
          surveyjs: { toSurveyJS: (question) => ({ type: 'rating', rateMin: 0, rateMax: (question as { max?: number }).max ?? 10 }) },
        },
        types,
      );
      const q = questionnaireWith([{ type: 'nps', name: 'n', title: 'Điểm giới thiệu', max: 10, required: true }], {}, { types: schemas });
      const { json, warnings } = toSurveyJS(q, { types });
      assert.deepEqual(warnings, []);
      const element = (json.pages[0]!.elements[0]!.elements as SurveyJSElement[])[0]!;
      assert.deepEqual([element.type, element.name, element.rateMax, element.isRequired], ['rating', 'n', 10, true]);
      const model = new Model(json);
      assert.equal(model.getQuestionByName('n').getType(), 'rating');
      // Edited in SurveyJS Creator: a new name, title and requiredness; the type's own properties come from the copy.
      Object.assign(element, { name: 'recommend', title: 'Giới thiệu cho người khác?', isRequired: false });
      const back = fromSurveyJS(json, { types: schemas }).questionnaire;
      const restored = back.pages[0]!.sections[0]!.questions[0]! as Question & { max?: number; required?: boolean };
      assert.deepEqual([restored.type, restored.name, restored.title, restored.required, restored.max], ['nps', 'recommend', 'Giới thiệu cho người khác?', false, 10]);
    });

    it('should fall back to the hidden html element, with a warning, when a type\'s SurveyJS mapping fails', () => {
      const schemas = new QuestionTypeRegistry();
      const types = createTypeRegistry(schemas);
      defineQuestionType({ type: 'nps', schema: { properties: { type: 'object' } }, surveyjs: { toSurveyJS: () => { throw new Error('not today'); } } }, types);
      const q = questionnaireWith([{ type: 'nps', name: 'n', title: 'NPS' }], {}, { types: schemas });
      const { json, warnings } = toSurveyJS(q, { types });
      assert.deepEqual(warnings.map((w) => w.code), ['mapping-failed', 'unsupported-question-type']);
      assert.match(warnings[0]!.message.en, /not today/);
      assert.equal((json.pages[0]!.elements[0]!.elements as SurveyJSElement[])[0]!.type, 'html');
    });

    it('should warn where SurveyJS reads a grid\'s own condition about a question as one of its rows', () => {
      const grid = (visibleIf: string, firstRow = 'Q4') =>
        questionnaireWith([
          { type: 'comment', name: 'q4', title: 'Ý kiến' },
          { type: 'likert', name: 'grid', title: 'Đánh giá', scale: 'satisfaction-5', rows: [{ value: firstRow, text: 'Hàng 1' }, { value: 'A', text: 'Hàng A' }], visibleIf },
        ]);
      const { json, warnings } = toSurveyJS(grid('{q4} notempty'));
      assert.deepEqual(warnings.map((w) => [w.path, w.code]), [['/pages/0/sections/0/questions/1/rows/0/value', 'row-name-collision']]);
      // What the warning is about: survey-core hides the grid although q4 is answered.
      const model = new Model(json);
      model.data = { q4: 'Tốt' };
      assert.equal(model.getQuestionByName('grid').isVisible, false);
      assert.deepEqual(toSurveyJS(grid('{q4} notempty', 'B4')).warnings, [], 'rows named like no question are no collision');
    });

    it('should warn about an expression SurveyJS cannot write, and leave it out of the SurveyJS side', () => {
      const q = questionnaireWith([
        { type: 'text', name: 'a', title: 'A', inputType: 'number' },
        { type: 'text', name: 'b', title: 'B', inputType: 'number', visibleIf: '({a} + 1) empty' },
      ]);
      const { json, warnings } = toSurveyJS(q);
      assert.deepEqual(warnings.map((w) => [w.path, w.code]), [['/pages/0/sections/0/questions/1/visibleIf', 'expression-not-convertible']]);
      const element = (json.pages[0]!.elements[0]!.elements as SurveyJSElement[])[1]!;
      assert.equal(element.visibleIf, undefined);
      assert.deepEqual(element.sipasExpressions, { visibleIf: '({a} + 1) empty' });
    });

    it('should warn when a text holds {name} that SurveyJS would replace with an answer', () => {
      const q = questionnaireWith([
        { type: 'text', name: 'a', title: 'A' },
        { type: 'comment', name: 'b', title: { vi: 'Vì sao {a}?', en: 'Why?' } },
      ]);
      assert.deepEqual(toSurveyJS(q).warnings.map((w) => [w.path, w.code]), [['/pages/0/sections/0/questions/1/title', 'text-placeholder']]);
    });

    it('should escape the text of an info question, braces included', () => {
      const q = questionnaireWith([
        { type: 'text', name: 'a', title: 'A' },
        { type: 'info', name: 'i', text: '<b>{a}</b> & "x"\nnext line' },
      ]);
      const { json, warnings } = toSurveyJS(q);
      assert.deepEqual(warnings, []);
      const model = new Model(json);
      model.setValue('a', 'ANSWER');
      const html = (model.getQuestionByName('i') as SurveyQuestion & { processedHtml: string }).processedHtml;
      assert.equal(html, '&lt;b&gt;&#123;a&#125;&lt;/b&gt; &amp; &quot;x&quot;<br>next line');
    });

    it('should warn when names differ only in case', () => {
      const q = questionnaireWith([
        { type: 'text', name: 'Age', title: 'A' },
        { type: 'text', name: 'age', title: 'B' },
      ]);
      assert.deepEqual(toSurveyJS(q).warnings.map((w) => [w.path, w.code]), [['/pages/0/sections/0/questions/1/name', 'name-case-collision']]);
    });

    it('should warn when faces cannot show every level, and when every row is required only conditionally', () => {
      const levels = Array.from({ length: 11 }, (_, i) => ({ value: i, text: String(i) }));
      const q = questionnaireWith([
        { type: 'rating', name: 'r', title: 'R', scale: { levels }, display: 'faces' },
        { type: 'likert', name: 'g', title: 'G', scale: 'satisfaction-5', rows: [{ value: 'x', text: 'X' }], allRowsRequired: true, requiredIf: '{r} = 0' },
      ]);
      assert.deepEqual(
        toSurveyJS(q).warnings.map((w) => [w.path, w.code]),
        [
          ['/pages/0/sections/0/questions/0/display', 'too-many-faces'],
          ['/pages/0/sections/0/questions/1/allRowsRequired', 'all-rows-required-conditional'],
        ],
      );
    });
  });

  describe('settings and locales', () => {
    const base: Questionnaire = questionnaireWith([{ type: 'text', name: 'a', title: { vi: 'Tuổi', en: 'Age' } }]);

    it('should map progress bar, numbering, clearing hidden answers and one response per device', () => {
      const { json } = toSurveyJS({ ...base, settings: { progressBar: true, questionNumbers: false, clearHiddenValues: 'never', onePerDevice: true } });
      const model = new Model(json);
      assert.equal(model.showProgressBar, true);
      assert.equal(model.showQuestionNumbers, 'off');
      assert.equal(model.clearInvisibleValues, 'none');
      assert.equal(model.cookieName, 'sipas-sample');
    });

    it('should show Vietnamese by default and English when survey-core switches locale', () => {
      const model = new Model(toSurveyJS(base).json);
      assert.equal(model.getQuestionByName('a').title, 'Tuổi');
      model.locale = 'en';
      assert.equal(model.getQuestionByName('a').title, 'Age');
    });

    it('should write "default" in the locale the host names as SurveyJS default', () => {
      const { json } = toSurveyJS(base, { defaultLocale: 'vi' });
      const element = (json.pages[0]!.elements[0]!.elements as SurveyJSElement[])[0]!;
      assert.deepEqual(element.title, { default: 'Tuổi', vi: 'Tuổi', en: 'Age' });
    });
  });
});
