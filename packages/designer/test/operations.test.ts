/** The canvas's structural edits and keyboard steps, as pure functions of the document. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { locate, selectionAt, usedNames } from '../src/model/locate.js';
import { questionStep, stepElement } from '../src/model/moves.js';
import { addPage, addSection, duplicateElement, insertQuestion, moveQuestion, moveSection, removeElement } from '../src/model/operations.js';
import { designerTypes } from '../src/model/question-catalog.js';
import { fromPointer, removeAt, setIn, toPointer, updateIn } from '../src/model/immutable.js';

const questionNames = (q: Questionnaire, section: string) => {
  const found = locate(q, section);
  assert.equal(found?.kind, 'section');
  return (found!.element as { questions: { name: string }[] }).questions.map((question) => question.name);
};

/** Two pages: p1 has sections a (q1 q2 q3) and b (q4); p2 has section c (q5). */
function small(): Questionnaire {
  const text = (name: string) => ({ type: 'text' as const, name, title: name });
  return {
    formatVersion: '1.0',
    id: 'small',
    title: 'Small',
    pages: [
      { name: 'p1', sections: [{ name: 'a', questions: [text('q1'), text('q2'), text('q3')] }, { name: 'b', questions: [text('q4')] }] },
      { name: 'p2', sections: [{ name: 'c', questions: [text('q5')] }] },
    ],
  };
}

describe('copy-on-write helpers', () => {
  it('should copy only the path to a change', () => {
    const q = small();
    const changed = setIn(q, ['pages', 0, 'sections', 0, 'questions', 1, 'title'], 'Changed');
    assert.notEqual(changed, q);
    assert.equal(changed.pages[1], q.pages[1], 'untouched page keeps its identity');
    assert.equal(changed.pages[0]!.sections[1], q.pages[0]!.sections[1], 'untouched section keeps its identity');
    assert.equal(changed.pages[0]!.sections[0]!.questions[0], q.pages[0]!.sections[0]!.questions[0]);
    assert.equal(q.pages[0]!.sections[0]!.questions[1]!.title, 'q2', 'the original is not mutated');
  });

  it('should remove a property when the update gives undefined, and array items with removeAt', () => {
    const q = small();
    const withDescription = setIn(q, ['description'], 'd');
    assert.equal('description' in updateIn(withDescription, ['description'], () => undefined), false);
    assert.deepEqual(questionNames(removeAt(q, ['pages', 0, 'sections', 0, 'questions'], 1), 'a'), ['q1', 'q3']);
  });

  it('should turn paths into JSON pointers and back, escaping ~ and /', () => {
    const path = ['pages', 0, 'a/b', 'c~d'];
    assert.equal(toPointer(path), '/pages/0/a~1b/c~0d');
    assert.deepEqual(fromPointer(toPointer(path)), path);
    assert.deepEqual(fromPointer(''), []);
  });
});

describe('structural edits', () => {
  it('should insert a question at an index and at the end', () => {
    const q = small();
    const entry = designerTypes.get('rating')!;
    const inserted = insertQuestion(q, entry.create('q9'), { section: 'a', index: 1 });
    assert.deepEqual(questionNames(inserted, 'a'), ['q1', 'q9', 'q2', 'q3']);
    assert.deepEqual(questionNames(insertQuestion(q, entry.create('q9'), { section: 'b' }), 'b'), ['q4', 'q9']);
    assert.throws(() => insertQuestion(q, entry.create('q9'), { section: 'nowhere' }), /No section/);
  });

  it('should move a question within a section counting positions before the move', () => {
    const q = small();
    assert.deepEqual(questionNames(moveQuestion(q, 'q1', { section: 'a', index: 3 }), 'a'), ['q2', 'q3', 'q1']);
    assert.deepEqual(questionNames(moveQuestion(q, 'q3', { section: 'a', index: 0 }), 'a'), ['q3', 'q1', 'q2']);
    assert.equal(moveQuestion(q, 'q2', { section: 'a', index: 1 }), q, 'a move onto itself changes nothing');
    assert.equal(moveQuestion(q, 'q2', { section: 'a', index: 2 }), q, 'just after itself is where it is');
  });

  it('should move a question across sections and pages', () => {
    const moved = moveQuestion(small(), 'q2', { section: 'c', index: 0 });
    assert.deepEqual(questionNames(moved, 'a'), ['q1', 'q3']);
    assert.deepEqual(questionNames(moved, 'c'), ['q2', 'q5']);
  });

  it('should move sections across pages and remove any element by name', () => {
    const moved = moveSection(small(), 'b', { page: 'p2', index: 1 });
    assert.deepEqual(moved.pages[1]!.sections.map((s) => s.name), ['c', 'b']);
    assert.deepEqual(moved.pages[0]!.sections.map((s) => s.name), ['a']);
    assert.deepEqual(removeElement(small(), 'p2').pages.map((p) => p.name), ['p1']);
    const q = small();
    assert.equal(removeElement(q, 'unknown'), q);
  });

  it('should duplicate with fresh names and without the criterion code', () => {
    const q = setIn(small(), ['pages', 0, 'sections', 0, 'questions', 0, 'code'], 'A1');
    const { questionnaire, name } = duplicateElement(q, 'q1');
    assert.equal(name, 'q6');
    assert.deepEqual(questionNames(questionnaire, 'a'), ['q1', 'q6', 'q2', 'q3']);
    assert.equal((locate(questionnaire, 'q6')!.element as { code?: string }).code, undefined);
    const section = duplicateElement(small(), 'a');
    const names = [...usedNames(section.questionnaire)];
    assert.equal(new Set(names).size, names.length, 'every name stays unique');
    assert.ok(validateQuestionnaire(section.questionnaire).valid);
  });

  it('should add pages and sections that validate', () => {
    const { questionnaire, page } = addPage(small(), 1);
    assert.equal(questionnaire.pages[1]!.name, page.name);
    const filled = insertQuestion(questionnaire, designerTypes.get('text')!.create('qx'), { section: page.sections[0]!.name });
    assert.deepEqual(validateQuestionnaire(filled).errors, []);
    const withSection = addSection(filled, { page: 'p1' });
    assert.deepEqual(withSection.pages[0]!.sections.map((s) => s.name), ['a', 'b', 'section2']);
    // An empty section is allowed while designing; the checks report it until a question is added.
    assert.deepEqual(validateQuestionnaire(withSection).errors.map((e) => e.path), ['/pages/0/sections/2/questions']);
  });

  it('should select the innermost element of a pointer', () => {
    const q = small();
    assert.deepEqual(selectionAt(q, '/pages/0/sections/1/questions/0/title'), { selection: { kind: 'question', name: 'q4' }, rest: ['title'] });
    assert.deepEqual(selectionAt(q, '/pages/1/title').selection, { kind: 'page', name: 'p2' });
    assert.deepEqual(selectionAt(q, '/sipas/index').selection, { kind: 'questionnaire', name: '' });
    assert.deepEqual(selectionAt(q, '/pages/7').selection, { kind: 'questionnaire', name: '' });
  });
});

describe('keyboard steps', () => {
  it('should step a question down through its section, into the next section and the next page', () => {
    let q = small();
    const path: string[] = [];
    for (let step = 0; step < 6; step += 1) {
      const next = stepElement(q, 'q2', 1);
      if (!next) break;
      q = next;
      const found = locate(q, 'q2')!;
      path.push(`${q.pages[found.page]!.sections[found.section!]!.name}${found.question}`);
    }
    assert.deepEqual(path, ['a2', 'b0', 'b1', 'c0', 'c1']);
    assert.equal(stepElement(q, 'q2', 1), undefined, 'the very end');
  });

  it('should step back up the same way', () => {
    let q = moveQuestion(small(), 'q1', { section: 'c' });
    const path: string[] = [];
    for (;;) {
      const next = stepElement(q, 'q1', -1);
      if (!next) break;
      q = next;
      const found = locate(q, 'q1')!;
      path.push(`${q.pages[found.page]!.sections[found.section!]!.name}${found.question}`);
    }
    assert.deepEqual(path, ['c0', 'b1', 'b0', 'a2', 'a1', 'a0']);
    assert.equal(questionStep(q, 'q1', -1), undefined);
  });

  it('should step sections across pages and pages in order', () => {
    const q = small();
    assert.deepEqual(stepElement(q, 'b', 1)!.pages[1]!.sections.map((s) => s.name), ['b', 'c']);
    assert.deepEqual(stepElement(q, 'a', 1)!.pages[0]!.sections.map((s) => s.name), ['b', 'a']);
    assert.deepEqual(stepElement(q, 'p2', -1)!.pages.map((p) => p.name), ['p2', 'p1']);
    assert.equal(stepElement(q, 'p1', -1), undefined);
  });

  it('should keep the 2640 template valid through every step of one question to the end', () => {
    let q = copyTemplate('sipas-2640')!;
    const first = q.pages[0]!.sections[0]!.questions[0]!.name;
    let steps = 0;
    for (let next = stepElement(q, first, 1); next; next = stepElement(q, first, 1)) {
      q = next;
      steps += 1;
    }
    const count = q.pages.flatMap((p) => p.sections).reduce((n, s) => n + s.questions.length, 0);
    const sections = q.pages.flatMap((p) => p.sections).length;
    assert.equal(steps, count - 1 + sections - 1, 'one step per neighbour plus one per section boundary');
    assert.deepEqual(validateQuestionnaire(q).errors.filter((e) => e.code === 'duplicate-name'), []);
  });
});
