/** Undo gives back exactly what was there: random edit sequences on the 2640 template, then as many undos. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { DocumentSession } from '../src/model/document-session.js';
import type { DesignerEdit } from '../src/model/edit.js';
import { EditHistory } from '../src/model/history.js';
import { setIn } from '../src/model/immutable.js';
import { freeName, locate, usedNames } from '../src/model/locate.js';
import { stepElement } from '../src/model/moves.js';
import { addPage, addSection, duplicateElement, insertQuestion, moveQuestion, removeElement } from '../src/model/operations.js';
import { designerTypes } from '../src/model/question-catalog.js';

const questionNames = (q: Questionnaire) => q.pages.flatMap((p) => p.sections.flatMap((s) => s.questions.map((x) => x.name)));
const sectionNames = (q: Questionnaire) => q.pages.flatMap((p) => p.sections.map((s) => s.name));
const pick = <T>(list: T[], at: number): T | undefined => (list.length === 0 ? undefined : list[at % list.length]);

/** An edit described by numbers, turned into a real edit of whatever document it meets. */
const editArbitrary = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.nat(), fc.nat(), fc.nat());

function toEdit([kind, a, b, c]: [number, number, number, number], document: Questionnaire): DesignerEdit {
  const types = designerTypes.list().map((entry) => entry.type);
  switch (kind) {
    case 0: {
      const section = pick(sectionNames(document), a)!;
      const name = freeName(document, 'q');
      return { label: 'insert', apply: (q) => insertQuestion(q, designerTypes.get(pick(types, b)!)!.create(name), { section, index: c % 5 }) };
    }
    case 1: {
      const name = pick(questionNames(document), a);
      const section = pick(sectionNames(document), b)!;
      return { label: 'move', apply: (q) => (name ? moveQuestion(q, name, { section, index: c % 6 }) : q) };
    }
    case 2: {
      const name = pick(questionNames(document), a);
      return { label: 'step', apply: (q) => (name ? (stepElement(q, name, b % 2 === 0 ? 1 : -1) ?? q) : q) };
    }
    case 3: {
      const name = pick(questionNames(document), a);
      return { label: 'remove', apply: (q) => (name ? removeElement(q, name) : q) };
    }
    case 4: {
      const name = pick(questionNames(document), a);
      return { label: 'duplicate', apply: (q) => (name ? duplicateElement(q, name).questionnaire : q) };
    }
    case 5:
      return { label: 'page', apply: (q) => addPage(q, b % (q.pages.length + 1)).questionnaire };
    case 6: {
      const page = pick(document.pages, a)!.name;
      return { label: 'section', apply: (q) => addSection(q, { page }) };
    }
    default: {
      const name = pick(questionNames(document), a);
      // Typing: the same merge key several times in a row is one step.
      return {
        label: 'title',
        mergeKey: `title:${name}`,
        apply: (q) => {
          const found = name ? locate(q, name) : undefined;
          return found ? setIn(q, [...found.path, 'title'], { vi: `Tiêu đề ${b}`, en: `Title ${c}` }) : q;
        },
      };
    }
  }
}

describe('undo and redo', () => {
  it('should give back the original document after any sequence of edits and as many undos', () => {
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 25 }), (edits) => {
        const original = copyTemplate('sipas-2640')!;
        const snapshot = structuredClone(original);
        let clock = 0;
        const session = new DocumentSession(original, () => (clock += 2000));
        for (const edit of edits) session.apply(toEdit(edit, session.document));
        const final = session.document;
        while (session.history.canUndo) session.undo();
        assert.equal(session.document, original, 'the very same object comes back');
        assert.deepEqual(original, snapshot, 'no edit mutated the document it was given');
        while (session.history.canRedo) session.redo();
        assert.equal(session.document, final);
        const names = [...usedNames(final)];
        assert.equal(new Set(names).size, names.length, 'names stay unique');
      }),
      { numRuns: 150 },
    );
  });

  it('should merge edits with the same key within a moment into one step, and not across a seal', () => {
    let clock = 0;
    const history = new EditHistory(() => clock);
    const q0 = copyTemplate('kiosk-quick')!;
    const q1 = setIn(q0, ['title'], 'a');
    const q2 = setIn(q1, ['title'], 'ab');
    history.record('title', q0, q1, 'k');
    clock += 300;
    history.record('title', q1, q2, 'k');
    assert.equal(history.undo()?.before, q0, 'two keystrokes, one step');
    assert.equal(history.canUndo, false);
    history.redo();
    history.seal();
    const q3 = setIn(q2, ['title'], 'abc');
    clock += 100;
    history.record('title', q2, q3, 'k');
    assert.equal(history.undo()?.before, q2, 'after a seal the next keystroke is a new step');
    clock += 5000;
    const q4 = setIn(q2, ['title'], 'x');
    history.record('title', q2, q4, 'k');
    assert.equal(history.canRedo, false, 'a new edit drops what was undone');
  });

  it('should not record an edit that changes nothing, and leave the document as it was when an edit throws', () => {
    const original = copyTemplate('kiosk-quick')!;
    const session = new DocumentSession(original);
    assert.equal(session.apply({ label: 'nothing', apply: (q) => q }), false);
    assert.throws(() => session.apply({ label: 'bad', apply: () => { throw new Error('boom'); } }), /boom/);
    assert.equal(session.document, original);
    assert.equal(session.history.canUndo, false);
  });
});
