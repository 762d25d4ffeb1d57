/**
 * The one call that adds a question type to a page (D6): its semantics and schema fragment go to
 * the engine and the format's registries, and its element, designer entry and SurveyJS mapping
 * travel with it, so `<sipas-form>`, `<sipas-designer>` and `toSurveyJS` all find them there.
 * On a page the element is required: a type the form cannot draw is a mistake to hear about now,
 * not when a citizen reaches the question. (Servers, which draw nothing, use @sipas/core's
 * `defineQuestionType` with the same definition minus its element.)
 */
import { coreTypes, defineQuestionType as defineInEngine, type CoreTypeRegistry, type QuestionTypeDefinition, type RegisteredQuestionType } from '@sipas/core';
import { message, QuestionTypeError, quote } from '@sipas/schema';
import { SipasQuestionElement } from './components/questions/question-element.js';

export function defineQuestionType(definition: QuestionTypeDefinition, registry: CoreTypeRegistry = coreTypes): RegisteredQuestionType {
  const { type, element } = definition;
  if (!element) {
    throw new QuestionTypeError(
      message(`Loại câu hỏi ${quote(type)} cần phần tử hiển thị (element: { tag, class })`, `Question type ${quote(type)} needs its element (element: { tag, class })`),
    );
  }
  if (typeof element.class !== 'function' || !(element.class.prototype instanceof SipasQuestionElement)) {
    throw new QuestionTypeError(
      message(`Phần tử của loại ${quote(type)} phải kế thừa SipasQuestionElement`, `The element of type ${quote(type)} must extend SipasQuestionElement`),
    );
  }
  const tag = element.tag;
  const taken = customElements.get(tag);
  if (taken && taken !== element.class) {
    throw new QuestionTypeError(message(`Thẻ <${tag}> của loại ${quote(type)} đã là của phần tử khác`, `The tag <${tag}> of type ${quote(type)} already belongs to another element`));
  }
  const registered = defineInEngine(definition, registry);
  // Defined now, not when a form first draws the type: a reserved tag or a class already defined
  // under another tag is refused here, and the type is taken back out.
  if (!taken) {
    try {
      customElements.define(tag, element.class as unknown as CustomElementConstructor);
    } catch (error) {
      registry.remove(type);
      throw new QuestionTypeError(
        message(`Không định nghĩa được phần tử <${tag}> của loại ${quote(type)}: ${(error as Error).message}`, `The element <${tag}> of type ${quote(type)} cannot be defined: ${(error as Error).message}`),
      );
    }
  }
  return registered;
}
