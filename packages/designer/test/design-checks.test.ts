/**
 * The checks view's list: the validator's errors plus design warnings, each once, in document
 * order, cached by the document's identity.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QuestionTypeRegistry, validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate, templates } from '@sipas/templates';
import { createTypeRegistry, defineQuestionType } from '@sipas/core';
import { checkCounts, designChecks, type DesignCheck } from '../src/model/design-checks.js';
import { getIn, setIn, updateIn } from '../src/model/immutable.js';

/** The kiosk template: small, fully translated, with an index model over likert rows. */
const kiosk = (): Questionnaire => copyTemplate('kiosk-quick')!;

const QUESTIONS = ['pages', 0, 'sections', 0, 'questions'] as const;

const brief = (checks: DesignCheck[]) => checks.map(({ severity, code, path }) => `${severity} ${code} ${path}`);

/** Where the kiosk template keeps its likert grid of criteria. */
function criteriaGrid(document: Questionnaire): { path: (string | number)[] } {
  for (const [p, page] of document.pages.entries()) {
    for (const [s, section] of page.sections.entries()) {
      const q = section.questions.findIndex((question) => question.name === 'criteria');
      if (q >= 0) return { path: ['pages', p, 'sections', s, 'questions', q] };
    }
  }
  throw new Error('no criteria grid');
}

describe('designChecks', () => {
  it('should find nothing in the standard templates', () => {
    for (const { id } of templates) assert.deepEqual(brief(designChecks(copyTemplate(id)!)), [], id);
  });

  it('should list every error of the validator, with its path, code and both languages', () => {
    const broken = setIn(kiosk(), ['pages', 0, 'name'], '1 bad name');
    const errors = validateQuestionnaire(broken).errors;
    assert.ok(errors.length > 0);
    const checks = designChecks(broken).filter((check) => check.severity === 'error');
    assert.deepEqual(
      checks.map(({ path, code, message }) => ({ path, code, message })),
      errors,
    );
  });

  it('should warn about a question whose title is blank and an information block with no text', () => {
    let document = setIn(kiosk(), [...QUESTIONS, 0, 'title'], { vi: '  ', en: 'Overall' });
    document = updateIn(document, QUESTIONS, (questions) => [...(questions as unknown[]), { type: 'info', name: 'note', text: { vi: ' ', en: ' ' } }]);
    const checks = designChecks(document);
    const last = (document.pages[0]!.sections[0]!.questions.length - 1).toString();
    assert.deepEqual(brief(checks), [
      'warning no-title /pages/0/sections/0/questions/0/title',
      `warning no-text /pages/0/sections/0/questions/${last}/text`,
    ]);
    assert.match(checks[0]!.message.vi, /chưa có tiêu đề/);
    assert.match(checks[1]!.message.en, /"note" has no text/);
  });

  it('should leave an information block with neither title nor text to the validator (reported once)', () => {
    const document = updateIn(kiosk(), QUESTIONS, (questions) => [...(questions as unknown[]), { type: 'info', name: 'bare' }]);
    const checks = designChecks(document);
    assert.equal(checks.length, 1);
    assert.equal(checks[0]!.severity, 'error');
  });

  it('should warn about a criterion code of a likert row that the index model does not use', () => {
    const grid = criteriaGrid(kiosk()).path;
    const document = updateIn(kiosk(), [...grid, 'rows'], (rows) => [...(rows as unknown[]), { value: 'K4', text: { vi: 'Tiêu chí 4', en: 'Criterion 4' }, code: 'K4' }]);
    const checks = designChecks(document);
    const added = (getIn(kiosk(), [...grid, 'rows']) as unknown[]).length;
    assert.deepEqual(brief(checks), [`warning code-not-in-index /${[...grid, 'rows', added, 'code'].join('/')}`]);
    assert.match(checks[0]!.message.vi, /"K4" không có trong mô hình chỉ số/);
  });

  it('should not warn about criterion codes when there is no index model', () => {
    const grid = criteriaGrid(kiosk()).path;
    let document = updateIn(kiosk(), [...grid, 'rows'], (rows) => [...(rows as unknown[]), { value: 'K4', text: { vi: 'Bốn', en: 'Four' }, code: 'K4' }]);
    document = updateIn(document, ['sipas'], (sipas) => ({ ...(sipas as object), index: undefined }));
    assert.deepEqual(brief(designChecks(document)), []);
  });

  it('should report duplicated choice values once, as the validator’s error', () => {
    const document = copyTemplate('sipas-2640')!;
    const located = findChoiceQuestion(document);
    assert.ok(located, 'the template has a question with choices');
    const duplicated = setIn(document, [...located, 'choices', 1, 'value'], getIn(document, [...located, 'choices', 0, 'value']));
    const checks = designChecks(duplicated).filter((check) => check.code === 'duplicate-choice-value');
    assert.equal(checks.length, 1);
    assert.equal(checks[0]!.severity, 'error');
  });

  it('should still warn about duplicated choice values and unknown scales when schema errors hide the validator’s own checks', () => {
    let document = setIn(kiosk(), ['id'], 'Not An Id!'); // a schema error: the semantic checks do not run
    document = updateIn(document, QUESTIONS, (questions) => [
      ...(questions as unknown[]),
      { type: 'single', name: 'twice', title: 'Hai lần', choices: [{ value: 1, text: 'Một' }, { value: 1, text: 'Lại một' }] },
      { type: 'rating', name: 'scaled', title: 'Thang lạ', scale: 'no-such-scale' },
    ]);
    const codes = designChecks(document).map((check) => check.code);
    assert.ok(codes.includes('duplicate-choice-value'), codes.join());
    assert.ok(codes.includes('unknown-scale'), codes.join());
    const onlyScale = updateIn(kiosk(), QUESTIONS, (questions) => [...(questions as unknown[]), { type: 'rating', name: 'scaled', title: 'Thang lạ', scale: 'no-such-scale' }]);
    const scaleChecks = designChecks(onlyScale).filter((check) => check.code === 'unknown-scale');
    assert.deepEqual(scaleChecks.map((check) => check.severity), ['error'], 'reported once, by the validator');
  });

  it('should name an empty page or section instead of the validator’s "list must not be empty"', () => {
    let document = setIn(kiosk(), [...QUESTIONS], []);
    document = updateIn(document, ['pages'], (pages) => [...(pages as unknown[]), { name: 'extra', title: { vi: 'Trang thêm', en: 'Extra page' }, sections: [] }]);
    const checks = designChecks(document);
    const last = document.pages.length - 1;
    assert.deepEqual(brief(checks), ['error empty-section /pages/0/sections/0', `error empty-page /pages/${last}`]);
    assert.match(checks[1]!.message.vi, /Trang "Trang thêm" chưa có phần nào/);
    assert.ok(!checks.some((check) => check.code === 'empty'));
  });

  it('should give one untranslated warning per element when the document is in English too', () => {
    let document = setIn(kiosk(), [...QUESTIONS, 0, 'title'], 'Chỉ tiếng Việt');
    document = setIn(document, [...QUESTIONS, 0, 'description'], 'Cũng chỉ tiếng Việt');
    document = setIn(document, ['title'], { vi: 'Phiếu', en: '' });
    const checks = designChecks(document);
    assert.deepEqual(brief(checks), ['warning untranslated /title', 'warning untranslated /pages/0/sections/0/questions/0/title']);
    assert.match(checks[1]!.message.en, /2 texts have no English translation/);
    assert.deepEqual(brief(designChecks({ ...document, locales: ['vi'] })), [], 'no English asked for, no warning');
  });

  it('should sort by document order, errors and warnings mixed', () => {
    let document = setIn(kiosk(), ['pages', 0, 'sections', 0, 'questions', 0, 'title'], '  ');
    document = setIn(document, ['pages', 0, 'name'], 'bad name');
    document = setIn(document, ['title'], 'Phiếu');
    const paths = designChecks(document).map((check) => check.path);
    assert.deepEqual(paths, ['/title', '/pages/0/name', '/pages/0/sections/0/questions/0/title']);
  });

  it('should return the same list for the same document and use the given question types', () => {
    const document = kiosk();
    assert.equal(designChecks(document), designChecks(document));
    const custom = updateIn(kiosk(), QUESTIONS, (questions) => [...(questions as unknown[]), { type: 'stars10', name: 'stars', title: { vi: 'Sao', en: 'Stars' }, levels: 10 }]);
    assert.ok(designChecks(custom).some((check) => check.code === 'unknown-type'));
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'stars10', schema: { properties: { type: 'object', properties: { levels: { enum: [5, 10] } } } } }, types);
    assert.deepEqual(brief(designChecks(custom, { types })), []);
    assert.equal(designChecks(custom, { types }), designChecks(custom, { types }), 'cached per registry');
    assert.ok(designChecks(custom).some((check) => check.code === 'unknown-type'), 'the shared registry still refuses it');
    assert.deepEqual(checkCounts(custom, types), { errors: 0, warnings: 0 });
    // The type's own schema still applies: a level it does not allow is an error.
    const wrong = setIn(custom, [...QUESTIONS, (getIn(custom, QUESTIONS) as unknown[]).length - 1, 'levels'], 7);
    assert.equal(checkCounts(wrong, types).errors, 1);
  });

  it('should not throw on documents that are not questionnaires', () => {
    for (const bad of [null, 42, 'text', [], {}, { pages: 'x' }, { pages: [null, { sections: [7] }] }]) {
      const checks = designChecks(bad as unknown as Questionnaire);
      assert.ok(checks.length > 0, JSON.stringify(bad));
      assert.ok(checks.every((check) => check.severity === 'error' || check.severity === 'warning'));
    }
  });
});

describe('checkCounts', () => {
  it('should count errors and warnings', () => {
    assert.deepEqual(checkCounts(kiosk()), { errors: 0, warnings: 0 });
    let document = setIn(kiosk(), ['pages', 0, 'name'], 'bad name');
    document = setIn(document, ['title'], 'Chỉ tiếng Việt');
    document = setIn(document, ['description'], 'Cũng vậy');
    assert.deepEqual(checkCounts(document), { errors: 1, warnings: 1 });
  });
});

function findChoiceQuestion(document: Questionnaire): (string | number)[] | undefined {
  for (const [p, page] of document.pages.entries()) {
    for (const [s, section] of page.sections.entries()) {
      const q = section.questions.findIndex((question) => 'choices' in question && Array.isArray(question.choices) && question.choices.length > 1);
      if (q >= 0) return ['pages', p, 'sections', s, 'questions', q];
    }
  }
  return undefined;
}

