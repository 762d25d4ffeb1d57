/**
 * <sipas-designer-hierarchy> on its own with the units of the 2640 template: a small host applies
 * each edit the part asks for and hands the new document back, as <sipas-designer> does.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../src/components/hierarchy/index.js';
import type { SipasDesignerHierarchy } from '../src/components/hierarchy/index.js';
import type { DesignerEdit } from '../src/model/edit.js';

type Language = 'vi' | 'en';
type HierarchyArgs = { lang: Language; list: 'units' | 'serviceFields' };

const LAST_EDIT = { vi: 'Thay đổi vừa rồi: {0}', en: 'Last change: {0}' } as const;

function template2640(): Questionnaire {
  const questionnaire = copyTemplate('sipas-2640');
  if (!questionnaire) throw new Error('@sipas/templates has no "sipas-2640"');
  return questionnaire;
}

/** Applies the part's edit and says what changed. */
function applyEdit(event: CustomEvent<DesignerEdit>): void {
  const frame = event.currentTarget as HTMLElement;
  const part = frame.querySelector<SipasDesignerHierarchy>('sipas-designer-hierarchy');
  if (!part?.questionnaire) return;
  event.stopPropagation();
  part.questionnaire = event.detail.apply(part.questionnaire);
  const status = frame.querySelector(':scope > [role="status"]');
  if (status) status.textContent = LAST_EDIT[(frame.lang || 'vi') as Language].replace('{0}', event.detail.label);
}

const meta: Meta<HierarchyArgs> = {
  title: 'Designer/Parts/Units and service fields',
  component: 'sipas-designer-hierarchy',
  tags: ['autodocs'],
  args: { lang: 'vi', list: 'units' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    list: { control: 'inline-radio', options: ['units', 'serviceFields'] },
  },
  render: ({ lang, list }) =>
    html`<section lang=${lang} @sipas-designer-edit=${applyEdit}>
      <sipas-designer-hierarchy lang=${lang} list=${list} .questionnaire=${template2640()}></sipas-designer-hierarchy>
      <p role="status" style="font: 0.875rem system-ui, sans-serif; color: #4b5563; margin: 0.75rem 0 0"></p>
    </section>`,
};
export default meta;

type Story = StoryObj<HierarchyArgs>;

/** The units of the 2640 template: province → district → commune. */
export const Units: Story = {};

/** The service fields of the 2640 template: one level. */
export const ServiceFields: Story = { args: { list: 'serviceFields' } };

/** The same in English. */
export const English: Story = { args: { lang: 'en' } };
