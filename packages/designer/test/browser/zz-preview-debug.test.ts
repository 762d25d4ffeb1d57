import { fixture, html } from '@open-wc/testing';
import '../../src/components/preview/index.js';
import { FormHarness } from '../../../form/test/browser/harness.js';
import { blankQuestionnaire } from '../../src/components/gallery/index.js';
import type { SipasForm } from '@sipas/form';

it('debug', async () => {
  const q = { ...blankQuestionnaire(), pages: [{ name: 'p', sections: [{ name: 's', questions: [{ type: 'single', name: 'hl', required: true, title: { vi: 'HL?', en: 'S?' }, choices: [{ value: 1, text: { vi: 'Có', en: 'Yes' } }, { value: 0, text: { vi: 'Không', en: 'No' } }] }] }] }] } as any;
  const el = await fixture<any>(html`<sipas-designer-preview .questionnaire=${q}></sipas-designer-preview>`);
  await el.updateComplete;
  const form = el.shadowRoot.querySelector('sipas-form') as SipasForm;
  const h = new FormHarness(form);
  await h.settled();
  const gen = () => (el as any).generation;
  console.log('gen', gen(), 'phase', (form as any).phase);
  form.addEventListener('sipas-submit', (e) => console.log('submit event', e.defaultPrevented));
  h.option('hl', 'Có').click();
  await h.settled();
  console.log('data', JSON.stringify(form.data), 'phase', (form as any).phase, gen());
  await h.click('submit-button');
  console.log('after submit phase', (form as any).phase, 'same form', el.shadowRoot.querySelector('sipas-form') === form, gen(), (form as any).summary);
  await new Promise((r) => setTimeout(r, 300));
  console.log('later phase', (form as any).phase, el.shadowRoot.querySelector('sipas-form') === form, gen(), JSON.stringify((form as any).summary));
});
