/**
 * The two example question types in a `<sipas-form>`, as a page that loads their scripts next to
 * the drop-in shows them: questionnaire.json, the counter rating of the custom-types example, with
 * three faces ratings (counted in the QUAY index) and an administrative-unit picker.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { customTypesDemo, formArgTypes, freshDevice, renderForm, shownForm, type FormArgs } from './custom-type-stories.js';

type Story = StoryObj<FormArgs>;

const meta: Meta<FormArgs> = {
  title: 'Examples/Custom question types/In a form',
  component: 'sipas-form',
  args: { lang: 'vi', mode: 'online', questionnaire: customTypesDemo },
  argTypes: formArgTypes,
  beforeEach: freshDevice,
  render: renderForm,
};
export default meta;

/** Both types on one page: each question is drawn by its type's element, `<sipas-faces>` or `<sipas-admin-unit>`. */
export const BothTypes: Story = {
  name: 'Faces and administrative unit (vi)',
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    await waitFor(() => expect(form.shadowRoot!.querySelectorAll('sipas-faces').length).toBe(3));
    await expect(form.shadowRoot!.querySelector('sipas-admin-unit select')).toBeTruthy();
  },
};

export const BothTypesEnglish: Story = { name: 'Faces and administrative unit (en)', args: { lang: 'en' } };

/** The same questionnaire on the counter's tablet (`mode="kiosk"`): larger targets, the form's kiosk layout. */
export const Kiosk: Story = { name: 'Kiosk', args: { mode: 'kiosk' } };

/** Custom answers are checked and submitted like built-in ones: a face level and a path of unit codes. */
export const Submitted: Story = {
  name: 'Submitted',
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    form.data = { overall: 3, attitude: 2, residence: ['79', '26734'] };
    await expect(await form.submit()).toBe(true);
    await waitFor(() => expect(form.shadowRoot!.querySelector('[part~="thank-you"]')).toBeTruthy());
  },
};
