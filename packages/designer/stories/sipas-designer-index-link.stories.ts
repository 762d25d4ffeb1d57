/**
 * <sipas-designer-index-link>, the property panel's index-model field, on its own: the access grid
 * of SIPAS 2640 (A_criteria) placed in its component of the index model. Choosing another
 * component asks for a designer edit, which the story's host applies to its copy of the document.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { DesignerEdit } from '../src/index.js';
import type { SipasDesignerIndexLink } from '../src/components/properties/index.js';
import { editorFrame, sipas2640, type EditorArgs } from './property-editor-host.js';
import '../src/index.js';

type IndexLinkArgs = EditorArgs & { questionName: string };
type Story = StoryObj<IndexLinkArgs>;

const LABEL = { vi: 'Thành phần chỉ số', en: 'Index component' } as const;
const LAST_EDIT = { vi: 'Thay đổi vừa rồi: {0}', en: 'Last change: {0}' } as const;

/** Applies the editor's edit to the document it shows, as <sipas-designer> would. */
function applyEdit(event: CustomEvent<DesignerEdit>): void {
  const frame = event.currentTarget as HTMLElement;
  const editor = frame.querySelector<SipasDesignerIndexLink>('sipas-designer-index-link');
  if (!editor?.questionnaire) return;
  event.stopPropagation();
  editor.questionnaire = event.detail.apply(editor.questionnaire);
  const status = frame.querySelector('[role="status"]');
  if (status) status.textContent = LAST_EDIT[(frame.lang || 'vi') as keyof typeof LAST_EDIT].replace('{0}', event.detail.label);
}

const meta: Meta<IndexLinkArgs> = {
  title: 'Designer/Parts/sipas-designer-index-link',
  component: 'sipas-designer-index-link',
  tags: ['autodocs'],
  args: { lang: 'vi', questionName: 'A_criteria' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the field (`lang` attribute)' },
    questionName: { control: 'select', options: ['A_criteria', 'A_satisfaction', 'gender'], description: 'The question whose items are placed (`question-name`)' },
  },
  render: ({ lang, questionName }) =>
    html`<div @sipas-designer-edit=${applyEdit} lang=${lang}>
      ${editorFrame(LABEL[lang], lang, html`<sipas-designer-index-link lang=${lang} question-name=${questionName} .questionnaire=${sipas2640()}></sipas-designer-index-link>`)}
    </div>`,
};
export default meta;

/** The four access criteria, placed in the access component of the index. */
export const AccessCriteria: Story = {
  name: 'Access criteria',
  play: async ({ canvasElement }) => {
    const editor = canvasElement.querySelector('sipas-designer-index-link')!;
    await waitFor(() => expect(editor.shadowRoot!.querySelector('select')).toBeTruthy());
  },
};

/** The access rating question (A_satisfaction). */
export const AccessRating: Story = { name: 'Access rating', args: { questionName: 'A_satisfaction' } };
