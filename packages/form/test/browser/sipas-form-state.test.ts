// <sipas-form> when things change under it: answers set by scripts, the questionnaire or the
// language replaced, the unit known late, a page going away mid-answer, a kiosk's next person.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { counter3, kioskQuick, sipas2640 } from '@sipas/templates';
import { isolated, record, renderForm, FormHarness } from './harness.js';
import type { SipasSubmitDetail } from '../../src/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<sipas-form> state', () => {
  it('should start a new response when a script sets answers after a submission', async () => {
    const form = await renderForm(isolated(counter3));
    const submitted = record<SipasSubmitDetail>(form.element, 'sipas-submit');
    form.element.data = { overall: 3 };
    await form.element.submit();
    form.element.data = { overall: 2 };
    await form.settled();
    await form.element.submit();
    expect(submitted.length).to.equal(2);
    expect(submitted[0]!.response.responseId).to.not.equal(submitted[1]!.response.responseId);
    expect(submitted[1]!.response.answers).to.deep.equal({ overall: 2 });
  });

  it('should keep the same response and page when a script sets answers while filling', async () => {
    const form = await renderForm(isolated(sipas2640));
    const ids = record<SipasSubmitDetail>(form.element, 'sipas-submit');
    await form.click('next-button');
    const heading = form.pageHeading();
    form.control('gender').focus();
    const focused = form.focused();
    form.element.data = { gender: 'female' };
    await form.settled();
    expect(form.pageHeading()).to.equal(heading);
    expect(form.focused()).to.equal(focused);
    expect(ids).to.deep.equal([]);
  });

  it('should show pages seen before in the language chosen since', async () => {
    const form = await renderForm(isolated(sipas2640));
    await form.click('next-button');
    await form.click('back-button');
    form.element.lang = 'en';
    await form.settled();
    await form.click('next-button');
    const title = form.question('gender').querySelector('.title')!.textContent!;
    expect(title).to.contain('Gender');
  });

  it('should put the error summary in the language chosen after it appeared', async () => {
    const form = await renderForm(isolated(counter3));
    await form.click('submit-button');
    expect(form.root.querySelector('.error-summary')!.textContent).to.contain('Có 1 câu cần xem lại');
    form.element.lang = 'en-GB';
    await form.settled();
    expect(form.root.querySelector('.error-summary')!.textContent).to.contain('One question needs your attention');
    expect(form.errorText('overall')).to.not.match(/[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/i);
  });

  it('should take validate() to the first page with an error', async () => {
    const form = await renderForm(isolated(sipas2640));
    expect(form.element.validate()).to.equal(false);
    await form.settled();
    expect(form.isShown('A_criteria')).to.equal(true);
    expect(form.question('A_criteria').contains(form.focused())).to.equal(true);
  });

  it('should not reload when given an equal copy of its questionnaire', async () => {
    const questionnaire = isolated(counter3);
    const form = await renderForm(questionnaire);
    form.option('overall', form.question('overall').querySelector('.choice-text')!.textContent!.trim()).click();
    await form.settled();
    const answered = form.element.data;
    form.element.questionnaire = structuredClone(questionnaire);
    await form.settled();
    expect(form.element.data).to.deep.equal(answered);
    expect(form.text()).to.not.contain('Đã khôi phục');
  });

  it('should prefer answers a script set while the draft was being read', async () => {
    const questionnaire = isolated(counter3);
    const first = await renderForm(questionnaire);
    first.element.data = { overall: 1, reason: 'Chờ lâu' };
    await first.settled();
    window.dispatchEvent(new Event('pagehide'));
    first.element.remove();
    await pause(100);
    const element = document.createElement('sipas-form');
    element.questionnaire = questionnaire;
    document.body.append(element);
    element.data = { overall: 3 };
    const second = new FormHarness(element);
    await second.settled();
    await pause(100);
    expect(element.data).to.deep.equal({ overall: 3 });
    expect(second.text()).to.not.contain('Đã khôi phục');
    element.remove();
  });

  it('should stamp a unit the page learns after loading', async () => {
    const form = await renderForm(isolated(counter3));
    form.element.unit = 'ex-p1-d1';
    form.element.data = { overall: 3 };
    await form.settled();
    const submitted = oneEvent(form.element, 'sipas-submit');
    await form.element.submit();
    expect(((await submitted) as CustomEvent<SipasSubmitDetail>).detail.response.unit).to.equal('ex-p1-d1');
  });

  it('should keep a half-typed answer in the draft when the page goes away', async () => {
    const questionnaire = isolated(counter3);
    const first = await renderForm(questionnaire);
    first.element.data = { overall: 1 };
    await first.settled();
    first.control('reason').focus();
    await sendKeys({ type: 'Phải chờ' });
    window.dispatchEvent(new Event('pagehide'));
    first.element.remove();
    await pause(150);
    const second = await renderForm(questionnaire);
    expect(second.element.data).to.deep.equal({ overall: 1, reason: 'Phải chờ' });
    second.element.remove();
  });

  it('should give each tab that resumes one draft its own response', async () => {
    const questionnaire = isolated(counter3);
    const first = await renderForm(questionnaire);
    first.element.data = { overall: 3 };
    await first.settled();
    window.dispatchEvent(new Event('pagehide'));
    first.element.remove();
    await pause(150);
    const [tabA, tabB] = [await renderForm(questionnaire), await renderForm(questionnaire)];
    expect(tabA.element.data).to.deep.equal({ overall: 3 });
    expect(tabB.element.data).to.deep.equal({ overall: 3 });
    const submitted = [record<SipasSubmitDetail>(tabA.element, 'sipas-submit'), record<SipasSubmitDetail>(tabB.element, 'sipas-submit')];
    await tabA.element.submit();
    await tabB.element.submit();
    expect(submitted[0]![0]!.response.responseId).to.not.equal(submitted[1]![0]!.response.responseId);
  });

  it('should resume nothing of one person for the next at a kiosk', async () => {
    const questionnaire = isolated(kioskQuick);
    const first = await renderForm(questionnaire, { mode: 'kiosk' });
    first.element.data = { overall: 2 };
    await first.settled();
    window.dispatchEvent(new Event('pagehide'));
    first.element.remove();
    await pause(150);
    const second = await renderForm(questionnaire, { mode: 'kiosk' });
    expect(second.element.data).to.deep.equal({});
    expect(second.text()).to.not.contain('Đã khôi phục');
  });
});
