/**
 * <sipas-designer-choices-editor>, the property panel's list editor, on its own: the choices of the
 * gender question of SIPAS 2640, the criteria rows of its access grid (with criterion codes) and the
 * levels of a scale. Each change comes back through the story's host, as in the panel.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { STANDARD_SCALES, type Questionnaire } from '@sipas/schema';
import { applyValueTo, editorFrame, questionIn, sipas2640, type EditorArgs } from './property-editor-host.js';
import '../src/index.js';

type ChoicesArgs = EditorArgs & { kind: 'choices' | 'rows' | 'levels'; question: string };
type Story = StoryObj<ChoicesArgs>;

const LABEL = { vi: 'Danh sách lựa chọn', en: 'List of options' } as const;

function itemsOf(questionnaire: Questionnaire, { kind, question }: ChoicesArgs): unknown[] {
  if (kind === 'levels') return STANDARD_SCALES['satisfaction-5']!.levels;
  const found = questionIn(questionnaire, question) as { choices?: unknown[]; rows?: unknown[] };
  return (kind === 'rows' ? found.rows : found.choices) ?? [];
}

const meta: Meta<ChoicesArgs> = {
  title: 'Designer/Parts/sipas-designer-choices-editor',
  component: 'sipas-designer-choices-editor',
  tags: ['autodocs'],
  args: { lang: 'vi', kind: 'choices', question: 'gender' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the editor (`lang` attribute)' },
    question: { table: { disable: true } },
  },
  render: (args) => {
    const questionnaire = sipas2640();
    return editorFrame(
      LABEL[args.lang],
      args.lang,
      html`<sipas-designer-choices-editor
        kind=${args.kind}
        lang=${args.lang}
        subject=${args.question}
        .items=${itemsOf(questionnaire, args)}
        .questionnaire=${questionnaire}
        @sipas-property-value=${applyValueTo('items', args.lang)}
      ></sipas-designer-choices-editor>`,
    );
  },
};
export default meta;

/** The two choices of the gender question: value, text and a condition each. */
export const Choices: Story = {
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('sipas-designer-choices-editor')!;
    const values = () => [...editor.shadowRoot!.querySelectorAll('input')].map((input) => input.value);
    await waitFor(() => expect(values()).toEqual(expect.arrayContaining(['male', 'Nam', 'female', 'Nữ'])));
  },
};

/** The four criteria of the access grid (A_criteria), each with its criterion code. */
export const LikertRows: Story = { name: 'Likert rows', args: { kind: 'rows', question: 'A_criteria' } };

/** The five levels of the standard satisfaction scale, as a scale written in place would list them. */
export const ScaleLevels: Story = { name: 'Scale levels', args: { kind: 'levels' } };
