/**
 * The checks a custom type's definition gets before anything of it is registered, so that a
 * mistake is reported in both languages at the call, not as a broken form later.
 */
import { message, QuestionTypeError, quote } from '@sipas/schema';
import type { DesignerPart, QuestionTypeDefinition, ToolboxGroup } from './registry.js';

const CUSTOM_ELEMENT_TAG = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

/** The parts a definition may carry besides its semantics, checked before anything is registered. */
export function checkParts({ type, schema, isEmpty, normalize, validate, element, designer, surveyjs, exportColumns }: QuestionTypeDefinition): void {
  const fail: Fail = (vi, en) => {
    throw new QuestionTypeError(message(`Loại câu hỏi ${quote(type)}: ${vi}`, `Question type ${quote(type)}: ${en}`));
  };
  for (const [name, hook] of Object.entries({ isEmpty, normalize, validate, exportColumns })) {
    if (hook !== undefined && typeof hook !== 'function') fail(`${name} phải là hàm`, `${name} must be a function`);
  }
  if (element !== undefined) {
    if (typeof element?.tag !== 'string' || !CUSTOM_ELEMENT_TAG.test(element.tag)) {
      fail(`element.tag ${quote(String(element?.tag))} không phải tên phần tử tùy biến (chữ thường, có dấu -)`, `element.tag ${quote(String(element?.tag))} is not a custom element name (lower case, with a hyphen)`);
    }
    if (typeof element.class !== 'function') fail('element.class phải là lớp của phần tử', 'element.class must be the element\'s class');
  }
  for (const [name, hook] of Object.entries({ answerValues: schema?.answerValues, satisfiedValues: schema?.satisfiedValues, checkQuestion: schema?.checkQuestion })) {
    if (hook !== undefined && typeof hook !== 'function') fail(`schema.${name} phải là hàm`, `schema.${name} must be a function`);
  }
  if (designer !== undefined) checkDesignerPart(designer, schema?.properties, fail);
  if (surveyjs !== undefined && typeof surveyjs?.toSurveyJS !== 'function') fail('surveyjs.toSurveyJS phải là hàm', 'surveyjs.toSurveyJS must be a function');
}

const GROUPS: readonly ToolboxGroup[] = ['choice', 'scale', 'text', 'other'];

type Fail = (vi: string, en: string) => never;

const isBilingual = (text: unknown): boolean =>
  typeof text === 'object' && text !== null && typeof (text as { vi?: unknown }).vi === 'string' && typeof (text as { en?: unknown }).en === 'string';

/** Whether a properties fragment declares the property at a dotted path (`levels`, `mood.loud`). */
function declares(fragment: unknown, path: string): boolean {
  let node = fragment;
  for (const name of path.split('.')) {
    const properties = (node as { properties?: unknown } | null | undefined)?.properties;
    if (typeof properties !== 'object' || properties === null || !Object.hasOwn(properties, name)) return false;
    node = (properties as Record<string, unknown>)[name];
  }
  return true;
}

/**
 * The designer part: labels in both languages, a known group, defaults a new question can be
 * copied from, editors that are element tags, property texts in both languages for properties the
 * fragment declares (a misspelt name would silently leave the fragment's title in place).
 */
function checkDesignerPart(designer: DesignerPart, ownProperties: unknown, fail: Fail): void {
  if (!isBilingual(designer?.label)) fail('designer.label cần cả "vi" và "en"', 'designer.label needs both "vi" and "en"');
  if (designer.icon !== undefined && typeof designer.icon !== 'string') fail('designer.icon phải là chuỗi', 'designer.icon must be a string');
  if (designer.group !== undefined && !GROUPS.includes(designer.group)) {
    fail(`designer.group phải là một trong ${GROUPS.join(', ')}`, `designer.group must be one of ${GROUPS.join(', ')}`);
  }
  const { defaults } = designer;
  if (defaults !== undefined) {
    let copyable = typeof defaults === 'object' && defaults !== null && !Array.isArray(defaults);
    try {
      // Each new question gets its own copy: what cannot be copied (functions) cannot be a default.
      if (copyable) structuredClone(defaults);
    } catch {
      copyable = false;
    }
    if (!copyable) fail('designer.defaults phải là một đối tượng JSON (thuộc tính của câu hỏi mới)', 'designer.defaults must be a JSON object (the new question\'s properties)');
  }
  for (const [property, tag] of Object.entries(designer.editors ?? {})) {
    if (typeof tag !== 'string' || !CUSTOM_ELEMENT_TAG.test(tag)) {
      fail(`designer.editors.${property} phải là tên phần tử tùy biến`, `designer.editors.${property} must be a custom element name`);
    }
  }
  const { properties } = designer;
  if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) {
    fail('designer.properties phải là một đối tượng theo tên thuộc tính', 'designer.properties must be an object keyed by property name');
  }
  for (const [property, text] of Object.entries(properties ?? {})) {
    const where = `designer.properties.${property}`;
    if (!declares(ownProperties, property)) {
      fail(`${where}: schema.properties không khai báo thuộc tính ${quote(property)}`, `${where}: schema.properties declares no property ${quote(property)}`);
    }
    if (!isBilingual((text as { label?: unknown } | null)?.label)) fail(`${where}.label cần cả "vi" và "en"`, `${where}.label needs both "vi" and "en"`);
    const { description } = text;
    if (description !== undefined && !isBilingual(description)) fail(`${where}.description cần cả "vi" và "en"`, `${where}.description needs both "vi" and "en"`);
  }
}
