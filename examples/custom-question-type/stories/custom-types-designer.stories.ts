/**
 * The example question types in `<sipas-designer>`: once their index.ts has run, the toolbox offers
 * them (faces under scales, the administrative unit under choices), the canvas previews them with
 * their own elements, and an admin-unit question's units are edited with its own list editor.
 * `autosave="off"` and no `server`: nothing is kept on the device, nothing leaves the page.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Questionnaire } from '@sipas/schema';
import '@sipas/designer';
import { customTypesDemo } from './custom-type-stories.js';
import { shownDesigner } from '../../../packages/designer/stories/shown-designer.js';

type DesignerArgs = { lang: 'vi' | 'en'; questionnaire: Questionnaire };
type Story = StoryObj<DesignerArgs>;

const meta: Meta<DesignerArgs> = {
  title: 'Examples/Custom question types/In the designer',
  component: 'sipas-designer',
  parameters: { layout: 'fullscreen' },
  args: { lang: 'vi', questionnaire: customTypesDemo },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the designer’s own interface (`lang` attribute)' },
    questionnaire: { control: false, description: 'The document being designed (`questionnaire` property)' },
  },
  render: ({ lang, questionnaire }) => html`<sipas-designer lang=${lang} autosave="off" .questionnaire=${structuredClone(questionnaire)}></sipas-designer>`,
};
export default meta;

/** questionnaire.json opened: the custom types in the toolbox beside the built-in ones, and on the canvas. */
export const Toolbox: Story = {
  name: 'Custom types in the toolbox',
  play: async ({ canvasElement }) => {
    const designer = await shownDesigner(canvasElement);
    const toolbox = await waitFor(() => {
      const element = designer.shadowRoot!.querySelector('sipas-designer-toolbox');
      if (!element?.shadowRoot?.querySelector('button[data-type="faces"]')) throw new Error('the toolbox does not offer faces (yet)');
      return element;
    });
    await expect(toolbox.shadowRoot!.querySelector('button[data-type="admin-unit"]')).toBeTruthy();
  },
};

export const ToolboxEnglish: Story = { name: 'Custom types in the toolbox (en)', args: { lang: 'en' } };

/** The admin-unit question selected: its `units` are edited with `<sipas-admin-unit-list-editor>` (`designer.editors`). */
export const UnitsEditor: Story = {
  name: 'Editing an admin-unit question’s units',
  play: async ({ canvasElement }) => {
    const designer = await shownDesigner(canvasElement);
    designer.select({ kind: 'question', name: 'residence' });
    await waitFor(() => {
      const properties = designer.shadowRoot!.querySelector('sipas-designer-properties');
      return expect(properties?.shadowRoot?.querySelector('sipas-admin-unit-list-editor')).toBeTruthy();
    });
  },
};
