import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { QuestionTypeRegistry, validateQuestionnaire, type Answer } from '@sipas/schema';
import { checkResponse, createForm, createTypeRegistry, defineQuestionType, type CoreTypeRegistry } from '@sipas/core';
import { fromSurveyJS, toSurveyJS } from '@sipas/surveyjs';
import adminUnit from '../type.js';
import { foldText, treeOf, UnitTree, type AdminUnit } from '../units.js';
import { formatUnitList, parseUnitList } from '../unit-list.js';
import { questionnaireWith, response, threeLevels, twoLevels } from './questionnaires.js';

/** A registry of its own, so the test neither needs nor touches the shared ones. */
function isolatedTypes(): { schemas: QuestionTypeRegistry; types: CoreTypeRegistry } {
  const schemas = new QuestionTypeRegistry();
  const types = createTypeRegistry(schemas);
  defineQuestionType(adminUnit, types);
  return { schemas, types };
}

/** The codes of the problems a Form finds in one answer. */
function problemsOf(types: CoreTypeRegistry, answer: unknown, question = twoLevels()): string[] {
  const form = createForm(questionnaireWith(question), { types });
  form.setValue('place', answer);
  return (form.validate().get('place') ?? []).map((problem) => problem.code);
}

describe('admin-unit type', () => {
  describe('questionnaires', () => {
    it('should validate only where the type is registered', () => {
      const { schemas } = isolatedTypes();
      const questionnaire = questionnaireWith(twoLevels(), threeLevels({ name: 'before2025', required: false }));
      assert.deepEqual(validateQuestionnaire(questionnaire, { types: schemas }).errors, []);
      const without = validateQuestionnaire(questionnaire, { types: new QuestionTypeRegistry() });
      assert.equal(without.valid, false);
      assert.deepEqual(
        without.errors.map((error) => [error.code, error.path]),
        [
          ['unknown-type', '/pages/0/sections/0/questions/0/type'],
          ['unknown-type', '/pages/0/sections/0/questions/1/type'],
        ],
      );
    });

    it('should refuse questions the fragment does not allow', () => {
      const { schemas } = isolatedTypes();
      const codesOf = (question: Record<string, unknown>) =>
        validateQuestionnaire(questionnaireWith(twoLevels(question)), { types: schemas }).errors.map((error) => `${error.code} ${error.path.replace('/pages/0/sections/0/questions/0', '')}`);
      assert.deepEqual(codesOf({ levels: [] }), ['empty /levels']);
      const { units: _units, ...withoutUnits } = twoLevels();
      const missing = validateQuestionnaire(questionnaireWith(withoutUnits as ReturnType<typeof twoLevels>), { types: schemas }).errors;
      assert.deepEqual(missing.map((error) => error.code), ['required']);
      // `label` is the export column of the joined names, so no level may take it.
      assert.deepEqual(codesOf({ levels: [{ name: 'label', title: 'Tỉnh' }] }), ['invalid-format /levels/0/name']);
      assert.deepEqual(codesOf({ units: [{ code: '01 02', name: 'Hà Nội' }] }), ['invalid-format /units/0/code']);
      assert.deepEqual(codesOf({ units: [{ code: '01', name: 'Hà Nội', population: 8 }] }), ['unknown-property /units/0/population']);
    });

    it('should refuse unit lists the fragment cannot judge: repeated codes, unlisted parents, cycles, too deep', () => {
      const { schemas } = isolatedTypes();
      const errorsOf = (units: AdminUnit[]) =>
        validateQuestionnaire(questionnaireWith(twoLevels({ units })), { types: schemas }).errors.map((error) => `${error.code} ${error.path.replace('/pages/0/sections/0/questions/0', '')}`);
      assert.deepEqual(
        errorsOf([
          { code: '01', name: 'Hà Nội' },
          { code: '01', name: 'Hà Nội (bản sao)' },
          { code: '001', name: 'Phường A', parent: '99' },
          { code: 'x', name: 'X', parent: 'y' },
          { code: 'y', name: 'Y', parent: 'x' },
          { code: '002', name: 'Phường B', parent: '01' },
          { code: '003', name: 'Tổ dân phố', parent: '002' },
        ]),
        ['duplicate-code /units/1/code', 'unknown-parent /units/2/parent', 'parent-cycle /units/3/parent', 'parent-cycle /units/4/parent', 'too-deep /units/6/parent'],
      );
      const levels = [
        { name: 'province', title: 'Tỉnh' },
        { name: 'province', title: 'Xã' },
      ];
      assert.deepEqual(
        validateQuestionnaire(questionnaireWith(twoLevels({ levels })), { types: schemas }).errors.map((error) => `${error.code} ${error.path.replace('/pages/0/sections/0/questions/0', '')}`),
        ['duplicate-level-name /levels/1/name'],
        'each level names an export column, so names are unique',
      );
      const [first] = validateQuestionnaire(questionnaireWith(twoLevels({ units: [{ code: 'a', name: 'A', parent: 'b' }] })), { types: schemas }).errors;
      assert.match(first!.message.vi, /^Danh mục đơn vị: không có đơn vị cấp trên mã "b"/);
      assert.match(first!.message.en, /^Unit list: there is no parent unit with code "b"/);
    });
  });

  describe('answers', () => {
    it('should accept a path from the top level down to a unit without sub-units', () => {
      const { types } = isolatedTypes();
      assert.deepEqual(problemsOf(types, ['79', '26734']), []);
      assert.deepEqual(problemsOf(types, ['01', '08980']), []);
      assert.deepEqual(problemsOf(types, ['T1', 'H1', 'X2'], threeLevels()), []);
      // Huyện Cồn Cỏ has no communes in the list, so the path is complete at the district.
      assert.deepEqual(problemsOf(types, ['T1', 'H2'], threeLevels()), []);
    });

    it('should report what is wrong with a broken path', () => {
      const { types } = isolatedTypes();
      assert.deepEqual(problemsOf(types, ['79', '99999']), ['unknown-unit']);
      assert.deepEqual(problemsOf(types, ['01', '26734']), ['not-a-child']);
      assert.deepEqual(problemsOf(types, ['26734']), ['not-top-level']);
      assert.deepEqual(problemsOf(types, ['79', '26734', '26743']), ['too-deep']);
      assert.deepEqual(problemsOf(types, ['79']), ['incomplete-path']);
      assert.deepEqual(problemsOf(types, ['T1', 'H1'], threeLevels()), ['incomplete-path']);
      // The answer fragment comes first: an object is not a path.
      assert.deepEqual(problemsOf(types, { province: '79' }), ['type']);
    });

    it('should accept a partial path when the question does not ask for the full one', () => {
      const { types } = isolatedTypes();
      assert.deepEqual(problemsOf(types, ['79'], twoLevels({ fullPath: false })), []);
      assert.deepEqual(problemsOf(types, ['T1', 'H1'], threeLevels({ fullPath: false })), []);
      assert.deepEqual(problemsOf(types, ['01', '26734'], twoLevels({ fullPath: false })), ['not-a-child']);
    });

    it('should explain problems in both languages, naming the units and the level', () => {
      const question = twoLevels();
      const context = { questionnaire: questionnaireWith(question), question };
      const [wrongParent] = adminUnit.validate!(['01', '26734'], context);
      assert.equal(wrongParent!.message.vi, '"Phường Sài Gòn" không thuộc "Thành phố Hà Nội"');
      assert.equal(wrongParent!.message.en, '"Sai Gon Ward" is not part of "Hanoi"');
      const [incomplete] = adminUnit.validate!(['79'], context);
      assert.equal(incomplete!.message.vi, 'Vui lòng chọn tiếp Xã/Phường/Đặc khu');
      assert.equal(incomplete!.message.en, 'Please also choose the Commune/Ward/Special zone');
    });

    it('should require an answer like any question, and count an empty path as none', () => {
      const { types } = isolatedTypes();
      assert.deepEqual(problemsOf(types, undefined), ['required']);
      assert.deepEqual(problemsOf(types, []), ['required']);
      assert.deepEqual(problemsOf(types, ['', '  ']), ['required']);
      assert.deepEqual(problemsOf(types, undefined, twoLevels({ required: false })), []);
    });

    it('should normalize codes: trimmed, numbers as text, empties dropped', () => {
      const question = twoLevels();
      const context = { questionnaire: questionnaireWith(question), question };
      const normalize = (value: unknown) => adminUnit.normalize!(value, context);
      assert.deepEqual(normalize([' 79 ', '', '26734 ']), ['79', '26734']);
      assert.deepEqual(normalize([79, 26734]), ['79', '26734']);
      assert.deepEqual(normalize(' 79 '), ['79']);
      assert.equal(normalize(['', ' ']), undefined);
      assert.equal(normalize(null), undefined);
      assert.equal(normalize(undefined), undefined);
      // What cannot be a path is left for the answer fragment to refuse.
      assert.deepEqual(normalize({ province: '79' }), { province: '79' });
    });
  });

  describe('responses on the server', () => {
    it('should reject a broken path with an error located on the answer', () => {
      const { types } = isolatedTypes();
      const questionnaire = questionnaireWith(twoLevels());
      assert.deepEqual(checkResponse(questionnaire, response({ place: ['79', '26734'] }), { types }).errors, []);
      const broken = checkResponse(questionnaire, response({ place: ['01', '26734'] }), { types });
      assert.equal(broken.valid, false);
      assert.deepEqual(broken.errors.map((error) => [error.path, error.code]), [['/answers/place', 'not-a-child']]);
      const incomplete = checkResponse(questionnaire, response({ place: ['79'] }), { types });
      assert.deepEqual(incomplete.errors.map((error) => [error.path, error.code]), [['/answers/place', 'incomplete-path']]);
      const shape = checkResponse(questionnaire, response({ place: ['79', 26734] }), { types });
      assert.deepEqual(shape.errors.map((error) => [error.path, error.code]), [['/answers/place/1', 'type']]);
    });
  });

  describe('exports', () => {
    it('should give one column per level with its code, and the names as an address', () => {
      const columns = adminUnit.exportColumns!(threeLevels())!;
      assert.deepEqual(
        columns.map((column) => [column.key, column.title]),
        [
          ['province', { vi: 'Tỉnh', en: 'Province' }],
          ['district', { vi: 'Huyện', en: 'District' }],
          ['commune', { vi: 'Xã', en: 'Commune' }],
          ['label', { vi: 'Tên đơn vị', en: 'Unit name' }],
        ],
      );
      const row = (answer: Answer) => columns.map((column) => column.value!(answer));
      assert.deepEqual(row(['T1', 'H1', 'X2']), ['T1', 'H1', 'X2', 'Thị trấn Hồ Xá, Huyện Vĩnh Linh, Tỉnh Quảng Trị']);
      assert.deepEqual(row(['T1', 'H2']), ['T1', 'H2', null, 'Huyện Cồn Cỏ, Tỉnh Quảng Trị']);
      // Exports keep what was stored, even a code no longer in the list.
      assert.deepEqual(row(['T1', 'OLD']), ['T1', 'OLD', null, 'OLD, Tỉnh Quảng Trị']);
      assert.deepEqual(adminUnit.exportColumns!(twoLevels())!.map((column) => column.value!(['79', '26734'])), ['79', '26734', 'Phường Sài Gòn, Thành phố Hồ Chí Minh']);
    });
  });

  describe('SurveyJS', () => {
    it('should keep the question whole in a hidden html element and restore it exactly', () => {
      const { types, schemas } = isolatedTypes();
      const question = twoLevels({ description: { vi: 'Nơi nộp hồ sơ', en: 'Where the application was filed' }, visibleIf: '{locale} = "vi"' });
      const questionnaire = questionnaireWith(question);
      const { json, warnings } = toSurveyJS(questionnaire, { types });
      // Sections become panels.
      const panel = (json.pages as unknown as { elements: { elements: Record<string, unknown>[] }[] }[])[0]!.elements[0]!;
      const element = panel.elements.find((candidate) => candidate.name === 'place')!;
      assert.equal(element.type, 'html');
      assert.equal(element.visible, false);
      assert.deepEqual(element.sipasQuestion, question);
      assert.deepEqual(warnings.map((warning) => warning.code), ['unsupported-question-type']);

      const back = fromSurveyJS(json, { types: schemas, id: questionnaire.id });
      const restored = back.questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions));
      assert.deepEqual(restored, [question]);
      assert.deepEqual(validateQuestionnaire(back.questionnaire, { types: schemas }).errors, []);
    });
  });

  describe('the tree and the search', () => {
    it('should fold Vietnamese for matching', () => {
      assert.equal(foldText('  Phường  Sài Gòn '), 'phuong sai gon');
      assert.equal(foldText('ĐẶC KHU Côn Đảo'), 'dac khu con dao');
      // Precomposed and decomposed input fold the same.
      assert.equal(foldText('Hà Nội'.normalize('NFD')), foldText('Hà Nội'.normalize('NFC')));
    });

    it('should find units by part of a name without diacritics, with their path', () => {
      const tree = treeOf(twoLevels());
      const codes = (query: string) => tree.search(query).matches.map((found) => found.unit.code);
      assert.deepEqual(codes('sai gon'), ['26734']);
      assert.deepEqual(codes('SÀI gòn'), ['26734']);
      assert.deepEqual(codes('dac khu'), ['20333', '28756']);
      // In any language the unit is named in.
      assert.deepEqual(codes('special zone'), ['20333', '28756']);
      // Higher levels first: the city, then its wards.
      assert.deepEqual(codes('da nang'), ['48']);
      assert.deepEqual(codes('thanh'), ['01', '48', '79', '26743']);
      assert.deepEqual(codes('hai'), ['20194']);
      assert.deepEqual(tree.search('sai gon').matches[0]!.path, ['79', '26734']);
      assert.deepEqual(tree.search('   ').matches, []);
      const limited = tree.search('phuong', 2);
      assert.equal(limited.matches.length, 2);
      assert.equal(limited.total, 5);
    });

    it('should leave out units that cannot be reached, so a slip in the data cannot break the form', () => {
      const tree = new UnitTree(
        [
          { name: 'province', title: 'Tỉnh' },
          { name: 'commune', title: 'Xã' },
        ],
        [
          { code: 'A', name: 'Tỉnh A' },
          { code: 'A1', name: 'Xã A1', parent: 'A' },
          { code: 'A1x', name: 'Thôn dưới xã', parent: 'A1' },
          { code: 'B1', name: 'Xã mồ côi', parent: 'B' },
          { code: 'C', name: 'Vòng', parent: 'C' },
          { code: 'A', name: 'Tỉnh A lặp' },
        ],
      );
      assert.deepEqual(tree.children().map((unit) => unit.code), ['A']);
      assert.deepEqual(tree.children('A').map((unit) => unit.code), ['A1']);
      assert.equal(tree.hasChildren('A1'), false);
      for (const code of ['A1x', 'B1', 'C']) assert.equal(tree.get(code), undefined, code);
      assert.deepEqual(tree.validPrefix(['A', 'A1', 'A1x']), ['A', 'A1']);
      assert.deepEqual(tree.validPrefix(['A1']), []);
    });
  });

  describe('the unit list text', () => {
    it('should read lines separated by ; or by tabs, parents before or after', () => {
      const { units, problems } = parseUnitList('79; Thành phố Hồ Chí Minh;; Ho Chi Minh City\n26734\tPhường Sài Gòn\t79\n\n27000;Phường Mới;79\n');
      assert.deepEqual(problems, []);
      assert.deepEqual(units, [
        { code: '79', name: { vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City' } },
        { code: '26734', name: 'Phường Sài Gòn', parent: '79' },
        { code: '27000', name: 'Phường Mới', parent: '79' },
      ]);
      assert.deepEqual(parseUnitList('X1;Xã;T1\nT1;Tỉnh').problems, []);
    });

    it('should locate its problems by line', () => {
      const text = ['01; Hà Nội', '02; Hà Giang', '01; Hà Nội lặp', '26734; Phường Sài Gòn; 79', '; Không mã', '03', '0 4; Có dấu cách', 'A;B;C;D;E', 'X; Xã; X'].join('\n');
      const { problems } = parseUnitList(text);
      assert.deepEqual(
        problems.map((problem) => [problem.line, problem.code]),
        [
          [3, 'duplicate-code'],
          [4, 'unknown-parent'],
          [5, 'missing-code'],
          [6, 'missing-name'],
          [7, 'invalid-code'],
          [8, 'extra-columns'],
          [9, 'parent-cycle'],
        ],
      );
      assert.equal(problems[0]!.message.vi, 'Dòng 3: mã "01" trùng với dòng 1');
      assert.equal(problems[1]!.message.en, 'Line 4: there is no parent unit with code "79"');
      assert.deepEqual(parseUnitList('  \n').problems.map((problem) => [problem.line, problem.code]), [[0, 'empty']]);
    });

    it('should report units deeper than the question has levels', () => {
      const text = 'T1; Tỉnh\nH1; Huyện; T1\nX1; Xã; H1';
      assert.deepEqual(parseUnitList(text, { levels: 3 }).problems, []);
      assert.deepEqual(parseUnitList(text, { levels: 2 }).problems.map((problem) => [problem.line, problem.code]), [[3, 'too-deep']]);
    });

    it('should keep translations the text does not show', () => {
      const previous: AdminUnit[] = [{ code: '79', name: { vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City', fr: 'Hô-Chi-Minh-Ville' } }];
      assert.deepEqual(parseUnitList('79; TP. Hồ Chí Minh', { previous }).units, [{ code: '79', name: { vi: 'TP. Hồ Chí Minh', fr: 'Hô-Chi-Minh-Ville' } }]);
    });

    it('should read back what it writes', () => {
      const sample = twoLevels().units;
      assert.deepEqual(parseUnitList(formatUnitList(sample)), { units: sample, problems: [] });
      const text = (units: AdminUnit[]) => formatUnitList(units);
      assert.equal(text([{ code: '01', name: 'Hà Nội' }, { code: '00070', name: 'Phường; Hoàn Kiếm', parent: '01' }]), '01; Hà Nội\n00070\tPhường; Hoàn Kiếm\t01');
    });

    it('should trim the cells, spreadsheet non-breaking spaces too', () => {
      assert.deepEqual(parseUnitList(' 01 ;\u00a0Hà Nội\u00a0\n00070\t Phường Hoàn Kiếm \t01\u00a0').units, [
        { code: '01', name: 'Hà Nội' },
        { code: '00070', name: 'Phường Hoàn Kiếm', parent: '01' },
      ]);
    });

    it('should read back any list it writes (property)', () => {
      // Names of Vietnamese letters (a wider range such as À-ỹ also holds spaces of other scripts,
      // U+1680, which reading trims like any surrounding space).
      const letter = 'A-Za-z0-9ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ';
      const word = fc.stringMatching(new RegExp(`^[${letter}][${letter} ;.-]{0,12}[${letter}.]$`));
      const unitList = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 30 }).chain((codes) =>
        fc.tuple(...codes.map((code, index) =>
          fc.record({
            vi: word,
            en: fc.option(word, { nil: undefined }),
            parent: index === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: index - 1 }).map((i) => codes[i]!), { nil: undefined }),
          }).map(({ vi, en, parent }): AdminUnit => ({ code, name: en === undefined ? vi : { vi, en }, ...(parent === undefined ? {} : { parent }) })),
        )),
      );
      fc.assert(
        fc.property(unitList, (units) => {
          assert.deepEqual(parseUnitList(formatUnitList(units)), { units, problems: [] });
        }),
      );
    });
  });
});
