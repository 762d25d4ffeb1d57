/**
 * What the designer knows of each question type: its toolbox entry (label, glyph, group), the
 * JSON Schema of its properties (the property panel is generated from it) and the question a new
 * one starts as. Built-in types are entered here; a custom type brings its entry in the `designer`
 * part of its definition (`defineQuestionType`), and one without it still gets a generic entry
 * (its name, a schema of the common properties plus its fragment), so it needs no designer code.
 */
import {
  BUILT_IN_QUESTION_TYPES,
  QUESTIONNAIRE_SCHEMA,
  questionTypes,
  type Question,
  type SchemaFragment,
} from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry, type DesignerPart, type DesignerPropertyText, type ToolboxGroup } from '@sipas/core';

export type { ToolboxGroup };

export interface DesignerTypeEntry {
  type: string;
  label: { vi: string; en: string };
  /** A short glyph shown on the toolbox button (decorative). */
  icon: string;
  group: ToolboxGroup;
  /** JSON Schema of the question's properties; `$ref`s point into the questionnaire schema's `$defs`. */
  schema: SchemaFragment;
  /** A new question of this type with the given name. */
  create: (name: string) => Question;
  /** The name new questions of this type are given, numbered (`q` gives q1, q2…). */
  namePrefix?: string;
  /** Own property editors by property name (element tags), in place of the generated ones. */
  editors?: Record<string, string>;
  /** The panel's labels and hints of the type's own properties, in both languages (`designer.properties`). */
  properties?: Readonly<Record<string, DesignerPropertyText>>;
}

const NEW_TITLE = { vi: 'Câu hỏi mới', en: 'New question' };
const choice = (n: number) => ({ value: n, text: { vi: `Lựa chọn ${n}`, en: `Option ${n}` } });
const definition = (name: string): SchemaFragment => ({ $ref: `#/$defs/${name}` });

const BUILT_IN_ENTRIES: DesignerTypeEntry[] = [
  {
    type: 'single',
    label: { vi: 'Chọn một', en: 'Single choice' },
    icon: '◉',
    group: 'choice',
    schema: definition('SingleQuestion'),
    create: (name) => ({ type: 'single', name, title: NEW_TITLE, choices: [choice(1), choice(2), choice(3)] }),
  },
  {
    type: 'multiple',
    label: { vi: 'Chọn nhiều', en: 'Multiple choice' },
    icon: '☑',
    group: 'choice',
    schema: definition('MultipleQuestion'),
    create: (name) => ({ type: 'multiple', name, title: NEW_TITLE, choices: [choice(1), choice(2), choice(3)] }),
  },
  {
    type: 'dropdown',
    label: { vi: 'Danh sách thả xuống', en: 'Dropdown' },
    icon: '▾',
    group: 'choice',
    schema: definition('DropdownQuestion'),
    create: (name) => ({ type: 'dropdown', name, title: NEW_TITLE, choices: [choice(1), choice(2), choice(3)] }),
  },
  {
    type: 'boolean',
    label: { vi: 'Có / Không', en: 'Yes / No' },
    icon: '⊘',
    group: 'choice',
    schema: definition('BooleanQuestion'),
    create: (name) => ({ type: 'boolean', name, title: NEW_TITLE }),
  },
  {
    type: 'rating',
    label: { vi: 'Mức độ hài lòng', en: 'Rating' },
    icon: '★',
    group: 'scale',
    schema: definition('RatingQuestion'),
    create: (name) => ({ type: 'rating', name, title: NEW_TITLE, scale: 'satisfaction-5' }),
  },
  {
    type: 'likert',
    label: { vi: 'Bảng đánh giá (nhiều tiêu chí)', en: 'Likert grid' },
    icon: '▦',
    group: 'scale',
    schema: definition('LikertQuestion'),
    create: (name) => ({
      type: 'likert',
      name,
      title: NEW_TITLE,
      scale: 'satisfaction-5',
      rows: [
        { value: 'r1', text: { vi: 'Tiêu chí 1', en: 'Criterion 1' } },
        { value: 'r2', text: { vi: 'Tiêu chí 2', en: 'Criterion 2' } },
      ],
    }),
  },
  {
    type: 'text',
    label: { vi: 'Trả lời ngắn', en: 'Short text' },
    icon: 'T',
    group: 'text',
    schema: definition('TextQuestion'),
    create: (name) => ({ type: 'text', name, title: NEW_TITLE }),
  },
  {
    type: 'comment',
    label: { vi: 'Trả lời dài (ý kiến)', en: 'Long text (comment)' },
    icon: '¶',
    group: 'text',
    schema: definition('CommentQuestion'),
    create: (name) => ({ type: 'comment', name, title: NEW_TITLE }),
  },
  {
    type: 'info',
    label: { vi: 'Đoạn hướng dẫn', en: 'Information text' },
    icon: 'ℹ',
    group: 'other',
    schema: definition('InfoQuestion'),
    create: (name) => ({ type: 'info', name, text: { vi: 'Nội dung hướng dẫn', en: 'Instructions' } }),
    namePrefix: 'info',
  },
];

/** The toolbox entries the designer offers, built-ins first; extensions add theirs with `register`. */
export class DesignerTypeCatalog {
  private readonly entries = new Map<string, DesignerTypeEntry>();
  /** Entries made from custom types' definitions, per engine registry, remade when the type is defined anew. */
  private readonly made = new WeakMap<CoreTypeRegistry, Map<string, { from: object; entry: DesignerTypeEntry }>>();

  constructor(entries: DesignerTypeEntry[] = []) {
    for (const entry of entries) this.register(entry);
  }

  /** Adds a type's designer entry; a repeated type is a mistake worth hearing about. */
  register(entry: DesignerTypeEntry): void {
    if (this.entries.has(entry.type)) throw new Error(`Question type "${entry.type}" already has a designer entry`);
    this.entries.set(entry.type, entry);
  }

  unregister(type: string): boolean {
    return this.entries.delete(type);
  }

  /**
   * The entry of a type: its own, or, for a custom type of `types`, one made from the `designer`
   * part of its definition (a generic one without it, or for a type only the format knows) and
   * its schema fragment.
   */
  get(type: string, types: CoreTypeRegistry = coreTypes): DesignerTypeEntry | undefined {
    const own = this.entries.get(type);
    if (own) return own;
    // A type registered with the format alone (no engine semantics) still gets a generic entry.
    const defined = types.get(type);
    const fragment = (types.schemas ?? questionTypes).get(type);
    if (!fragment) return undefined;
    const from = defined ?? fragment;
    let made = this.made.get(types);
    if (!made) this.made.set(types, (made = new Map()));
    const known = made.get(type);
    if (known?.from === from) return known.entry;
    const entry = entryFromDefinition(type, defined?.designer, fragment.properties);
    made.set(type, { from, entry });
    return entry;
  }

  /** Every type the toolbox offers: entries here, then the custom types of `types`. */
  list(types: CoreTypeRegistry = coreTypes): DesignerTypeEntry[] {
    const extra = types.names().filter((type) => !this.entries.has(type) && !(BUILT_IN_QUESTION_TYPES as readonly string[]).includes(type));
    return [...this.entries.values(), ...extra.flatMap((type) => this.get(type, types) ?? [])];
  }
}

/** A custom type's entry: what its `designer` part says, the rest generic. */
function entryFromDefinition(type: string, part: DesignerPart | undefined, properties: SchemaFragment): DesignerTypeEntry {
  const defaults = part?.defaults ?? {};
  return {
    type,
    label: part?.label ?? { vi: type, en: type },
    icon: part?.icon ?? '◇',
    group: part?.group ?? 'other',
    schema: { allOf: [definition('AnswerableCommon'), properties] },
    create: (name) => ({ title: NEW_TITLE, ...structuredClone(defaults), type, name }) as Question,
    namePrefix: part?.namePrefix,
    editors: part?.editors,
    properties: part?.properties,
  };
}

/** The designer's shared catalog: every built-in type, plus whatever extensions register. */
export const designerTypes = new DesignerTypeCatalog(BUILT_IN_ENTRIES);

/** The questionnaire schema's definitions, which every entry's `$ref`s point into. */
export const SCHEMA_DEFINITIONS: Record<string, SchemaFragment> = QUESTIONNAIRE_SCHEMA.$defs;
