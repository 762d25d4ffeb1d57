import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { counter3, kioskQuick, sipas1001, sipas2640 } from '@sipas/templates';
import { checkResponse, seededRandom, simulateResponse } from '@sipas/core';
import { localize, validateResponse, type LocalizedString, type Questionnaire } from '@sipas/schema';
import { isolated, loadFixture, record, renderForm, FormHarness } from './harness.js';
import { completeWithKeyboard } from './keyboard-driver.js';
import type { SipasErrorDetail, SipasForm, SipasPageChangeDetail, SipasSubmitDetail } from '../../src/index.js';

const TEMPLATES: [string, Questionnaire][] = [
  ['sipas-2640', sipas2640],
  ['sipas-1001', sipas1001],
  ['counter-3', counter3],
  ['kiosk-quick', kioskQuick],
];

describe('<sipas-form>', () => {
  describe('accessibility', () => {
    for (const [id, template] of TEMPLATES) {
      it(`should have no axe violations on any page of ${id}`, async () => {
        const questionnaire = isolated(template);
        const answers = simulateResponse(questionnaire, { random: seededRandom(7), answerRate: 1 }).answers;
        const form = await renderForm(questionnaire);
        form.element.data = answers;
        await form.settled();
        let pages = 1;
        await expect(form.element).shadowDom.to.be.accessible();
        while (form.hasButton('next-button')) {
          const before = form.pageHeading();
          await form.click('next-button');
          expect(form.pageHeading(), `Next refused on "${before}": ${form.text().slice(0, 300)}`).to.not.equal(before);
          pages++;
          await expect(form.element).shadowDom.to.be.accessible();
        }
        expect(pages).to.be.greaterThan(id.startsWith('sipas') ? 3 : 0);
      });
    }
  });

  describe('keyboard', () => {
    for (const [id, template] of TEMPLATES) {
      it(`should let a respondent complete ${id} with the keyboard alone`, async () => {
        const questionnaire = isolated(template);
        // The kiosk form collects through the kiosk channel only.
        const form = await renderForm(questionnaire, { mode: id === 'kiosk-quick' ? 'kiosk' : 'online' });
        const submitted = record<SipasSubmitDetail>(form.element, 'sipas-submit');
        const run = await completeWithKeyboard(form);
        expect(submitted.length).to.equal(1);
        expect(validateResponse(questionnaire, submitted[0]!.response).errors).to.deep.equal([]);
        expect(checkResponse(questionnaire, submitted[0]!.response).errors).to.deep.equal([]);
        expect(run.keys).to.be.lessThan(2000);
        expect(form.focused()?.className, form.focused()?.outerHTML).to.equal('thank-you-heading');
      });
    }

    it('should move the keyboard to the first error and list every error when Next is refused', async () => {
      const form = await renderForm(isolated(sipas2640));
      for (let page = 0; page < 3 && !form.isShown('A_criteria'); page++) await form.click('next-button');
      const heading = form.pageHeading();
      await form.click('next-button');
      expect(form.pageHeading()).to.equal(heading);
      const summary = form.root.querySelector('[part="error-summary"]')!;
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.querySelectorAll('li').length).to.equal(2);
      const focused = form.focused() as HTMLInputElement;
      expect(focused.type).to.equal('radio');
      expect(form.question('A_criteria').contains(focused)).to.equal(true);
    });

    it('should take submit() from any page to the first page with an error', async () => {
      const form = await renderForm(isolated(sipas2640));
      const pages = record<SipasPageChangeDetail>(form.element, 'sipas-page-change');
      expect(await form.element.submit()).to.equal(false);
      await form.settled();
      expect(form.isShown('A_criteria')).to.equal(true);
      expect(pages.map((page) => page.page)).to.deep.equal(['access']);
      expect(form.root.querySelectorAll('[part="error-summary"] li').length).to.equal(2);
      expect(form.question('A_criteria').contains(form.focused())).to.equal(true);
    });

    it('should put the keyboard on the heading of the page it moves to', async () => {
      const form = await renderForm(isolated(sipas2640));
      await form.click('next-button');
      expect(form.focused()?.classList.contains('page-heading')).to.equal(true);
    });
  });

  describe('events', () => {
    it('should fire sipas-page-change with the page reached', async () => {
      const form = await renderForm(isolated(sipas2640));
      const pages = record<SipasPageChangeDetail>(form.element, 'sipas-page-change');
      await form.click('next-button');
      await form.click('back-button');
      expect(pages).to.deep.equal([
        { page: 'respondent', index: 1, count: 8 },
        { page: 'intro', index: 0, count: 8 },
      ]);
    });

    it('should fire a cancelable sipas-submit with a valid response and show the thank-you screen', async () => {
      const questionnaire = isolated(counter3);
      const form = await renderForm(questionnaire);
      form.element.data = { overall: 3, convenience: 3 };
      await form.settled();
      const submitted = oneEvent(form.element, 'sipas-submit');
      expect(await form.element.submit()).to.equal(true);
      const { detail } = await submitted;
      expect(detail.response.answers).to.deep.equal({ overall: 3, convenience: 3 });
      expect(validateResponse(questionnaire, detail.response).valid).to.equal(true);
      await form.settled();
      expect(form.text()).to.contain('Cảm ơn Ông/Bà đã tham gia khảo sát!');
    });

    it('should fire sipas-error and show located errors for a questionnaire it cannot run', async () => {
      const broken = isolated(counter3);
      broken.pages[0]!.sections[0]!.questions[0]!.visibleIf = '{convenience} = 1';
      broken.pages[0]!.sections[0]!.questions[1]!.visibleIf = '{overall} = 1';
      const element = document.createElement('sipas-form');
      const failed = oneEvent(element, 'sipas-error');
      element.questionnaire = broken;
      document.body.append(element);
      const { detail } = (await failed) as CustomEvent<SipasErrorDetail>;
      expect(detail.kind).to.equal('load');
      expect(detail.errors[0]!.code).to.equal('dependency-cycle');
      const form = new FormHarness(element);
      await form.settled();
      expect(form.text()).to.contain('Không tải được phiếu khảo sát.');
      expect(form.text()).to.contain('/pages/0/sections/0/questions/');
      element.remove();
    });
  });

  describe('properties', () => {
    it('should refuse a mode whose channel the questionnaire does not collect through', async () => {
      const element = document.createElement('sipas-form');
      const failed = oneEvent(element, 'sipas-error');
      element.questionnaire = isolated(kioskQuick);
      document.body.append(element);
      const { detail } = (await failed) as CustomEvent<SipasErrorDetail>;
      expect(detail.errors.map((error) => [error.path, error.code])).to.deep.equal([['/sipas/survey/channels', 'channel-not-allowed']]);
      element.mode = 'kiosk';
      element.questionnaire = isolated(kioskQuick);
      const form = new FormHarness(element);
      await form.settled();
      expect(form.hasButton('submit-button')).to.equal(true);
      element.remove();
    });


    it('should load the questionnaire from src', async () => {
      const element = await fixture<SipasForm>(html`<sipas-form src="/fixtures/questionnaires/valid/one-of-each-type.json"></sipas-form>`);
      const form = new FormHarness(element);
      await form.settled();
      expect(form.text()).to.contain('Mỗi loại câu hỏi một câu');
    });

    it('should report a src it cannot fetch, in Vietnamese and English', async () => {
      const element = document.createElement('sipas-form');
      const failed = oneEvent(element, 'sipas-error');
      element.src = '/fixtures/questionnaires/valid/missing.json';
      document.body.append(element);
      const { detail } = (await failed) as CustomEvent<SipasErrorDetail>;
      expect(detail.message.vi).to.equal('Không tải được phiếu khảo sát.');
      expect(detail.message.en).to.equal('The questionnaire could not be loaded.');
      const form = new FormHarness(element);
      await form.settled();
      expect(form.text()).to.contain('404');
      element.remove();
    });

    it('should switch the language of the content and of its own words at run time', async () => {
      const form = await renderForm(isolated(sipas2640));
      expect(form.button('next-button').textContent!.trim()).to.equal('Tiếp theo');
      form.element.lang = 'en';
      await form.settled();
      expect(form.button('next-button').textContent!.trim()).to.equal('Next');
      expect(form.root.querySelector('.title')!.textContent).to.equal(sipas2640.title && typeof sipas2640.title === 'object' ? sipas2640.title.en : '');
      expect(form.root.querySelector('.form')!.getAttribute('lang')).to.equal('en');
    });

    it('should show questionnaire text as text, never as markup', async () => {
      const questionnaire = isolated(counter3);
      questionnaire.title = { vi: '<img src=x id=injected> Phiếu', en: 'x' };
      const form = await renderForm(questionnaire);
      expect(form.root.querySelector('#injected')).to.equal(null);
      expect(form.root.querySelector('.title')!.textContent).to.equal('<img src=x id=injected> Phiếu');
    });

    it('should number the questions it shows when the questionnaire asks for it', async () => {
      const form = await renderForm(isolated(sipas2640));
      await form.click('next-button');
      expect(form.question('gender').querySelector('.number')!.textContent).to.equal('1.');
      expect(form.question('age_group').querySelector('.number')!.textContent).to.equal('2.');
    });
  });

  describe('logic', () => {
    it('should show the feedback criteria of 2640 only to those who gave feedback', async () => {
      const form = await renderForm(isolated(sipas2640));
      for (let page = 0; page < 8 && !form.isShown('feedback_given'); page++) {
        form.element.data = simulateResponse(sipas2640, { random: seededRandom(3), answerRate: 1 }).answers;
        await form.settled();
        if (!form.isShown('feedback_given')) await form.click('next-button');
      }
      form.option('feedback_given', 'Không').click();
      await form.settled();
      expect(form.isShown('E_criteria')).to.equal(false);
      form.option('feedback_given', 'Có').click();
      await form.settled();
      expect(form.isShown('E_criteria')).to.equal(true);
    });
  });

  describe('methods', () => {
    it('validate() should report problems and show them on the current page', async () => {
      const form = await renderForm(isolated(counter3));
      expect(form.element.validate()).to.equal(false);
      await form.settled();
      const overall = counter3.pages[0]!.sections[0]!.questions[0]!;
      expect(overall.name).to.equal('overall');
      expect(form.errorText('overall')).to.equal(localize((overall as { requiredMessage: LocalizedString }).requiredMessage, 'vi'));
      form.element.data = { overall: 1, reason: 'Chờ lâu' };
      await form.settled();
      expect(form.element.validate()).to.equal(true);
    });

    it('reset() should start a new response with no answers', async () => {
      const form = await renderForm(isolated(counter3));
      form.option('overall', form.question('overall').querySelector('.choice-text')!.textContent!.trim()).click();
      await form.settled();
      expect(Object.keys(form.element.data)).to.deep.equal(['overall']);
      await form.element.reset();
      await form.settled();
      expect(form.element.data).to.deep.equal({});
    });
  });

  describe('drafts', () => {
    it('should resume unfinished answers on this device and start over on request', async () => {
      const questionnaire = isolated(sipas2640);
      const first = await renderForm(questionnaire);
      await first.click('next-button');
      first.option('gender', first.question('gender').querySelector('.choice-text')!.textContent!.trim()).click();
      await first.settled();
      const answered = first.element.data;
      const heading = first.pageHeading();
      first.element.remove(); // leaving the page saves at once
      await new Promise((resolve) => setTimeout(resolve, 100));

      const second = await renderForm(questionnaire);
      expect(second.element.data).to.deep.equal(answered);
      expect(second.pageHeading()).to.equal(heading);
      expect(second.text()).to.contain('Đã khôi phục bài đang làm dở trên máy này.');
      await second.click('start-over-button');
      expect(second.element.data).to.deep.equal({});
      second.element.remove();
      await new Promise((resolve) => setTimeout(resolve, 100));

      const third = await renderForm(questionnaire);
      expect(third.element.data).to.deep.equal({});
      expect(third.text()).to.not.contain('Đã khôi phục');
    });
  });

  describe('one response per device', () => {
    it('should refuse a second response from the same device when the questionnaire says so', async () => {
      const questionnaire = isolated(counter3);
      questionnaire.settings = { ...questionnaire.settings, onePerDevice: true };
      const first = await renderForm(questionnaire);
      first.element.data = { overall: 3, convenience: 3 };
      expect(await first.element.submit()).to.equal(true);
      first.element.remove();
      const second = await renderForm(questionnaire);
      expect(second.text()).to.contain('Thiết bị này đã gửi phiếu cho cuộc khảo sát này.');
      expect(second.root.querySelector('input')).to.equal(null);
    });
  });
});

describe('fixtures', () => {
  it('one-of-each-type covers every built-in type', async () => {
    const questionnaire = await loadFixture('one-of-each-type');
    const types = new Set(questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions.map((question) => question.type))));
    expect([...types].sort()).to.deep.equal(['boolean', 'comment', 'dropdown', 'info', 'likert', 'multiple', 'rating', 'single', 'text']);
  });
});
