import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { hierarchyChoiceIds, flattenHierarchy, localize, type AnswerValue, type DropdownQuestion, type HierarchyItem } from '@sipas/schema';
import { SipasQuestionElement } from './question-element.js';
import { otherOption, renderOtherText } from './other-option.js';
import { ui } from '../../i18n.js';

interface Option {
  value: AnswerValue;
  label: string;
}

/** Depth of every item of a tree, so nested units read as a tree in a flat list. */
function depths(items: HierarchyItem[], depth = 0, into = new Map<string, number>()): Map<string, number> {
  for (const item of items) {
    into.set(item.id, depth);
    if (item.children) depths(item.children, depth + 1, into);
  }
  return into;
}

/**
 * One choice from a drop-down list: the questionnaire's choices, or one of its lists of units or
 * service fields shown as an indented tree, with an optional "other" text.
 *
 * It is not placed by hand: `<sipas-form>` creates one for each question of type `dropdown` and
 * sets `form`, `name` and `number`. It renders into the form's shadow root (it has none of its
 * own), so its parts are styled through the form: `sipas-form::part(...)`.
 *
 * @summary One choice from a drop-down list, with an optional "other" text.
 *
 * @tagname sipas-question-dropdown
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart input - the drop-down list
 * @csspart other-input - the text box of the "other" answer
 */
export class SipasQuestionDropdown extends SipasQuestionElement {
  private options(question: DropdownQuestion): Option[] {
    const { questionnaire } = this.form!;
    if (question.choicesFrom) {
      const hierarchy = questionnaire.sipas?.[question.choicesFrom.list];
      const labels = new Map(flattenHierarchy(hierarchy).map((item) => [item.id, item.label]));
      const depthOf = depths(hierarchy?.items ?? []);
      const onOneLevel = question.choicesFrom.level !== undefined;
      return hierarchyChoiceIds(questionnaire, question.choicesFrom.list, question.choicesFrom.level).map((id) => ({
        value: id,
        label: `${onOneLevel ? '' : '\u00a0\u00a0'.repeat(depthOf.get(id) ?? 0)}${localize(labels.get(id) ?? id, this.locale)}`,
      }));
    }
    return (question.choices ?? []).filter((choice) => this.form!.isItemVisible(this.name, choice.value)).map((choice) => ({ value: choice.value, label: this.text(choice.text) }));
  }

  protected override render() {
    const question = this.question as DropdownQuestion;
    const options: Option[] = [...this.options(question), ...otherOption(this.form!, question).map(({ value, label }) => ({ value: value as AnswerValue, label }))];
    const value = this.value;
    const selected = value === undefined ? '' : String(value);
    return this.renderFrame(
      html`<select
          id=${this.idOf('input')}
          part="input"
          .value=${live(selected)}
          ?disabled=${this.disabled}
            aria-invalid=${this.invalid}
          aria-describedby=${this.describedBy}
          @change=${(event: Event) => {
            const chosen = (event.target as HTMLSelectElement).value;
            this.commit(this.name, chosen === '' ? undefined : options.find((option) => String(option.value) === chosen)?.value);
          }}
        >
          <option value="">${question.placeholder ? this.text(question.placeholder) : ui('choose', this.locale)}</option>
          ${options.map((option) => html`<option value=${String(option.value)} ?selected=${String(option.value) === selected}>${option.label}</option>`)}
        </select>
        ${renderOtherText(this.form!, this.name, this.idOf('other'), this.idOf('errors'), (key, text) => this.commit(key, text))}`,
      false,
    );
  }
}
