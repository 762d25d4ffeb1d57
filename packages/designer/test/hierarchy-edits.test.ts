/**
 * Edits of the units and service-field lists: each kind of edit keeps the 2640 template valid,
 * keeps ids unique, follows level references, and never mutates the document it was given.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type Hierarchy, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import {
  addChildItem,
  addLevel,
  addressAfterIndent,
  addressAfterOutdent,
  addSiblingItem,
  flattenItems,
  HierarchyEditError,
  hierarchyProblems,
  idFromLabel,
  idsOf,
  indentItem,
  isIdentifier,
  itemAt,
  moveItem,
  moveLevel,
  newItem,
  newLevel,
  outdentItem,
  parsePastedItems,
  pasteItems,
  questionsUsingLevel,
  removeItem,
  removeLevel,
  setItemField,
  setItemId,
  setItemLabel,
  setLevelId,
  setLevelLabel,
  uniqueId,
} from '../src/model/hierarchy-edits.js';
import { setIn } from '../src/model/immutable.js';

/** Freezes a document all the way down, so a function that mutates it throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A frozen copy of the 2640 template (its units: 2 provinces → districts → communes; 1-level service fields). */
function template2640(): Questionnaire {
  const questionnaire = copyTemplate('sipas-2640');
  assert.ok(questionnaire, '@sipas/templates has sipas-2640');
  return deepFreeze(questionnaire);
}

/** The 2640 template with its unit dropdown limited to communes. */
function withCommuneDropdown(): Questionnaire {
  const questionnaire = copyTemplate('sipas-2640')!;
  const dropdown = questionnaireDropdown(questionnaire, 'units');
  return deepFreeze(setIn(questionnaire, [...dropdown, 'choicesFrom', 'level'], 'commune'));
}

/** The path of the first dropdown bound to `list`. */
function questionnaireDropdown(questionnaire: Questionnaire, list: string): (string | number)[] {
  for (const [p, page] of questionnaire.pages.entries())
    for (const [s, section] of page.sections.entries())
      for (const [q, question] of section.questions.entries())
        if ((question as { choicesFrom?: { list: string } }).choicesFrom?.list === list) return ['pages', p, 'sections', s, 'questions', q];
  throw new Error(`no dropdown on ${list}`);
}

const units = (questionnaire: Questionnaire): Hierarchy => questionnaire.sipas!.units!;

function assertValid(questionnaire: Questionnaire): void {
  const result = validateQuestionnaire(questionnaire);
  assert.deepEqual(result.errors, [], 'the edited document still validates');
}

function assertUniqueIds(hierarchy: Hierarchy): void {
  const ids = flattenItems(hierarchy).map((row) => row.item.id);
  assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids.join(', ')}`);
}

const ids = (hierarchy: Hierarchy | undefined): string[] => flattenItems(hierarchy).map((row) => `${'  '.repeat(row.depth)}${row.item.id}`);

describe('ids from labels', () => {
  it('should drop diacritics, đ and punctuation', () => {
    assert.equal(idFromLabel('Huyện Đồng Lam'), 'huyen-dong-lam');
    assert.equal(idFromLabel('  Sở Tài nguyên & Môi trường! '), 'so-tai-nguyen-moi-truong');
    assert.equal(idFromLabel('Phường 12'), 'phuong-12');
  });

  it('should give a usable id for labels with no letters or digits', () => {
    assert.equal(idFromLabel('—'), 'muc');
    assert.equal(idFromLabel(''), 'muc');
    assert.ok(isIdentifier(idFromLabel('“…”')));
  });

  it('should keep ids within the format maximum', () => {
    const id = uniqueId(idFromLabel('Xã '.repeat(200)), new Set());
    assert.ok(isIdentifier(id), id);
  });

  it('should number repeated ids from 2', () => {
    const taken = new Set(['huyen-dong-lam', 'huyen-dong-lam-2']);
    assert.equal(uniqueId('huyen-dong-lam', taken), 'huyen-dong-lam-3');
    assert.equal(uniqueId('xa-moi', taken), 'xa-moi');
  });

  it('should accept only the format Identifier', () => {
    assert.ok(isIdentifier('ex-p1.d_2'));
    assert.ok(!isIdentifier('-p1'));
    assert.ok(!isIdentifier('xã'));
    assert.ok(!isIdentifier('a b'));
    assert.ok(!isIdentifier(''));
    assert.ok(!isIdentifier('a'.repeat(101)));
  });
});

describe('item edits', () => {
  it('should add a child with a free id and the level of its depth', () => {
    const before = template2640();
    const child = newItem(units(before), 2);
    const after = addChildItem(before, 'units', [0, 0], child);
    assert.equal(itemAt(units(after), [0, 0, 2])?.id, 'muc-moi');
    assert.equal(itemAt(units(after), [0, 0, 2])?.level, 'commune');
    assertValid(after);
    const second = addChildItem(after, 'units', [0, 0], newItem(units(after), 2));
    assert.equal(itemAt(units(second), [0, 0, 3])?.id, 'muc-moi-2');
    assertUniqueIds(units(second));
  });

  it('should add a sibling right after the item and keep untouched branches', () => {
    const before = template2640();
    const after = addSiblingItem(before, 'units', [0], newItem(units(before), 0, 'Tỉnh Đồng Lam'));
    assert.deepEqual(units(after).items.map((item) => item.id), ['ex-p1', 'tinh-dong-lam', 'ex-p2']);
    assert.equal(units(after).items[0], units(before).items[0], 'the first province keeps its identity');
    assert.equal(after.pages, before.pages);
    assertValid(after);
  });

  it('should create the list when the questionnaire has none', () => {
    const before = deepFreeze({ ...copyTemplate('sipas-2640')!, sipas: { survey: { agency: 'UBND' } } }) as Questionnaire;
    const after = pasteItems(before, 'units', [], [{ id: 'p1', label: 'Tỉnh 1' }]);
    assert.deepEqual(after.sipas?.units, { items: [{ id: 'p1', label: 'Tỉnh 1' }] });
    assert.deepEqual(after.sipas?.survey, { agency: 'UBND' });
  });

  it('should remove an item with its children, and drop an emptied children array', () => {
    const before = template2640();
    const after = removeItem(before, 'units', [0, 1, 0]);
    assert.equal(itemAt(units(after), [0, 1])?.children, undefined);
    assert.ok(!('children' in itemAt(units(after), [0, 1])!));
    assertValid(after);
    const whole = removeItem(before, 'units', [0]);
    assert.deepEqual(ids(units(whole)), ['ex-p2', '  ex-p2-d1', '    ex-p2-d1-c1']);
    assertValid(whole);
  });

  it('should refuse to remove the last item of a list and unknown addresses', () => {
    const one = deepFreeze(removeItem(template2640(), 'units', [1]));
    assert.throws(() => removeItem(one, 'units', [0]), HierarchyEditError);
    assert.throws(() => removeItem(one, 'units', [5]), RangeError);
  });

  it('should move items among their siblings only', () => {
    const before = template2640();
    const down = moveItem(before, 'units', [0, 0], 1);
    assert.deepEqual(units(down).items[0]!.children!.map((item) => item.id), ['ex-p1-d2', 'ex-p1-d1']);
    assertValid(down);
    assert.equal(moveItem(before, 'units', [0, 0], -1), before, 'the first cannot go up');
    assert.equal(moveItem(before, 'units', [1], 1), before, 'the last cannot go down');
  });

  it('should indent into the sibling above and follow its level', () => {
    const before = template2640();
    const after = indentItem(before, 'units', [0, 1]);
    assert.deepEqual(addressAfterIndent(units(before), [0, 1]), [0, 0, 2]);
    const moved = itemAt(units(after), [0, 0, 2])!;
    assert.equal(moved.id, 'ex-p1-d2');
    assert.equal(moved.level, 'commune');
    assert.equal(moved.children?.[0]?.level, undefined, 'past the last level a descendant has none');
    assertValid(after);
    assert.equal(indentItem(before, 'units', [0]), before, 'the first item has nothing above');
  });

  it('should outdent after the parent and follow the level back', () => {
    const before = template2640();
    const after = outdentItem(before, 'units', [0, 0]);
    assert.deepEqual(addressAfterOutdent([0, 0]), [1]);
    assert.deepEqual(units(after).items.map((item) => item.id), ['ex-p1', 'ex-p1-d1', 'ex-p2']);
    assert.equal(itemAt(units(after), [1])?.level, 'province');
    assert.equal(itemAt(units(after), [1, 0])?.level, 'district');
    assertValid(after);
    assert.equal(outdentItem(before, 'units', [1]), before, 'a top item cannot go out');
  });

  it('should keep a level that is not the default of the old depth', () => {
    const before = deepFreeze(setIn(template2640(), ['sipas', 'units', 'items', 0, 'children', 1, 'level'], 'commune'));
    const after = outdentItem(before, 'units', [0, 1]);
    assert.equal(itemAt(units(after), [1])?.level, 'commune');
  });

  it('should set ids, labels, levels and codes', () => {
    const before = template2640();
    let after = setItemId(before, 'units', [1], 'tinh-b');
    after = setItemLabel(after, 'units', [1], 'vi', 'Tỉnh B');
    after = setItemLabel(after, 'units', [1], 'en', '');
    after = setItemField(after, 'units', [1], 'officialCode', '01');
    after = setItemField(after, 'units', [1, 0], 'level', '');
    assert.deepEqual({ ...itemAt(units(after), [1]), children: undefined }, { id: 'tinh-b', label: 'Tỉnh B', level: 'province', officialCode: '01', children: undefined });
    assert.equal(itemAt(units(after), [1, 0])?.level, undefined);
    assertValid(after);
    after = setItemLabel(after, 'units', [1], 'en', 'Province B');
    assert.deepEqual(itemAt(units(after), [1])?.label, { vi: 'Tỉnh B', en: 'Province B' });
    after = setItemField(after, 'units', [1], 'officialCode', '');
    assert.ok(!('officialCode' in itemAt(units(after), [1])!));
  });
});

describe('level edits', () => {
  it('should add, rename and reorder levels', () => {
    const before = template2640();
    let after = addLevel(before, 'units', newLevel(units(before)));
    assert.deepEqual(units(after).levels!.map((level) => level.id), ['province', 'district', 'commune', 'cap-4']);
    after = setLevelLabel(after, 'units', 3, 'vi', 'Thôn/Tổ dân phố');
    after = moveLevel(after, 'units', 3, -1);
    assert.deepEqual(units(after).levels!.map((level) => level.id), ['province', 'district', 'cap-4', 'commune']);
    assertValid(after);
  });

  it('should carry a renamed level id to items and dropdowns', () => {
    const before = withCommuneDropdown();
    const after = setLevelId(before, 'units', 2, 'xa');
    assert.equal(itemAt(units(after), [0, 0, 0])?.level, 'xa');
    assert.deepEqual(questionsUsingLevel(after, 'units', 'xa'), questionsUsingLevel(before, 'units', 'commune'));
    assert.equal(questionsUsingLevel(before, 'units', 'commune').length, 1);
    assertValid(after);
  });

  it('should not merge two levels when renaming to an existing id', () => {
    const before = template2640();
    const after = setLevelId(before, 'units', 2, 'district');
    assert.equal(itemAt(units(after), [0, 0, 0])?.level, 'commune');
    assert.ok(hierarchyProblems(units(after)).some((problem) => problem.target === 'level' && problem.code === 'duplicate-id'));
  });

  it('should remove a level and its references so the document stays valid', () => {
    const before = withCommuneDropdown();
    const after = removeLevel(before, 'units', 2);
    assert.equal(itemAt(units(after), [0, 0, 0])?.level, undefined);
    assert.deepEqual(questionsUsingLevel(after, 'units', 'commune'), []);
    assertValid(after);
    const fields = removeLevel(template2640(), 'serviceFields', 0);
    assert.ok(!('levels' in fields.sipas!.serviceFields!), 'the last level removes levels');
    assertValid(fields);
  });
});

describe('problems', () => {
  it('should find nothing in the template', () => {
    assert.deepEqual(hierarchyProblems(units(template2640())), []);
  });

  it('should locate empty, invalid and duplicate ids, empty labels and unknown levels', () => {
    let q = template2640();
    q = setItemId(q, 'units', [0, 0], 'ex-p2');
    q = setItemId(q, 'units', [0, 1], 'huyện a2');
    q = setItemId(q, 'units', [1, 0], '');
    q = setItemLabel(q, 'units', [1], 'vi', '  ');
    q = setItemField(q, 'units', [0, 0, 0], 'level', 'hamlet');
    const found = hierarchyProblems(units(q)).map((problem) => `${problem.address.join('.')} ${problem.field} ${problem.code}`);
    assert.deepEqual(found, ['0.0 id duplicate-id', '0.0.0 level unknown-level', '0.1 id invalid-id', '1 id duplicate-id', '1 label empty-label', '1.0 id empty-id']);
    const duplicate = hierarchyProblems(units(q))[0]!;
    assert.match(duplicate.message.vi, /ex-p2/);
    assert.match(duplicate.message.en, /used by 2 items/);
  });
});

describe('bulk paste', () => {
  const pasted = ['Huyện Đồng Lam', '  Xã Hòa An', '\tXã Hòa Bình', 'h-dl | Huyện Đồng Lam', 'Huyện Đồng Lam', '    Thôn 1'].join('\n');

  it('should nest by indentation and generate unique ids', () => {
    const result = parsePastedItems(pasted, { taken: new Set(['xa-hoa-an']), levels: ['district', 'commune'] });
    assert.deepEqual(
      result.rows.map((row) => [row.depth, row.id, row.label, row.level ?? '']),
      [
        [0, 'huyen-dong-lam', 'Huyện Đồng Lam', 'district'],
        [1, 'xa-hoa-an-2', 'Xã Hòa An', 'commune'],
        [1, 'xa-hoa-binh', 'Xã Hòa Bình', 'commune'],
        [0, 'h-dl', 'Huyện Đồng Lam', 'district'],
        [0, 'huyen-dong-lam-2', 'Huyện Đồng Lam', 'district'],
        [1, 'thon-1', 'Thôn 1', 'commune'],
      ],
    );
    assert.equal(result.items.length, 3);
    assert.deepEqual(result.items[0]!.children!.map((item) => item.id), ['xa-hoa-an-2', 'xa-hoa-binh']);
    assert.equal(result.problems.length, 1, 'the four-space line jumps a step');
    assert.equal(result.problems[0]!.line, 6);
  });

  it('should read lines relative to the least indented and skip blank lines', () => {
    const result = parsePastedItems('    A\n\n      B\r\n    C', { taken: new Set() });
    assert.deepEqual(result.rows.map((row) => [row.line, row.depth, row.id]), [[1, 0, 'a'], [3, 1, 'b'], [4, 0, 'c']]);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(parsePastedItems('  \n', { taken: new Set() }), { rows: [], items: [], problems: [] });
  });

  it('should report typed ids that are invalid or taken and empty labels', () => {
    const result = parsePastedItems('ex-p1 | Tỉnh A\nxã 1 | Xã\nok |  \nok2 | Xã 2\nok2 | Xã 3', { taken: new Set(['ex-p1']) });
    assert.deepEqual(result.problems.map((problem) => problem.line), [1, 2, 3, 5]);
    assert.ok(result.problems.every((problem) => problem.message.vi.startsWith('Dòng') && problem.message.en.startsWith('Line')));
  });

  it('should paste under an item with levels from its depth and keep the document valid', () => {
    const before = template2640();
    const parsed = parsePastedItems('Xã Mới\nPhường Mới', { taken: idsOf(units(before)), levels: units(before).levels!.map((level) => level.id), baseDepth: 2 });
    const after = pasteItems(before, 'units', [0, 0], parsed.items);
    assert.deepEqual(units(after).items[0]!.children![0]!.children!.map((item) => [item.id, item.level]), [
      ['ex-p1-d1-c1', 'commune'],
      ['ex-p1-d1-c2', 'commune'],
      ['xa-moi', 'commune'],
      ['phuong-moi', 'commune'],
    ]);
    assertValid(after);
    assertUniqueIds(units(after));
    assert.equal(pasteItems(before, 'units', [], []), before);
  });
});

describe('purity', () => {
  it('should never mutate the document it was given (every kind of edit on a frozen document)', () => {
    const frozen = withCommuneDropdown();
    const snapshot = JSON.stringify(frozen);
    const edits: ((q: Questionnaire) => Questionnaire)[] = [
      (q) => addChildItem(q, 'units', [1, 0], newItem(units(q), 2)),
      (q) => addSiblingItem(q, 'serviceFields', [0], newItem(q.sipas!.serviceFields, 0)),
      (q) => removeItem(q, 'units', [0, 0]),
      (q) => moveItem(q, 'units', [0], 1),
      (q) => indentItem(q, 'units', [1]),
      (q) => outdentItem(q, 'units', [0, 0, 1]),
      (q) => setItemId(q, 'units', [0], 'p-1'),
      (q) => setItemLabel(q, 'units', [0], 'en', 'P1'),
      (q) => setItemField(q, 'units', [0], 'officialCode', '01'),
      (q) => addLevel(q, 'units', newLevel(units(q))),
      (q) => removeLevel(q, 'units', 2),
      (q) => moveLevel(q, 'units', 0, 1),
      (q) => setLevelId(q, 'units', 2, 'xa'),
      (q) => setLevelLabel(q, 'units', 0, 'vi', 'Tỉnh'),
      (q) => pasteItems(q, 'units', [], parsePastedItems('Tỉnh C\n  Huyện C1', { taken: idsOf(units(q)) }).items),
    ];
    for (const edit of edits) {
      const after = edit(frozen);
      assert.notEqual(after, frozen);
      assertValid(after);
      assertUniqueIds(units(after));
    }
    assert.equal(JSON.stringify(frozen), snapshot);
  });
});
