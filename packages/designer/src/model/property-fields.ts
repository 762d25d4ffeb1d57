/**
 * The property panel's fields, read from a question type's JSON Schema (D6): `$ref`s and `allOf`
 * are merged into one ordered list of properties, and each property gets the editor its schema
 * calls for. A custom type registered with a schema fragment gets a working panel this way,
 * without designer code. DOM-free, so the choice of editors is tested under Node.
 */
import type { SchemaFragment } from '@sipas/schema';
import { isRecord } from './values.js';

/** Which editor a property gets. */
export type FieldKind =
  | 'name'
  | 'localized'
  | 'expression'
  | 'choices'
  | 'rows'
  | 'scale'
  | 'code'
  | 'validators'
  | 'option-toggle'
  | 'boolean'
  | 'enum'
  | 'number'
  | 'text'
  | 'list'
  | 'object'
  | 'json';

/** The fieldset a property is shown in. */
export type FieldGroup = 'general' | 'choices' | 'logic' | 'validation' | 'index';

export const FIELD_GROUPS: readonly FieldGroup[] = ['general', 'choices', 'logic', 'validation', 'index'];

export type FieldLabel = { vi: string; en: string };

export interface PropertyField {
  key: string;
  kind: FieldKind;
  required: boolean;
  group: FieldGroup;
  /** The type's own text, else the designer's table for known keys, else the schema's `title`, else the key. */
  label: FieldLabel;
  /** For keys the table does not know (custom types explain themselves): the type's own text, else the schema's description. */
  description?: FieldLabel;
  /** The allowed values of an `enum` field. */
  enum?: readonly unknown[];
  min?: number;
  max?: number;
  /** Number fields: whole numbers only. */
  integer?: boolean;
  /** Text fields: the pattern the value must match (from the schema). */
  pattern?: string;
  maxLength?: number;
  /** Object fields: the fields of its properties. */
  fields?: PropertyField[];
  /** What an absent value means (the schema's `default`, or the engine's for known keys). */
  default?: unknown;
}

/** Defaults the engine applies that the schema does not state: an unticked box must then be written. */
const KNOWN_DEFAULTS: Record<string, unknown> = { progressBar: true };

/** Labels of the properties the format defines, in Vietnamese and English. */
const KNOWN_LABELS: Record<string, FieldLabel> = {
  name: { vi: 'Tên (dùng trong biểu thức)', en: 'Name (used in expressions)' },
  id: { vi: 'Mã bảng hỏi', en: 'Questionnaire id' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  description: { vi: 'Mô tả', en: 'Description' },
  text: { vi: 'Nội dung', en: 'Text' },
  required: { vi: 'Bắt buộc trả lời', en: 'Answer required' },
  requiredMessage: { vi: 'Thông báo khi chưa trả lời', en: 'Message when unanswered' },
  visibleIf: { vi: 'Hiện khi', en: 'Visible if' },
  enableIf: { vi: 'Cho phép trả lời khi', en: 'Enabled if' },
  requiredIf: { vi: 'Bắt buộc khi', en: 'Required if' },
  code: { vi: 'Mã tiêu chí', en: 'Criterion code' },
  validators: { vi: 'Quy tắc kiểm tra', en: 'Validation rules' },
  placeholder: { vi: 'Gợi ý trong ô nhập', en: 'Placeholder' },
  inputType: { vi: 'Kiểu dữ liệu nhập', en: 'Input type' },
  columns: { vi: 'Số cột', en: 'Columns' },
  choices: { vi: 'Các lựa chọn', en: 'Choices' },
  choicesFrom: { vi: 'Lấy lựa chọn từ danh mục', en: 'Choices from a list' },
  list: { vi: 'Danh mục', en: 'List' },
  level: { vi: 'Cấp', en: 'Level' },
  scale: { vi: 'Thang đánh giá', en: 'Scale' },
  display: { vi: 'Kiểu hiển thị', en: 'Display' },
  searchable: { vi: 'Cho phép tìm kiếm', en: 'Searchable' },
  other: { vi: 'Có lựa chọn “Khác”', en: 'Has an “Other” option' },
  none: { vi: 'Có lựa chọn “Không có”', en: 'Has a “None” option' },
  noOpinion: { vi: 'Có lựa chọn “Không ý kiến”', en: 'Has a “No opinion” option' },
  allRowsRequired: { vi: 'Bắt buộc trả lời mọi dòng', en: 'Every row required' },
  labelTrue: { vi: 'Nhãn “Có”', en: '“Yes” label' },
  labelFalse: { vi: 'Nhãn “Không”', en: '“No” label' },
  locales: { vi: 'Ngôn ngữ của phiếu', en: 'Languages' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  progressBar: { vi: 'Hiện thanh tiến độ', en: 'Show a progress bar' },
  questionNumbers: { vi: 'Đánh số câu hỏi', en: 'Number the questions' },
  clearHiddenValues: { vi: 'Xóa câu trả lời của câu hỏi bị ẩn', en: 'Clear answers of hidden questions' },
  onePerDevice: { vi: 'Mỗi thiết bị chỉ gửi một phiếu', en: 'One response per device' },
};

/** Row-count of a comment box is a number; likert rows are a list: same key, different schema. */
const LIST_GROUP_KEYS = new Set(['choices', 'choicesFrom', 'other', 'none', 'noOpinion', 'scale', 'display', 'columns', 'searchable', 'labelTrue', 'labelFalse']);
const LOGIC_KEYS = new Set(['visibleIf', 'enableIf', 'requiredIf']);
const VALIDATION_KEYS = new Set(['required', 'requiredMessage', 'validators', 'allRowsRequired']);

const REFERENCE_KINDS: Record<string, FieldKind> = {
  LocalizedString: 'localized',
  Expression: 'expression',
  Choices: 'choices',
  ScaleRef: 'scale',
  Code: 'code',
  OtherOption: 'option-toggle',
  NoneOption: 'option-toggle',
  NoOpinionOption: 'option-toggle',
};

const isObject = (value: unknown): value is SchemaFragment => isRecord(value);

const refName = (fragment: SchemaFragment): string | undefined =>
  typeof fragment.$ref === 'string' && fragment.$ref.startsWith('#/$defs/') ? fragment.$ref.slice('#/$defs/'.length) : undefined;

/** The properties and required keys of a fragment, with its `$ref` and `allOf` parts merged in, base first. */
interface MergedObject {
  properties: Map<string, SchemaFragment>;
  required: Set<string>;
}

function mergeObject(fragment: SchemaFragment, definitions: Record<string, SchemaFragment>, seen: Set<string>, into: MergedObject): MergedObject {
  const ref = refName(fragment);
  if (ref !== undefined && !seen.has(ref) && definitions[ref]) {
    mergeObject(definitions[ref], definitions, new Set([...seen, ref]), into);
  }
  if (Array.isArray(fragment.allOf)) {
    for (const part of fragment.allOf) if (isObject(part)) mergeObject(part, definitions, seen, into);
  }
  if (Array.isArray(fragment.required)) for (const key of fragment.required) if (typeof key === 'string') into.required.add(key);
  if (isObject(fragment.properties)) {
    for (const [key, schema] of Object.entries(fragment.properties)) {
      // A later part narrowing a property (`type: { const: 'single' }`) keeps the first position.
      if (isObject(schema)) into.properties.set(key, { ...(into.properties.get(key) ?? {}), ...schema });
    }
  }
  return into;
}

/** Follows a property's `$ref` chain to the schema it stands for (siblings of `$ref` win). */
function dereference(schema: SchemaFragment, definitions: Record<string, SchemaFragment>, seen = new Set<string>()): SchemaFragment {
  const ref = refName(schema);
  if (ref === undefined || seen.has(ref) || !definitions[ref]) return schema;
  const { $ref: _ignored, ...siblings } = schema;
  return { ...dereference(definitions[ref], definitions, new Set([...seen, ref])), ...siblings };
}

const types = (schema: SchemaFragment): string[] =>
  Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : typeof schema.type === 'string' ? [schema.type] : [];

/** An array of objects that each have a value and a text: likert rows (or a custom type's list). */
function isRowList(schema: SchemaFragment, definitions: Record<string, SchemaFragment>): boolean {
  if (!types(schema).includes('array') || !isObject(schema.items)) return false;
  const item = mergeObject(schema.items, definitions, new Set(), { properties: new Map(), required: new Set() });
  return item.properties.has('value') && item.properties.has('text');
}

function kindOf(key: string, schema: SchemaFragment, definitions: Record<string, SchemaFragment>): FieldKind {
  if (key === 'name') return 'name';
  if (key === 'validators') return 'validators';
  if (key === 'code') return 'code';
  const ref = refName(schema);
  if (ref !== undefined && REFERENCE_KINDS[ref]) return REFERENCE_KINDS[ref];
  const resolved = dereference(schema, definitions);
  if (Array.isArray(resolved.enum)) return 'enum';
  if (isRowList(resolved, definitions)) return 'rows';
  const kinds = types(resolved);
  // `true` for the standard label or an object giving it, like the format's OtherOption.
  if (kinds.length === 2 && kinds.includes('boolean') && kinds.includes('object')) return 'option-toggle';
  if (kinds.length === 1) {
    const [only] = kinds;
    if (only === 'boolean') return 'boolean';
    if (only === 'integer' || only === 'number') return 'number';
    if (only === 'string') return 'text';
    if (only === 'object' && (isObject(resolved.properties) || resolved.$ref !== undefined)) return 'object';
    if (only === 'array' && isObject(resolved.items) && types(dereference(resolved.items, definitions)).join() === 'string') return 'list';
  }
  if (kinds.length === 0 && isObject(resolved.properties)) return 'object';
  return 'json';
}

function groupOf(key: string, kind: FieldKind): FieldGroup {
  if (kind === 'code') return 'index';
  if (LOGIC_KEYS.has(key)) return 'logic';
  if (VALIDATION_KEYS.has(key) || kind === 'validators') return 'validation';
  if (LIST_GROUP_KEYS.has(key) || kind === 'rows' || kind === 'choices' || kind === 'scale' || kind === 'option-toggle') return 'choices';
  return 'general';
}

function describeField(key: string, schema: SchemaFragment, required: boolean, definitions: Record<string, SchemaFragment>): PropertyField {
  const kind = kindOf(key, schema, definitions);
  const resolved = dereference(schema, definitions);
  const known = KNOWN_LABELS[key];
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const field: PropertyField = { key, kind, required, group: groupOf(key, kind), label: known ?? { vi: title ?? key, en: title ?? key } };
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (!known && description) field.description = { vi: description, en: description };
  if (kind === 'enum') field.enum = resolved.enum as unknown[];
  if (kind === 'number') {
    if (typeof resolved.minimum === 'number') field.min = resolved.minimum;
    if (typeof resolved.maximum === 'number') field.max = resolved.maximum;
    if (types(resolved).includes('integer')) field.integer = true;
  }
  if (kind === 'text' || kind === 'code' || kind === 'name') {
    if (typeof resolved.pattern === 'string') field.pattern = resolved.pattern;
    if (typeof resolved.maxLength === 'number') field.maxLength = resolved.maxLength;
  }
  if (kind === 'list' && isObject(resolved.items)) {
    const item = dereference(resolved.items, definitions);
    if (typeof item.pattern === 'string') field.pattern = item.pattern;
  }
  if (kind === 'object') field.fields = propertyFields(resolved, definitions);
  if (resolved.default !== undefined) field.default = resolved.default;
  else if (Object.hasOwn(KNOWN_DEFAULTS, key)) field.default = KNOWN_DEFAULTS[key];
  return field;
}

/**
 * The fields of an object schema, in schema order (a `$ref`'d base's properties first), without
 * `type` (a question's type is chosen in the toolbox, not typed).
 */
export function propertyFields(schema: SchemaFragment, definitions: Record<string, SchemaFragment>): PropertyField[] {
  const merged = mergeObject(schema, definitions, new Set(), { properties: new Map(), required: new Set() });
  return [...merged.properties]
    .filter(([key]) => key !== 'type')
    .map(([key, property]) => describeField(key, property, merged.required.has(key), definitions));
}

/**
 * The fields with a type's own texts (its designer part's `properties`, by property name, nested
 * ones as `parent.child`) in place of the fragment's one-language title and description, or of the
 * designer's table when the type declares a property of a known name for its own use.
 */
export function withOwnTexts(fields: readonly PropertyField[], texts: Readonly<Record<string, { label: FieldLabel; description?: FieldLabel }>>, prefix = ''): PropertyField[] {
  return fields.map((field) => {
    const text = Object.hasOwn(texts, `${prefix}${field.key}`) ? texts[`${prefix}${field.key}`] : undefined;
    const named = text ? { ...field, label: text.label, ...(text.description ? { description: text.description } : {}) } : field;
    return named.fields ? { ...named, fields: withOwnTexts(named.fields, texts, `${prefix}${field.key}.`) } : named;
  });
}

/** A field's nested field by key (object fields), for panels that lay a few out by hand. */
export const fieldByKey = (fields: readonly PropertyField[], key: string): PropertyField | undefined => fields.find((f) => f.key === key);
