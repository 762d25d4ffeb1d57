/**
 * The canvas shows each question with the runtime's own element, so it looks like the result.
 * Each question gets a one-question form of its own, cached by the question object's identity:
 * copy-on-write edits give a changed question a new object, so an edit rebuilds one small form,
 * not the form of a 300-question document. Logic is left out (the canvas shows every question,
 * and an expression naming a question elsewhere would not load in a one-question form).
 * Forms run with the designer's type registry, so custom types show too; the cache is per
 * registry as well.
 */
import { Form, coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { questionElementTag, type SipasQuestionElement } from '@sipas/form';
import type { Question, Questionnaire } from '@sipas/schema';

interface CachedForm {
  scales: Questionnaire['scales'];
  sipas: Questionnaire['sipas'];
  form: Form | undefined;
}

const forms = new WeakMap<Question, Map<CoreTypeRegistry, CachedForm>>();

const PREVIEW_PAGE = 'sipasDesignerPreviewPage';
const PREVIEW_SECTION = 'sipasDesignerPreviewSection';

/** The question as the canvas shows it: every condition and rule taken out. */
function withoutLogic(question: Question): Question {
  const { visibleIf: _v, enableIf: _e, requiredIf: _r, validators: _rules, ...rest } = question as Question & Record<string, unknown>;
  const shown = rest as Question & { choices?: unknown; rows?: unknown };
  const dropConditions = (items: unknown) =>
    Array.isArray(items)
      ? items.map((item: unknown) => {
          if (!item || typeof item !== 'object') return item;
          const { visibleIf: _hidden, ...kept } = item as Record<string, unknown>;
          return kept;
        })
      : items;
  if (Array.isArray(shown.choices)) shown.choices = dropConditions(shown.choices);
  if (Array.isArray(shown.rows)) shown.rows = dropConditions(shown.rows);
  return shown;
}

/**
 * A form holding just this question, run with `types` (the shared `coreTypes` by default), or
 * undefined when the question cannot be shown as it is.
 */
export function previewForm(questionnaire: Questionnaire, question: Question, locale: string, types: CoreTypeRegistry = coreTypes): Form | undefined {
  let byRegistry = forms.get(question);
  if (!byRegistry) forms.set(question, (byRegistry = new Map()));
  const cached = byRegistry.get(types);
  if (cached && cached.scales === questionnaire.scales && cached.sipas === questionnaire.sipas) {
    if (cached.form && cached.form.locale !== locale) cached.form.locale = locale;
    return cached.form;
  }
  let form: Form | undefined;
  try {
    form = new Form(
      {
        formatVersion: questionnaire.formatVersion,
        id: 'sipas-designer-preview',
        title: 'preview',
        scales: questionnaire.scales,
        sipas: questionnaire.sipas,
        pages: [{ name: PREVIEW_PAGE, sections: [{ name: PREVIEW_SECTION, questions: [withoutLogic(question)] }] }],
      },
      { locale, types },
    );
  } catch {
    form = undefined;
  }
  byRegistry.set(types, { scales: questionnaire.scales, sipas: questionnaire.sipas, form });
  return form;
}

/** One element per question name, kept across renders (as the form does), pointed at its preview form. */
export class QuestionNodes {
  private readonly nodes = new Map<string, SipasQuestionElement>();

  node(form: Form, question: Question, types: CoreTypeRegistry = coreTypes): SipasQuestionElement | undefined {
    const tag = questionElementTag(question.type, types);
    if (!tag) return undefined;
    let node = this.nodes.get(question.name);
    if (!node || node.localName !== tag) {
      node = document.createElement(tag) as SipasQuestionElement;
      node.name = question.name;
      this.nodes.set(question.name, node);
    }
    node.form = form;
    return node;
  }

  /** Forgets elements of questions no longer in the document. */
  keepOnly(names: Set<string>): void {
    for (const name of this.nodes.keys()) if (!names.has(name)) this.nodes.delete(name);
  }
}
