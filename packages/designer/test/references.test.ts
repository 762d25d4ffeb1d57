/** Finding, renaming and weighing the removal of references to a question across the whole document. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { expressionSites, findReferences, removalImpact, renameInExpression, renameReferences } from '../src/model/references.js';
import { getIn, setIn, toPointer } from '../src/model/immutable.js';
import { locate } from '../src/model/locate.js';

/**
 * p1/s1: q1 (single, with "other"), q2 (likert r1 r2), q3 (text piping {q1} in its title),
 * q4 (compares with a string that only looks like a reference), q5 (validator, choices with conditions);
 * q10; p2 (shown on a likert row)/s2 (shown on q10): q6 (enabled by "other" text). The index reads q2 and names q1, q3.
 */
function sample(): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'refs',
    title: { vi: 'Phiếu {q1}', en: 'Form' },
    sipas: {
      index: {
        satisfied: [4, 5],
        root: { id: 'ALL', method: 'mean', children: [{ id: 'R1', source: { question: 'q2', row: 'r1' } }, { id: 'R2', source: { question: 'q2', row: 'r2' } }] },
        distributions: ['q1'],
        breakdowns: ['q3'],
      },
    },
    pages: [
      {
        name: 'p1',
        sections: [
          {
            name: 's1',
            questions: [
              { type: 'single', name: 'q1', title: 'Chọn', choices: [{ value: 'a', text: 'A' }, { value: 'b', text: 'B' }], other: true },
              { type: 'likert', name: 'q2', title: 'Lưới', scale: 'satisfaction-5', rows: [{ value: 'r1', text: 'Hàng 1' }, { value: 'r2', text: 'Hàng {q1}' }] },
              { type: 'text', name: 'q3', title: { vi: 'Vì sao chọn { q1 }?', en: 'Why {q1.x} and {q10}?' }, visibleIf: "{q1} = 'a'   AND {q2.r1} >= 4" },
              { type: 'text', name: 'q4', title: 'Q4', visibleIf: "{q3} = '{q1}' or {q3} = \"x {q1}\"" },
              {
                type: 'multiple',
                name: 'q5',
                title: 'Q5',
                choices: [{ value: 'x', text: 'X', visibleIf: '{ q1 } <> "b"' }, { value: 'y', text: 'Y' }],
                validators: [{ type: 'expression', expression: 'count({q5}) <= 2 or {q1-other} notempty', message: 'Tối đa 2' }],
              },
              { type: 'text', name: 'q10', title: 'Q10' },
            ],
          },
        ],
      },
      {
        name: 'p2',
        visibleIf: '{q2.r2} empty',
        sections: [{ name: 's2', visibleIf: '{q10} = 1', questions: [{ type: 'text', name: 'q6', title: 'Q6', enableIf: '{q1-other} notempty' }] }],
      },
    ],
  };
}

const pointers = (references: { path: (string | number)[] }[]) => references.map((reference) => toPointer(reference.path));

describe('expressionSites', () => {
  it('should work on a valid sample', () => {
    assert.deepEqual(validateQuestionnaire(sample()).errors, []);
  });

  it('should list every expression with its owner and property, in document order', () => {
    const sites = expressionSites(sample());
    assert.deepEqual(
      sites.map((site) => [toPointer(site.path), site.owner.kind, site.owner.name, site.property]),
      [
        ['/pages/0/sections/0/questions/2/visibleIf', 'question', 'q3', 'visibleIf'],
        ['/pages/0/sections/0/questions/3/visibleIf', 'question', 'q4', 'visibleIf'],
        ['/pages/0/sections/0/questions/4/validators/0/expression', 'question', 'q5', 'validators.0.expression'],
        ['/pages/0/sections/0/questions/4/choices/0/visibleIf', 'question', 'q5', 'choices.0.visibleIf'],
        ['/pages/1/visibleIf', 'page', 'p2', 'visibleIf'],
        ['/pages/1/sections/0/visibleIf', 'section', 's2', 'visibleIf'],
        ['/pages/1/sections/0/questions/0/enableIf', 'question', 'q6', 'enableIf'],
      ],
    );
    for (const site of sites) assert.equal(getIn(sample(), site.path), site.expression);
  });

  it('should find the two conditions of the standard 2640 questionnaire', () => {
    const sites = expressionSites(copyTemplate('sipas-2640')!);
    assert.ok(sites.length >= 2);
    assert.ok(sites.every((site) => site.expression.includes('{feedback_given}')));
  });

  it('should list nothing for a questionnaire without logic, and skip non-string values', () => {
    const q = sample();
    const bare: Questionnaire = { ...q, pages: [{ name: 'p', sections: [{ name: 's', questions: [{ type: 'text', name: 't', title: 'T', visibleIf: 3 as unknown as string }] }] }] };
    assert.deepEqual(expressionSites(bare), []);
  });
});

describe('findReferences', () => {
  it('should find {name}, {name-other}, piped texts and index entries, but not text inside string literals', () => {
    const found = findReferences(sample(), 'q1');
    assert.deepEqual(
      found.map((reference) => [reference.kind, toPointer(reference.path), reference.property]),
      [
        ['expression', '/pages/0/sections/0/questions/2/visibleIf', 'visibleIf'],
        ['expression', '/pages/0/sections/0/questions/4/validators/0/expression', 'validators.0.expression'],
        ['expression', '/pages/0/sections/0/questions/4/choices/0/visibleIf', 'choices.0.visibleIf'],
        ['expression', '/pages/1/sections/0/questions/0/enableIf', 'enableIf'],
        ['text', '/title/vi', 'title.vi'],
        ['text', '/pages/0/sections/0/questions/1/rows/1/text', 'rows.1.text'],
        ['text', '/pages/0/sections/0/questions/2/title/vi', 'title.vi'],
        ['text', '/pages/0/sections/0/questions/2/title/en', 'title.en'],
        ['index', '/sipas/index/distributions/0', 'sipas.index.distributions.0'],
      ],
    );
    assert.ok(!pointers(found).includes('/pages/0/sections/0/questions/3/visibleIf'), 'a string literal "{q1}" is no reference');
  });

  it('should find likert rows {q.row} and the index sources of a grid', () => {
    const found = findReferences(sample(), 'q2');
    assert.deepEqual(pointers(found), [
      '/pages/0/sections/0/questions/2/visibleIf',
      '/pages/1/visibleIf',
      '/sipas/index/root/children/0/source/question',
      '/sipas/index/root/children/1/source/question',
    ]);
    assert.deepEqual(found.map((reference) => reference.owner), [{ kind: 'question', name: 'q3' }, { kind: 'page', name: 'p2' }, { kind: 'questionnaire', name: '' }, { kind: 'questionnaire', name: '' }]);
  });

  it('should not take a name for a longer one that starts with it', () => {
    assert.deepEqual(pointers(findReferences(sample(), 'q10')), ['/pages/1/sections/0/visibleIf', '/pages/0/sections/0/questions/2/title/en']);
  });

  it('should find nothing for an unknown name and ignore expressions that do not parse', () => {
    assert.deepEqual(findReferences(sample(), 'nobody'), []);
    const q = sample();
    q.pages[0]!.sections[0]!.questions[3]!.visibleIf = '{q1} = ';
    assert.ok(!pointers(findReferences(q, 'q1')).includes('/pages/0/sections/0/questions/3/visibleIf'));
  });

  it('should find the references of the standard 2640 questionnaire', () => {
    const q = copyTemplate('sipas-2640')!;
    assert.ok(findReferences(q, 'feedback_given').filter((reference) => reference.kind === 'expression').length >= 2);
    assert.ok(findReferences(q, 'A_criteria').filter((reference) => reference.kind === 'index').length >= 4);
    assert.deepEqual(findReferences(q, 'gender').map((reference) => reference.property), ['sipas.index.breakdowns.0']);
  });
});

describe('renameInExpression', () => {
  it('should rewrite only the names inside references, keeping spacing, case and literals', () => {
    assert.equal(renameInExpression("{q1} = 'a'   AND {q2.r1} >= 4", 'q2', 'grid'), "{q1} = 'a'   AND {grid.r1} >= 4");
    assert.equal(renameInExpression("{ q1 } = '{q1}' or {q1-other} notempty", 'q1', 'job'), "{ job } = '{q1}' or {job-other} notempty");
    assert.equal(renameInExpression('{q10} = 1', 'q1', 'x'), '{q10} = 1');
    assert.equal(renameInExpression('{q1} = ', 'q1', 'x'), '{q1} = ', 'an expression that does not parse is left alone');
  });
});

describe('renameReferences', () => {
  it('should rewrite every reference and keep every other character and object', () => {
    const before = sample();
    const after = renameReferences(before, 'q1', 'job');
    assert.equal(getIn(after, ['pages', 0, 'sections', 0, 'questions', 2, 'visibleIf']), "{job} = 'a'   AND {q2.r1} >= 4");
    assert.equal(getIn(after, ['pages', 0, 'sections', 0, 'questions', 3, 'visibleIf']), "{q3} = '{q1}' or {q3} = \"x {q1}\"");
    assert.equal(getIn(after, ['pages', 0, 'sections', 0, 'questions', 4, 'choices', 0, 'visibleIf']), '{ job } <> "b"');
    assert.equal(getIn(after, ['pages', 0, 'sections', 0, 'questions', 4, 'validators', 0, 'expression']), 'count({q5}) <= 2 or {job-other} notempty');
    assert.equal(getIn(after, ['pages', 1, 'sections', 0, 'questions', 0, 'enableIf']), '{job-other} notempty');
    assert.deepEqual(getIn(after, ['pages', 0, 'sections', 0, 'questions', 2, 'title']), { vi: 'Vì sao chọn { job }?', en: 'Why {job.x} and {q10}?' });
    assert.equal(getIn(after, ['pages', 0, 'sections', 0, 'questions', 1, 'rows', 1, 'text']), 'Hàng {job}');
    assert.deepEqual(after.title, { vi: 'Phiếu {job}', en: 'Form' });
    assert.deepEqual(after.sipas!.index!.distributions, ['job']);
    assert.deepEqual(after.sipas!.index!.breakdowns, ['q3']);
    assert.deepEqual(before, sample(), 'the original is not mutated');
  });

  it('should keep the identity of every object it did not change', () => {
    const before = sample();
    const after = renameReferences(before, 'q2', 'grid');
    const questions = (q: Questionnaire) => q.pages[0]!.sections[0]!.questions;
    assert.equal(questions(after)[0], questions(before)[0]);
    assert.equal(questions(after)[1], questions(before)[1], 'the grid itself is renamed by the caller, not here');
    assert.notEqual(questions(after)[2], questions(before)[2]);
    assert.equal(questions(after)[4], questions(before)[4]);
    assert.equal(after.pages[1]!.sections, before.pages[1]!.sections, 'only the page condition changed');
    assert.equal(after.sipas!.index!.distributions, before.sipas!.index!.distributions);
    assert.equal(after.sipas!.index!.root.children![1]!.source!.row, 'r2');
    assert.equal(after.sipas!.index!.root.children![1]!.source!.question, 'grid');
  });

  it('should return the same document when nothing refers to the name or the names are equal', () => {
    const q = sample();
    assert.equal(renameReferences(q, 'nobody', 'x'), q);
    assert.equal(renameReferences(q, 'q1', 'q1'), q);
  });

  it('should keep the standard 2640 questionnaire valid after renaming a referenced question and its references', () => {
    const q = copyTemplate('sipas-2640')!;
    const renamed = renameReferences(q, 'feedback_given', 'gave_feedback');
    const json = JSON.stringify(renamed);
    assert.ok(!json.includes('{feedback_given}'));
    assert.equal(json.split('{gave_feedback}').length, JSON.stringify(q).split('{feedback_given}').length);
    // Rename the question too, as the designer does, and the document stays valid.
    const located = locate(renamed, 'feedback_given')!;
    const complete = setIn(renamed, [...located.path, 'name'], 'gave_feedback');
    assert.deepEqual(validateQuestionnaire(complete).errors, []);
  });
});

describe('removalImpact', () => {
  it('should list the references that would break, once each', () => {
    const impact = removalImpact(sample(), ['q1', 'q2']);
    assert.deepEqual(pointers(impact), [
      '/pages/0/sections/0/questions/2/visibleIf',
      '/pages/0/sections/0/questions/4/validators/0/expression',
      '/pages/0/sections/0/questions/4/choices/0/visibleIf',
      '/pages/1/sections/0/questions/0/enableIf',
      '/title/vi',
      '/pages/0/sections/0/questions/2/title/vi',
      '/pages/0/sections/0/questions/2/title/en',
      '/sipas/index/distributions/0',
      '/pages/1/visibleIf',
      '/sipas/index/root/children/0/source/question',
      '/sipas/index/root/children/1/source/question',
    ]);
  });

  it('should leave out references held by elements removed with them', () => {
    // Removing page p2 with everything in it: its own conditions go with it.
    assert.deepEqual(removalImpact(sample(), ['p2', 's2', 'q6']), []);
    assert.deepEqual(pointers(removalImpact(sample(), ['q10'])), ['/pages/1/sections/0/visibleIf', '/pages/0/sections/0/questions/2/title/en']);
    // Removing q3 breaks q4's condition and the index breakdown.
    assert.deepEqual(pointers(removalImpact(sample(), ['q3'])), ['/pages/0/sections/0/questions/3/visibleIf', '/sipas/index/breakdowns/0']);
  });

  it('should find nothing for an empty list or unreferenced questions', () => {
    assert.deepEqual(removalImpact(sample(), []), []);
    assert.deepEqual(removalImpact(sample(), ['q6']), []);
  });
});
