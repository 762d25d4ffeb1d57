/** The least shape a document needs for the designer to render and edit it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate, templates } from '@sipas/templates';
import { hasDocumentShape, shapeProblems } from '../src/model/document-shape.js';

type Loose = Record<string, unknown> & { pages: (Record<string, unknown> & { sections: (Record<string, unknown> & { questions: unknown[] })[] })[] };

const kiosk = (): Loose => copyTemplate('kiosk-quick') as unknown as Loose;

/** The paths of a document's shape problems, after a change. */
function pathsAfter(change: (document: Loose) => void): string[] {
  const document = kiosk();
  change(document);
  return shapeProblems(document).map((problem) => problem.path);
}

describe('document shape', () => {
  it('should accept every standard template', () => {
    for (const { questionnaire } of templates) {
      assert.deepEqual(shapeProblems(questionnaire), [], questionnaire.id);
      assert.equal(hasDocumentShape(questionnaire), true);
    }
  });

  it('should accept work in progress the validator refuses (empty lists, bad names, unknown types)', () => {
    const document = kiosk();
    document.pages.push({ name: '1 sai tên', sections: [{ name: 'phan', questions: [] }] });
    document.pages[0]!.sections[0]!.questions.push({ name: 'q-moi', type: 'khong-co-kieu-nay' });
    document.pages.push({ name: 'trong', sections: [] });
    assert.equal(validateQuestionnaire(document).valid, false);
    assert.equal(hasDocumentShape(document), true);
  });

  it('should refuse anything that is not an object, at the root', () => {
    for (const value of [undefined, null, 42, 'phiếu', [], [{ pages: [] }]]) {
      const problems = shapeProblems(value);
      assert.equal(problems.length, 1, String(value));
      assert.equal(problems[0]!.path, '');
      assert.match(problems[0]!.message.vi, /đối tượng JSON/);
      assert.match(problems[0]!.message.en, /JSON object/);
      assert.equal(hasDocumentShape(value), false);
    }
  });

  it('should locate a missing or mistyped list', () => {
    assert.deepEqual(shapeProblems({ id: 'x' }).map((problem) => problem.path), ['/pages']);
    assert.deepEqual(shapeProblems({ pages: {} }).map((problem) => problem.path), ['/pages']);
    assert.deepEqual(pathsAfter((document) => delete (document.pages[0] as Record<string, unknown>).sections), ['/pages/0/sections']);
    assert.deepEqual(pathsAfter((document) => ((document.pages[0]!.sections[0] as Record<string, unknown>).questions = 'q1')), ['/pages/0/sections/0/questions']);
  });

  it('should say in both languages whether a list is missing or of the wrong kind', () => {
    const [missing] = shapeProblems({ pages: [{ name: 'p1' }] });
    assert.equal(missing!.message.vi, 'Trang thiếu danh sách "sections" [ … ].');
    assert.equal(missing!.message.en, 'The page has no "sections" list [ … ].');
    const [wrong] = shapeProblems({ pages: [{ name: 'p1', sections: [{ name: 's1', questions: {} }] }] });
    assert.equal(wrong!.message.vi, '"questions" của phần phải là một danh sách [ … ].');
    assert.equal(wrong!.message.en, 'The "questions" of the section must be a list [ … ].');
  });

  it('should locate pages, sections and questions that are not objects', () => {
    const document = kiosk();
    const [pages, sections, questions] = [document.pages.length, document.pages[0]!.sections.length, document.pages[0]!.sections[0]!.questions.length];
    document.pages.push(null as never, 'trang' as never);
    (document.pages[0]!.sections as unknown[]).push([]);
    document.pages[0]!.sections[0]!.questions.push(7, null);
    assert.deepEqual(
      shapeProblems(document).map((problem) => problem.path),
      [`/pages/0/sections/0/questions/${questions}`, `/pages/0/sections/0/questions/${questions + 1}`, `/pages/0/sections/${sections}`, `/pages/${pages}`, `/pages/${pages + 1}`],
    );
  });

  it('should require a string name on each element and a string type on each question', () => {
    assert.deepEqual(
      shapeProblems({ pages: [{ sections: [{ name: 5, questions: [{ name: 'q1' }, { type: 'text' }, { name: 'q3', type: ['text'] }] }] }] }).map((problem) => problem.path),
      ['/pages/0/name', '/pages/0/sections/0/name', '/pages/0/sections/0/questions/0/type', '/pages/0/sections/0/questions/1/name', '/pages/0/sections/0/questions/2/type'],
    );
  });

  it('should narrow the type for the designer', () => {
    const value: unknown = kiosk();
    if (!hasDocumentShape(value)) throw new Error('expected the shape');
    const questionnaire: Questionnaire = value;
    assert.equal(typeof questionnaire.pages[0]!.sections[0]!.questions[0]!.name, 'string');
  });
});
