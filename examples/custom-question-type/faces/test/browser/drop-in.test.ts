/**
 * The built scripts as a site uses them: the drop-in and `sipas-faces.js` loaded as classic
 * scripts, nothing imported. One extra script is all a page needs for `<sipas-form>` to draw, check
 * and submit faces questions. Needs `npm run build` (the test says so when the files are missing).
 *
 * This file imports no @sipas module on purpose: the page's `<sipas-form>` must be the drop-in's.
 */
import { expect } from '@open-wc/testing';

const DROP_IN = '/packages/form/dist/sipas-form.bundle.js';
const FACES = '/examples/custom-question-type/dist/sipas-faces.js';

/** Appends a classic script and waits for it to run. */
async function loadScript(src: string): Promise<void> {
  const reply = await fetch(src, { method: 'HEAD' });
  if (!reply.ok) throw new Error(`${src} is missing (HTTP ${reply.status}): run \`npm run build\` first`);
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} failed to load`));
    document.head.append(script);
  });
}

interface DropInForm extends HTMLElement {
  questionnaire: unknown;
  data: Record<string, unknown>;
  updateComplete: Promise<unknown>;
}

const questionnaire = {
  formatVersion: '1.0',
  id: `faces-drop-in-${crypto.randomUUID().slice(0, 8)}`,
  title: 'Đánh giá tại quầy',
  pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type: 'faces', name: 'service', title: 'Ông/Bà hài lòng với sự phục vụ?', levels: 3, required: true }] }] }],
};

describe('sipas-faces.js beside the drop-in', () => {
  const pageErrors: string[] = [];
  const onError = (event: ErrorEvent) => pageErrors.push(event.message);

  before(async () => {
    window.addEventListener('error', onError);
    await loadScript(DROP_IN);
    await loadScript(FACES);
    // A page that includes the script twice (two CMS widgets) keeps working.
    await loadScript(FACES);
  });

  after(() => window.removeEventListener('error', onError));

  it('should let the drop-in\'s form draw, check and submit a faces question', async () => {
    expect(pageErrors).to.deep.equal([]);
    const form = document.createElement('sipas-form') as DropInForm;
    form.setAttribute('mode', 'kiosk');
    form.setAttribute('reset-delay', '600');
    form.questionnaire = questionnaire;
    document.body.append(form);
    const root = () => form.shadowRoot!;
    const until = async (what: string, found: () => boolean) => {
      for (let i = 0; i < 100 && !found(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      if (!found()) throw new Error(`timed out waiting for ${what}`);
    };
    try {
      await until('the faces question', () => root()?.querySelector('sipas-faces input[type=radio]') !== null);
      const faces = root().querySelector('sipas-faces')!;
      expect(faces.constructor).to.equal(customElements.get('sipas-faces'));
      expect([...faces.querySelectorAll('.choice-text')].map((node) => node.textContent?.trim())).to.deep.equal(['Không hài lòng', 'Hài lòng', 'Rất hài lòng']);

      // Submitting unanswered: the required error, from the drop-in's engine.
      const submit = () => root().querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      submit();
      await until('the required error', () => faces.querySelector('.errors') !== null);

      const submitted: unknown[] = [];
      form.addEventListener('sipas-submit', (event) => submitted.push((event as CustomEvent<{ response: { answers: unknown } }>).detail.response.answers));
      faces.querySelectorAll<HTMLElement>('label.choice')[2]!.click();
      await form.updateComplete;
      expect(form.data).to.deep.equal({ service: 3 });
      submit();
      await until('the submission', () => submitted.length > 0);
      expect(submitted).to.deep.equal([{ service: 3 }]);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      form.remove();
    }
  });
});
