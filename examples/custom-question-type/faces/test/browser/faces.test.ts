/**
 * `<sipas-faces>` in a real `<sipas-form>`: it meets the bar of the built-in question types
 * (axe, errors linked with ARIA, mouse and keyboard answers, one sipas-value-change per edit), and
 * the form's kiosk mode draws its faces as big targets.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Questionnaire } from '@sipas/schema';
import type { SipasValueChangeDetail } from '@sipas/form';
import { isolated, record, renderForm, type FormHarness } from '../../../../../packages/form/test/browser/harness.js';
import '../../index.js';

const questionnaire = (): Questionnaire =>
  isolated({
    formatVersion: '1.0',
    id: 'faces-element',
    title: { vi: 'Đánh giá tại quầy', en: 'Counter rating' },
    pages: [
      {
        name: 'p1',
        sections: [
          {
            name: 's1',
            questions: [
              { type: 'faces', name: 'service', title: { vi: 'Ông/Bà hài lòng với sự phục vụ?', en: 'Are you satisfied with the service?' }, description: 'Chạm vào một khuôn mặt', levels: 3, required: true } as never,
              { type: 'faces', name: 'attitude', title: { vi: 'Thái độ của công chức', en: "The officer's attitude" } } as never,
            ],
          },
        ],
      },
    ],
  });

const press = (key: string) => sendKeys({ press: key });
const labels = (form: FormHarness, name: string) => [...form.question(name).querySelectorAll('.choice-text')].map((node) => node.textContent?.trim());

describe('<sipas-faces>', () => {
  let form: FormHarness;
  beforeEach(async () => {
    form = await renderForm(questionnaire());
  });

  describe('accessibility', () => {
    it('should have no axe violations, also when showing an error', async () => {
      await expect(form.element).shadowDom.to.be.accessible();
      await form.click('submit-button');
      await expect(form.element).shadowDom.to.be.accessible();
    });

    it('should be a radio group named by the title, each face named by its words', () => {
      const group = form.question('service').querySelector('[role=radiogroup]')!;
      expect(group.getAttribute('aria-labelledby')).to.equal('sipas-service-title');
      expect(form.question('service').querySelectorAll('input[type=radio]').length).to.equal(3);
      expect(labels(form, 'service')).to.deep.equal(['Không hài lòng', 'Hài lòng', 'Rất hài lòng']);
      for (const badge of form.question('service').querySelectorAll('.badge')) expect(badge.getAttribute('aria-hidden')).to.equal('true');
    });

    it('should link its required error to its radios', async () => {
      await form.click('submit-button');
      const errors = form.question('service').querySelector('.errors')!;
      expect(errors.textContent).to.contain('Vui lòng');
      const radios = [...form.question('service').querySelectorAll('input[type=radio]')];
      for (const radio of radios) {
        expect(radio.getAttribute('aria-invalid')).to.equal('true');
        expect(radio.getAttribute('aria-describedby')!.split(' ')).to.include(errors.id);
      }
      // Not required: no error on the other question.
      expect(form.errorText('attitude')).to.equal('');
    });
  });

  describe('properties', () => {
    it('should show five faces without levels, in the form\'s language', async () => {
      expect(labels(form, 'attitude')).to.deep.equal(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
      form.element.lang = 'en';
      await form.settled();
      expect(labels(form, 'attitude')).to.deep.equal(['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied']);
    });

    it('should show an answer set from a script', async () => {
      form.element.data = { service: 3 };
      await form.settled();
      expect(form.option('service', 'Rất hài lòng').checked).to.equal(true);
    });
  });

  describe('events', () => {
    it('should take a tap on a face as the answer, with one sipas-value-change', async () => {
      const changes = record<SipasValueChangeDetail>(form.element, 'sipas-value-change');
      (form.option('service', 'Hài lòng').closest('label') as HTMLElement).click();
      await form.settled();
      expect(form.element.data.service).to.equal(2);
      expect(changes).to.deep.equal([{ name: 'service', value: 2 }]);
    });

    it('should not fire sipas-value-change for a programmatic change', async () => {
      const changes = record<SipasValueChangeDetail>(form.element, 'sipas-value-change');
      form.element.data = { attitude: 4 };
      await form.settled();
      expect(changes).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('should take its answer with the keyboard alone and clear its error', async () => {
      await form.click('submit-button');
      expect(form.errorText('service')).to.not.equal('');
      form.control('service').focus();
      await press('Space');
      await press('ArrowRight');
      await form.settled();
      expect(form.element.data.service).to.equal(2);
      expect(form.errorText('service')).to.equal('');
      // Arrows stay within the three faces (radios wrap around from the last to the first).
      await press('ArrowRight');
      await press('ArrowRight');
      await form.settled();
      expect(form.element.data.service).to.equal(1);
    });
  });

  describe('parts and states', () => {
    it('should wear the form\'s rating classes, so kiosk mode makes its faces big targets', async () => {
      const online = form.question('service').querySelector<HTMLElement>('.rating.faces .choice')!;
      expect(online.getAttribute('part')).to.equal('choice');
      expect(online.getBoundingClientRect().height).to.be.below(96);
      form.element.remove(); // one form per page, as on a kiosk
      const kiosk = await renderForm(questionnaire(), { mode: 'kiosk' });
      const face = kiosk.question('service').querySelector<HTMLElement>('.rating.faces .choice')!;
      // 6rem: the kiosk rule of the form's stylesheet; online mode keeps the ordinary 44px target.
      expect(face.getBoundingClientRect().height).to.be.at.least(96);
      await expect(kiosk.element).shadowDom.to.be.accessible();
    });
  });
});
