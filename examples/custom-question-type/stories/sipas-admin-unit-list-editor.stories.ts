/**
 * `<sipas-admin-unit-list-editor>`, the designer's editor of an `admin-unit` question's units, on
 * its own: one unit a line, `code; name; parent code; English name`. A valid list comes back
 * through the story's host as the property panel would take it; problems are listed by line.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { applyValueTo, editorFrame, type EditorArgs } from '../../../packages/designer/stories/property-editor-host.js';
import adminUnit from '../admin-unit/type.js';
import type { AdminUnit, AdminUnitQuestion } from '../admin-unit/units.js';
import { threeLevels } from '../admin-unit/test/questionnaires.js';
import '../admin-unit/index.js';

type ListEditorArgs = EditorArgs & { value: AdminUnit[]; question: Partial<AdminUnitQuestion> };
type Story = StoryObj<ListEditorArgs>;

const LABEL = { vi: 'Danh mục đơn vị', en: 'Unit list' } as const;

/** The designer's sample of a new question: two levels, three provinces and some of their communes. */
const sample = adminUnit.designer!.defaults as Partial<AdminUnitQuestion>;

const meta: Meta<ListEditorArgs> = {
  title: 'Examples/Custom question types/sipas-admin-unit-list-editor',
  component: 'sipas-admin-unit-list-editor',
  tags: ['autodocs'],
  args: { lang: 'vi', value: sample.units ?? [], question: sample },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the editor (`lang` attribute)' },
    value: { control: 'object', description: 'The question’s units (`value` property)' },
    question: { control: false, description: 'The question being edited (`question` property): its levels bound the depth' },
  },
  render: ({ lang, value, question }) =>
    editorFrame(
      LABEL[lang],
      lang,
      html`<sipas-admin-unit-list-editor lang=${lang} .value=${value} .question=${question} @sipas-property-value=${applyValueTo('value', lang)}></sipas-admin-unit-list-editor>`,
    ),
};
export default meta;

/** The units of a new question (the designer's sample), one a line. */
export const SampleUnits: Story = {
  name: 'Units of a new question',
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('sipas-admin-unit-list-editor')!;
    await waitFor(() => expect(editor.shadowRoot!.querySelector('textarea')?.value.split('\n').length).toBe(sample.units!.length));
  },
};

/** A three-level question (province → district → commune): parents two levels deep. */
export const ThreeLevels: Story = {
  name: 'Three levels',
  args: { value: threeLevels().units, question: threeLevels() },
};

/** Lines with problems, each named by its line: an unknown parent, a code used twice. Nothing is handed over. */
export const Problems: Story = {
  name: 'Problems by line',
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('sipas-admin-unit-list-editor')!;
    const textarea = await waitFor(() => editor.shadowRoot!.querySelector('textarea')!);
    textarea.value = '79; Thành phố Hồ Chí Minh\n26734; Phường Sài Gòn; 97\n79; Trùng mã';
    textarea.dispatchEvent(new Event('input'));
    textarea.dispatchEvent(new Event('change'));
    await waitFor(() => expect(editor.shadowRoot!.querySelectorAll('[part~="problems"] li').length).toBe(2));
    await expect(textarea.getAttribute('aria-invalid')).toBe('true');
  },
};
