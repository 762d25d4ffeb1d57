/**
 * @sipas/form's `defineQuestionType`: the one call a page makes. The element is part of the
 * definition, the form draws the type with it, and a definition the form could not draw is
 * refused at the call.
 */
import { expect } from '@open-wc/testing';
import { coreTypes } from '@sipas/core';
import { QuestionTypeError, type Questionnaire } from '@sipas/schema';
import { defineQuestionType, SipasQuestionElement } from '../../src/index.js';
import { isolated, renderForm } from './harness.js';

class TestStars extends SipasQuestionElement {
  protected override render() {
    return this.renderFrame(
      this.renderChoiceGroup({
        kind: 'radio',
        options: [1, 2, 3].map((stars) => ({ value: stars, label: `${stars} sao` })),
        isChecked: (stars) => stars === this.value,
        onToggle: (stars) => this.commit(this.name, stars),
      }),
      true,
    );
  }
}

const starsType = (type: string) => ({ type, schema: { properties: { type: 'object' }, answer: { type: 'integer', minimum: 1, maximum: 3 } } });

const questionnaire = (type: string): Questionnaire =>
  isolated({
    formatVersion: '1.0',
    id: 'stars',
    title: 'Sao',
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type, name: 'stars', title: 'Mấy sao?' } as never] }] }],
  });

describe('defineQuestionType on a page', () => {
  it('should draw a type with the element its definition brings, and take answers from it', async () => {
    defineQuestionType({ ...starsType('test-stars'), element: { tag: 'test-stars-question', class: TestStars } });
    try {
      const form = (await renderForm(questionnaire('test-stars'))).element;
      const element = form.shadowRoot!.querySelector('test-stars-question') as TestStars;
      expect(element).to.be.instanceOf(TestStars);
      await element.updateComplete;
      element.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.click();
      expect(form.data.stars).to.equal(2);
      expect(element.querySelector('[role=radiogroup]')!.getAttribute('aria-labelledby')).to.equal('sipas-stars-title');
    } finally {
      coreTypes.remove('test-stars');
    }
  });

  it('should refuse a definition without an element, or whose element is not a question element, registering nothing', () => {
    const refused = (call: () => unknown, english: RegExp) =>
      expect(call).to.throw(QuestionTypeError).with.property('localized').that.satisfies((text: { vi: string; en: string }) => english.test(text.en) && text.vi.length > 0);
    refused(() => defineQuestionType(starsType('test-bare')), /needs its element/);
    refused(() => defineQuestionType({ ...starsType('test-plain'), element: { tag: 'test-plain-question', class: class extends HTMLElement {} } }), /must extend SipasQuestionElement/);
    expect(coreTypes.has('test-bare')).to.equal(false);
    expect(coreTypes.has('test-plain')).to.equal(false);
  });

  it('should define the element at the call, refusing a tag another element has or a reserved one, and keep nothing of the type', () => {
    const refused = (call: () => unknown, english: RegExp) =>
      expect(call).to.throw(QuestionTypeError).with.property('localized').that.satisfies((text: { en: string }) => english.test(text.en));
    customElements.define('test-taken-tag', class extends HTMLElement {});
    refused(() => defineQuestionType({ ...starsType('test-taken'), element: { tag: 'test-taken-tag', class: class extends TestStars {} } }), /<test-taken-tag> of type "test-taken" already belongs to another element/);
    refused(() => defineQuestionType({ ...starsType('test-reserved'), element: { tag: 'font-face', class: class extends TestStars {} } }), /cannot be defined/);
    expect(coreTypes.has('test-taken')).to.equal(false);
    expect(coreTypes.has('test-reserved')).to.equal(false, 'taken back out when its element could not be defined');
    // Defined at the call, before any form draws it.
    defineQuestionType({ ...starsType('test-eager'), element: { tag: 'test-eager-question', class: class extends TestStars {} } });
    try {
      expect(customElements.get('test-eager-question')).to.not.equal(undefined);
    } finally {
      coreTypes.remove('test-eager');
    }
  });

  it('should say on the page that a type registered without an element cannot be shown there', async () => {
    // A server-side definition (no element) reached a page: the citizen is told, nothing breaks.
    const { defineQuestionType: defineSemantics } = await import('@sipas/core');
    defineSemantics(starsType('test-headless'));
    try {
      const form = (await renderForm(questionnaire('test-headless'), { lang: 'en' })).element;
      expect(form.shadowRoot!.querySelector('.unsupported')!.textContent).to.include('"test-headless" is not supported on this page');
    } finally {
      coreTypes.remove('test-headless');
    }
  });
});
