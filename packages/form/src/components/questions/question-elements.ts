/**
 * Which element renders each question type: the element part of a type's definition in the form's
 * registry (`defineQuestionType({ element })`), else one registered here. The built-in types are
 * registered here, so the form renders every type through one lookup.
 */
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { defineElement } from '../../define.js';
import type { SipasQuestionElement } from './question-element.js';
import { SipasQuestionBoolean } from './question-boolean.js';
import { SipasQuestionComment } from './question-comment.js';
import { SipasQuestionDropdown } from './question-dropdown.js';
import { SipasQuestionInfo } from './question-info.js';
import { SipasQuestionLikert } from './question-likert.js';
import { SipasQuestionMultiple } from './question-multiple.js';
import { SipasQuestionRating } from './question-rating.js';
import { SipasQuestionSingle } from './question-single.js';
import { SipasQuestionText } from './question-text.js';

const tagsByType = new Map<string, string>();

/**
 * Registers the element that renders a question type. The element must extend
 * SipasQuestionElement (it receives `form`, `name` and `number`). Registering a type twice is a
 * mistake worth hearing about.
 */
export function registerQuestionElement(type: string, tag: string, element: new () => SipasQuestionElement): void {
  if (tagsByType.has(type)) throw new Error(`Question type "${type}" already has an element (<${tagsByType.get(type)}>)`);
  defineElement(tag, element);
  tagsByType.set(type, tag);
}

/** The tag that renders a question type in forms of `types`, if it has an element; defines the element on first use. */
export function questionElementTag(type: string, types: CoreTypeRegistry = coreTypes): string | undefined {
  const element = types.get(type)?.element;
  if (!element) return tagsByType.get(type);
  defineElement(element.tag, element.class as unknown as CustomElementConstructor);
  return element.tag;
}

export const BUILT_IN_QUESTION_ELEMENTS = {
  text: ['sipas-question-text', SipasQuestionText],
  comment: ['sipas-question-comment', SipasQuestionComment],
  single: ['sipas-question-single', SipasQuestionSingle],
  multiple: ['sipas-question-multiple', SipasQuestionMultiple],
  dropdown: ['sipas-question-dropdown', SipasQuestionDropdown],
  rating: ['sipas-question-rating', SipasQuestionRating],
  likert: ['sipas-question-likert', SipasQuestionLikert],
  boolean: ['sipas-question-boolean', SipasQuestionBoolean],
  info: ['sipas-question-info', SipasQuestionInfo],
} as const;

for (const [type, [tag, element]] of Object.entries(BUILT_IN_QUESTION_ELEMENTS)) registerQuestionElement(type, tag, element);
