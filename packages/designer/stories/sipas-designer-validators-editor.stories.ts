/**
 * <sipas-designer-validators-editor>, the property panel's validation rules, on its own: a phone
 * number question with a pattern rule and its message, and a question with no rule yet. Each change
 * comes back through the story's host, as in the panel.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { TextQuestion, Validator } from '@sipas/schema';
import { applyValueTo, editorFrame, sipas2640, type EditorArgs } from './property-editor-host.js';
import '../src/index.js';

type ValidatorsArgs = EditorArgs & { validators?: Validator[] };
type Story = StoryObj<ValidatorsArgs>;

const LABEL = { vi: 'Quy tắc kiểm tra', en: 'Validation rules' } as const;

const PHONE_RULE: Validator = {
  type: 'pattern',
  pattern: '^0[0-9]{9}$',
  message: { vi: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.', en: 'A phone number has 10 digits and starts with 0.' },
};

const phoneQuestion = (validators: Validator[] | undefined): TextQuestion => ({
  type: 'text',
  name: 'phone',
  inputType: 'tel',
  title: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' },
  ...(validators ? { validators } : {}),
});

const meta: Meta<ValidatorsArgs> = {
  title: 'Designer/Parts/sipas-designer-validators-editor',
  component: 'sipas-designer-validators-editor',
  tags: ['autodocs'],
  args: { lang: 'vi', validators: [PHONE_RULE] },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the editor (`lang` attribute)' },
  },
  render: ({ lang, validators }) =>
    editorFrame(
      LABEL[lang],
      lang,
      html`<sipas-designer-validators-editor
        lang=${lang}
        .validators=${validators}
        .question=${phoneQuestion(validators)}
        .questionnaire=${sipas2640()}
        @sipas-property-value=${applyValueTo('validators', lang)}
      ></sipas-designer-validators-editor>`,
    ),
};
export default meta;

/** A pattern rule for a phone number, with its message in both languages. */
export const PatternRule: Story = {
  name: 'Pattern rule',
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('sipas-designer-validators-editor')!;
    await waitFor(() => expect([...editor.shadowRoot!.querySelectorAll('input')].map((input) => input.value)).toContain(PHONE_RULE.pattern));
  },
};

/** No rule yet: only the choice of a rule type to add. */
export const NoRules: Story = { name: 'No rules yet', args: { validators: undefined } };
