/**
 * Radio buttons and check boxes for a list of options, shared by single and multiple choice,
 * rating, yes/no and each likert row. Native inputs keep the keyboard behaviour people know
 * (Tab into the group, arrows between radios, Space on a check box) on every device.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AnswerValue } from '@sipas/schema';

export interface ChoiceOption {
  value: AnswerValue | boolean;
  label: string;
  /** A short mark shown big on a button (a rating's level number); the label stays the accessible name. */
  badge?: string;
}

export interface ChoiceGroup {
  kind: 'radio' | 'checkbox';
  /** The input name shared by the group; radios of one group must share it. */
  group: string;
  options: ChoiceOption[];
  isChecked: (value: ChoiceOption['value']) => boolean;
  onToggle: (value: ChoiceOption['value'], checked: boolean) => void;
  disabled: boolean;
  invalid: 'true' | typeof nothing;
  describedBy: string | typeof nothing;
}

export function renderOptions(group: ChoiceGroup): TemplateResult[] {
  return group.options.map(
    (option) => html`<label class="choice" part="choice">
      <input
        type=${group.kind}
        name=${group.group}
        .value=${String(option.value)}
        .checked=${live(group.isChecked(option.value))}
        ?disabled=${group.disabled}
        aria-invalid=${group.invalid}
        aria-describedby=${group.describedBy}
        @change=${(event: Event) => group.onToggle(option.value, (event.target as HTMLInputElement).checked)}
      /><span class="choice-label" part="choice-label">${option.badge !== undefined
        ? html`<span class="badge" aria-hidden="true">${option.badge}</span>`
        : nothing}<span class="choice-text">${option.label}</span></span>
    </label>`,
  );
}
