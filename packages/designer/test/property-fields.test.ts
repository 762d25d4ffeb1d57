/** The property panel's model: fields from JSON Schema, translations, list edits, index links. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QuestionTypeRegistry, validateQuestionnaire, type LikertQuestion, type Question, type Questionnaire, type SchemaFragment } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { createTypeRegistry, defineQuestionType } from '@sipas/core';
import { propertyFields, withOwnTexts, type PropertyField } from '../src/model/property-fields.js';
import { DesignerTypeCatalog, SCHEMA_DEFINITIONS, designerTypes } from '../src/model/question-catalog.js';
import {
  applicableValidatorTypes,
  defaultValidator,
  duplicateOf,
  moveItem,
  nextValues,
  parseAnswerValue,
  parsePastedLines,
  regexProblem,
  setProperty,
  withTranslation,
} from '../src/components/properties/property-edits.js';
import { codesMissingFromIndex, componentOf, indexComponents, linkToComponent, renameLeafId } from '../src/components/properties/index-links.js';
import { getIn, insertAt } from '../src/model/immutable.js';
import { locate } from '../src/model/locate.js';

const fieldsOfType = (type: string): PropertyField[] => propertyFields(designerTypes.get(type)!.schema, SCHEMA_DEFINITIONS);
const byKey = (fields: PropertyField[]) => new Map(fields.map((field) => [field.key, field]));
const sipas2640 = (): Questionnaire => copyTemplate('sipas-2640')!;

describe('propertyFields', () => {
  it('should merge a single question ($ref AnswerableCommon → QuestionCommon) with its own properties, base first', () => {
    const fields = fieldsOfType('single');
    assert.deepEqual(
      fields.map((f) => f.key),
      ['name', 'title', 'description', 'visibleIf', 'code', 'required', 'requiredIf', 'requiredMessage', 'enableIf', 'validators', 'choices', 'other', 'columns'],
    );
  });

  it('should skip type and mark required keys from every merged part', () => {
    const fields = byKey(fieldsOfType('single'));
    assert.equal(fields.has('type'), false);
    assert.equal(fields.get('name')!.required, true);
    assert.equal(fields.get('title')!.required, true);
    assert.equal(fields.get('choices')!.required, true);
    assert.equal(fields.get('description')!.required, false);
    assert.equal(fields.get('other')!.required, false);
  });

  it('should choose each editor from the schema', () => {
    const single = byKey(fieldsOfType('single'));
    assert.equal(single.get('name')!.kind, 'name');
    assert.equal(single.get('title')!.kind, 'localized');
    assert.equal(single.get('visibleIf')!.kind, 'expression');
    assert.equal(single.get('choices')!.kind, 'choices');
    assert.equal(single.get('code')!.kind, 'code');
    assert.equal(single.get('validators')!.kind, 'validators');
    assert.equal(single.get('required')!.kind, 'boolean');
    assert.equal(single.get('other')!.kind, 'option-toggle');
    assert.deepEqual([single.get('columns')!.kind, single.get('columns')!.min, single.get('columns')!.max, single.get('columns')!.integer], ['number', 1, 6, true]);

    const likert = byKey(fieldsOfType('likert'));
    assert.equal(likert.get('scale')!.kind, 'scale');
    assert.equal(likert.get('rows')!.kind, 'rows');
    assert.equal(likert.get('noOpinion')!.kind, 'option-toggle');
    assert.equal(byKey(fieldsOfType('multiple')).get('none')!.kind, 'option-toggle');

    // Same key, different schema: a comment box's rows is a number of lines.
    assert.equal(byKey(fieldsOfType('comment')).get('rows')!.kind, 'number');
    const text = byKey(fieldsOfType('text'));
    assert.equal(text.get('inputType')!.kind, 'enum');
    assert.deepEqual(text.get('inputType')!.enum, ['text', 'email', 'tel', 'number', 'date']);
    assert.equal(byKey(fieldsOfType('rating')).get('display')!.kind, 'enum');
  });

  it('should give choicesFrom nested fields', () => {
    const choicesFrom = byKey(fieldsOfType('dropdown')).get('choicesFrom')!;
    assert.equal(choicesFrom.kind, 'object');
    assert.deepEqual(
      choicesFrom.fields!.map((f) => [f.key, f.kind, f.required]),
      [
        ['list', 'enum', true],
        ['level', 'text', false],
      ],
    );
  });

  it('should take the name pattern from the schema (ElementName)', () => {
    const name = byKey(fieldsOfType('single')).get('name')!;
    assert.equal(name.pattern, SCHEMA_DEFINITIONS.ElementName!.pattern);
    assert.equal(name.maxLength, 64);
  });

  it('should group fields and label known keys in Vietnamese and English', () => {
    const fields = byKey(fieldsOfType('likert'));
    assert.deepEqual(fields.get('title')!.label, { vi: 'Tiêu đề', en: 'Title' });
    assert.equal(fields.get('enableIf')!.label.vi, 'Cho phép trả lời khi');
    assert.equal(fields.get('noOpinion')!.label.vi, 'Có lựa chọn “Không ý kiến”');
    assert.equal(fields.get('title')!.group, 'general');
    assert.equal(fields.get('rows')!.group, 'choices');
    assert.equal(fields.get('visibleIf')!.group, 'logic');
    assert.equal(fields.get('validators')!.group, 'validation');
    assert.equal(fields.get('code')!.group, 'index');
    assert.equal(fields.get('title')!.description, undefined, 'the schema’s English description is not shown for known keys');
  });

  it('should read info questions (QuestionCommon, no required title)', () => {
    const fields = byKey(fieldsOfType('info'));
    assert.equal(fields.get('title')!.required, false);
    assert.equal(fields.get('text')!.kind, 'localized');
    assert.equal(fields.has('code'), false);
  });

  it('should give a custom type a panel from its fragment alone', () => {
    const registry = new QuestionTypeRegistry();
    const fragment: SchemaFragment = {
      type: 'object',
      required: ['levels'],
      properties: {
        levels: { enum: [3, 5] },
        label: { $ref: '#/$defs/LocalizedString' },
        hint: { title: 'Gợi ý', description: 'Shown under the faces', type: 'string' },
        mood: { type: ['boolean', 'object'], properties: { text: { $ref: '#/$defs/LocalizedString' } } },
        anything: { type: ['string', 'number'] },
      },
    };
    const types = createTypeRegistry(registry);
    defineQuestionType({ type: 'faces', schema: { properties: fragment } }, types);
    const entry = new DesignerTypeCatalog().get('faces', types)!;
    const fields = byKey(propertyFields(entry.schema, SCHEMA_DEFINITIONS));
    assert.equal(fields.get('title')!.required, true, 'the common properties come too');
    assert.deepEqual([fields.get('levels')!.kind, fields.get('levels')!.required, fields.get('levels')!.enum], ['enum', true, [3, 5]]);
    assert.deepEqual(fields.get('levels')!.label, { vi: 'levels', en: 'levels' });
    assert.equal(fields.get('label')!.kind, 'localized');
    assert.deepEqual([fields.get('hint')!.kind, fields.get('hint')!.label.vi, fields.get('hint')!.description], ['text', 'Gợi ý', { vi: 'Shown under the faces', en: 'Shown under the faces' }]);
    assert.equal(fields.get('mood')!.kind, 'option-toggle');
    assert.equal(fields.get('anything')!.kind, 'json');
  });

  it("should name a custom type's own properties in both languages from its designer part, nested ones too", () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    const fragment: SchemaFragment = {
      type: 'object',
      properties: {
        levels: { title: 'Số mặt', description: 'Một ngôn ngữ', enum: [3, 5] },
        mood: { type: 'object', properties: { text: { $ref: '#/$defs/LocalizedString' }, loud: { type: 'boolean' } } },
        placeholder: { type: 'string' },
        plain: { title: 'Không đổi', type: 'string' },
      },
    };
    const properties = {
      levels: { label: { vi: 'Số mặt cười', en: 'Number of faces' }, description: { vi: '3 hoặc 5', en: '3 or 5' } },
      mood: { label: { vi: 'Tâm trạng', en: 'Mood' } },
      'mood.loud': { label: { vi: 'Nói to', en: 'Loud' } },
      placeholder: { label: { vi: 'Câu mời', en: 'Invitation' } },
    };
    defineQuestionType({ type: 'faces', schema: { properties: fragment }, designer: { label: { vi: 'Mặt', en: 'Faces' }, properties } }, types);
    const entry = new DesignerTypeCatalog().get('faces', types)!;
    assert.equal(entry.properties, properties);
    const fields = byKey(withOwnTexts(propertyFields(entry.schema, SCHEMA_DEFINITIONS), entry.properties!));
    assert.deepEqual([fields.get('levels')!.label, fields.get('levels')!.description], [properties.levels.label, properties.levels.description]);
    assert.deepEqual(fields.get('mood')!.label, { vi: 'Tâm trạng', en: 'Mood' });
    assert.deepEqual(
      fields.get('mood')!.fields!.map((field) => [field.key, field.label.en]),
      [
        ['text', 'Text'],
        ['loud', 'Loud'],
      ],
    );
    assert.deepEqual(fields.get('placeholder')!.label, properties.placeholder.label, "the type's own text wins over the designer's table for a name it reuses");
    assert.deepEqual([fields.get('plain')!.label, fields.get('plain')!.description], [{ vi: 'Không đổi', en: 'Không đổi' }, undefined]);
    assert.deepEqual(fields.get('title')!.label, { vi: 'Tiêu đề', en: 'Title' }, 'the common properties keep their labels');
  });

  it('should survive a $ref cycle and a $ref to nothing', () => {
    const definitions: Record<string, SchemaFragment> = { A: { $ref: '#/$defs/B', properties: { a: { type: 'string' } } }, B: { $ref: '#/$defs/A', properties: { b: { type: 'boolean' } } } };
    assert.deepEqual(
      propertyFields({ $ref: '#/$defs/A' }, definitions).map((f) => [f.key, f.kind]),
      [
        ['b', 'boolean'],
        ['a', 'text'],
      ],
    );
    assert.deepEqual(propertyFields({ $ref: '#/$defs/Missing', properties: { x: {} } }, definitions).map((f) => f.kind), ['json']);
  });

  it('should read the questionnaire settings as an object with defaults', () => {
    const fields = byKey(propertyFields({ properties: { settings: { $ref: '#/$defs/Settings' }, locales: { type: 'array', items: { $ref: '#/$defs/Locale' } } } }, SCHEMA_DEFINITIONS));
    const settings = byKey(fields.get('settings')!.fields!);
    assert.equal(settings.get('progressBar')!.default, true);
    assert.equal(settings.get('clearHiddenValues')!.kind, 'enum');
    assert.equal(fields.get('locales')!.kind, 'list');
  });
});

describe('withTranslation', () => {
  it('should write Vietnamese as a plain string and add other languages as an object', () => {
    assert.deepEqual(withTranslation(undefined, 'vi', 'Xin chào', false), { ok: true, value: 'Xin chào' });
    assert.deepEqual(withTranslation('Xin chào', 'en', 'Hello', false), { ok: true, value: { vi: 'Xin chào', en: 'Hello' } });
    assert.deepEqual(withTranslation({ vi: 'A', en: 'B' }, 'vi', 'C', true), { ok: true, value: { vi: 'C', en: 'B' } });
  });

  it('should remove an emptied optional text and collapse an emptied translation', () => {
    assert.deepEqual(withTranslation('Mô tả', 'vi', '', false), { ok: true, value: undefined });
    assert.deepEqual(withTranslation({ vi: 'A', en: 'B' }, 'en', '  ', false), { ok: true, value: 'A' });
  });

  it('should refuse texts the format forbids', () => {
    assert.deepEqual(withTranslation('Tiêu đề', 'vi', '', true), { ok: false, problem: 'required' });
    assert.deepEqual(withTranslation({ vi: 'A', en: 'B' }, 'vi', '', false), { ok: false, problem: 'vietnamese-kept' });
    assert.deepEqual(withTranslation(undefined, 'en', 'Hello', false), { ok: false, problem: 'vietnamese-needed' });
  });
});

describe('list edits', () => {
  it('should number new values after the existing ones', () => {
    assert.deepEqual(nextValues([{ value: 1 }, { value: 5 }], 2, 'answer'), [6, 7]);
    assert.deepEqual(nextValues([{ value: 'male' }], 2, 'answer'), [1, 2]);
    assert.deepEqual(nextValues([{ value: 'r2' }], 2, 'name'), ['r3', 'r4']);
  });

  it('should read digits as numbers and anything else as text', () => {
    assert.equal(parseAnswerValue('3'), 3);
    assert.equal(parseAnswerValue(' -2.5 '), -2.5);
    assert.equal(parseAnswerValue('007'), '007');
    assert.equal(parseAnswerValue('a1'), 'a1');
  });

  it('should turn pasted lines into items and flag duplicates', () => {
    const existing = [{ value: 1, text: 'Một' }];
    const { items, badLines } = parsePastedLines('Hai\n\n1|Một lần nữa\nx|Chữ x\n', existing, 'answer');
    assert.deepEqual(badLines, []);
    assert.deepEqual(items, [
      { value: 2, text: 'Hai' },
      { value: 1, text: 'Một lần nữa' },
      { value: 'x', text: 'Chữ x' },
    ]);
    assert.deepEqual(duplicateOf([...existing, ...items]), [-1, -1, 0, -1]);
  });

  it('should refuse pasted likert rows whose value is not a name', () => {
    const { items, badLines } = parsePastedLines('A9|Tiêu chí|A9\n9x|Sai', [], 'name');
    assert.deepEqual(items[0], { value: 'A9', text: 'Tiêu chí', code: 'A9' });
    assert.deepEqual(badLines, [2]);
  });

  it('should move items and ignore moves out of range', () => {
    assert.deepEqual(moveItem(['a', 'b', 'c'], 2, 0), ['c', 'a', 'b']);
    const list = ['a'];
    assert.equal(moveItem(list, 0, 1), list);
  });

  it('should refuse bad regular expressions the way the engine does', () => {
    assert.equal(regexProblem('^[0-9]+$'), undefined);
    assert.notEqual(regexProblem('(['), undefined);
    assert.notEqual(regexProblem('\\p{Foo}'), undefined, 'the u flag makes unknown property escapes errors');
    assert.equal(regexProblem(''), 'empty');
  });

  it('should offer the rule types that fit the question', () => {
    const question = (type: string, extra = {}) => ({ type, name: 'q', title: 'Q', ...extra }) as never;
    assert.deepEqual(applicableValidatorTypes(question('multiple')), ['count', 'expression']);
    assert.deepEqual(applicableValidatorTypes(question('text')), ['length', 'pattern', 'expression']);
    assert.deepEqual(applicableValidatorTypes(question('text', { inputType: 'date' })), ['range', 'expression']);
    assert.deepEqual(applicableValidatorTypes(question('comment')), ['length', 'pattern', 'expression']);
    assert.deepEqual(applicableValidatorTypes(question('faces')), ['range', 'length', 'pattern', 'count', 'expression']);
  });

  it('should make default rules the format accepts', () => {
    const questionnaire = sipas2640();
    const cases: [string, Record<string, unknown>][] = [
      ['multiple', {}],
      ['text', {}],
      ['text', { inputType: 'number' }],
      ['text', { inputType: 'date' }],
      ['comment', {}],
    ];
    for (const [type, extra] of cases) {
      const question = { type, name: 'probe', title: 'Thử', ...(type === 'multiple' ? { choices: [{ value: 1, text: 'Một' }] } : {}), ...extra } as Question;
      for (const rule of applicableValidatorTypes(question)) {
        const withQuestion = insertAt(questionnaire, ['pages', 0, 'sections', 0, 'questions'], 0, { ...question, validators: [defaultValidator(rule, question)] });
        assert.deepEqual(validateQuestionnaire(withQuestion).errors, [], `${type} ${JSON.stringify(extra)} ${rule}`);
      }
    }
  });
});

describe('setProperty', () => {
  it('should set a property by the element’s name without touching the input', () => {
    const questionnaire = sipas2640();
    const before = JSON.stringify(questionnaire);
    const next = setProperty(questionnaire, { kind: 'question', name: 'gender' }, ['description'], 'Chọn một');
    assert.equal(JSON.stringify(questionnaire), before);
    assert.equal(getIn(next, [...locate(next, 'gender')!.path, 'description']), 'Chọn một');
    assert.equal(next.pages[0], questionnaire.pages[0], 'untouched pages keep their identity');
  });

  it('should return the same document when nothing changes or the element is gone', () => {
    const questionnaire = sipas2640();
    assert.equal(setProperty(questionnaire, { kind: 'question', name: 'gender' }, ['description'], undefined), questionnaire);
    assert.equal(setProperty(questionnaire, { kind: 'question', name: 'nobody' }, ['title'], 'x'), questionnaire);
    assert.equal(setProperty(questionnaire, { kind: 'page', name: 'gender' }, ['title'], 'x'), questionnaire, 'the kind must match');
  });

  it('should set questionnaire properties at the root', () => {
    const next = setProperty(sipas2640(), { kind: 'questionnaire', name: '' }, ['settings', 'progressBar'], false);
    assert.equal(next.settings?.progressBar, false);
  });
});

describe('index links', () => {
  it('should list the components and find where a question sits', () => {
    const questionnaire = sipas2640();
    assert.deepEqual(
      indexComponents(questionnaire).map((node) => node.id),
      ['A', 'B', 'C', 'D', 'E'],
    );
    assert.equal(componentOf(questionnaire, 'A_criteria'), 'A');
    assert.equal(componentOf(questionnaire, 'A_satisfaction'), undefined);
  });

  it('should move a likert grid’s row items to another component, keeping the nodes', () => {
    const questionnaire = sipas2640();
    const before = JSON.stringify(questionnaire);
    const next = linkToComponent(questionnaire, 'A_criteria', 'B');
    assert.equal(JSON.stringify(questionnaire), before);
    const [a, b] = next.sipas!.index!.root.children!;
    assert.deepEqual(a!.children, []);
    assert.deepEqual(
      b!.children!.slice(-4).map((node) => [node.id, node.source]),
      ['A1', 'A2', 'A3', 'A4'].map((row) => [row, { question: 'A_criteria', row }]),
    );
    assert.equal(b!.children!.at(-1), questionnaire.sipas!.index!.root.children![0]!.children![3], 'the node itself moved');
    assert.equal(componentOf(next, 'A_criteria'), 'B');
  });

  it('should add a coded question as a leaf, and take it out again', () => {
    const questionnaire = sipas2640();
    const added = linkToComponent(questionnaire, 'A_satisfaction', 'A');
    const leaf = added.sipas!.index!.root.children![0]!.children!.at(-1)!;
    assert.deepEqual([leaf.id, leaf.method, leaf.source], ['A-S', 'share', { question: 'A_satisfaction' }]);
    assert.deepEqual(validateQuestionnaire(added).errors, []);
    const removed = linkToComponent(added, 'A_satisfaction', undefined);
    assert.deepEqual(removed.sipas!.index!.root, questionnaire.sipas!.index!.root);
  });

  it('should leave the document alone without a code, an index or a known component', () => {
    const questionnaire = sipas2640();
    assert.equal(linkToComponent(questionnaire, 'gender', 'A'), questionnaire);
    assert.equal(linkToComponent(questionnaire, 'A_satisfaction', 'Z'), questionnaire);
    const { sipas: _sipas, ...plain } = questionnaire;
    assert.equal(linkToComponent(plain as Questionnaire, 'A_criteria', 'A'), plain);
  });

  it('should report codes missing from the index model', () => {
    const questionnaire = sipas2640();
    const rating = locate(questionnaire, 'A_satisfaction')!.element;
    assert.deepEqual(codesMissingFromIndex(questionnaire, rating as never), ['A-S']);
    const likert = locate(questionnaire, 'A_criteria')!.element as LikertQuestion;
    assert.deepEqual(codesMissingFromIndex(questionnaire, likert), []);
    assert.deepEqual(codesMissingFromIndex(questionnaire, { ...likert, rows: [...likert.rows, { value: 'A9', text: 'x', code: 'A9' }] }), ['A9']);
  });

  it('should rename the question’s own leaf when its code changes', () => {
    const linked = linkToComponent(sipas2640(), 'A_satisfaction', 'A');
    const renamed = renameLeafId(linked, 'A_satisfaction', 'A-S', 'A-T');
    assert.equal(renamed.sipas!.index!.root.children![0]!.children!.at(-1)!.id, 'A-T');
    assert.equal(renamed.sipas!.index!.root.children![1], linked.sipas!.index!.root.children![1]);
    assert.equal(renameLeafId(linked, 'A_satisfaction', 'X', 'Y'), linked);
  });
});
