/**
 * The checks a custom type's definition gets before anything of it is registered, so that a
 * mistake is reported in both languages at the call, not as a broken form later.
 */
import { message, QuestionTypeError, quote } from '@sipas/schema';
import type { QuestionTypeDefinition } from './registry.js';

const CUSTOM_ELEMENT_TAG = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

/** The parts a definition may carry besides its semantics, checked before anything is registered. */
export function checkParts({ type, isEmpty, normalize, validate, element, designer, surveyjs, exportColumns }: QuestionTypeDefinition): void {
  const fail = (vi: string, en: string): never => {
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
  if (designer !== undefined && (typeof designer?.label?.vi !== 'string' || typeof designer.label.en !== 'string')) {
    fail('designer.label cần cả "vi" và "en"', 'designer.label needs both "vi" and "en"');
  }
  if (surveyjs !== undefined && typeof surveyjs?.toSurveyJS !== 'function') fail('surveyjs.toSurveyJS phải là hàm', 'surveyjs.toSurveyJS must be a function');
}
