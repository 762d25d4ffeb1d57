// Kiosk mode on a shared tablet at the one-stop counter, and the interview channel: counter
// identification stamped into responses, a reset after each thank-you, an idle timeout that
// clears an unfinished form, responses kept through an offline period.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { kioskQuick, sipas2640 } from '@sipas/templates';
import { seededRandom, simulateResponse } from '@sipas/core';
import type { Questionnaire, Response } from '@sipas/schema';
import { isolated, record, FormHarness } from './harness.js';
import type { SipasForm, SipasQueuedDetail, SipasSubmitDetail } from '../../src/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

async function kiosk(questionnaire: Questionnaire, attributes: { idle?: number; reset?: number; endpoint?: string } = {}): Promise<FormHarness> {
  const element = await fixture<SipasForm>(html`<sipas-form
    mode="kiosk"
    counter="Q3"
    officer="CB-07"
    unit="ex-p1-d1"
    idle-timeout=${attributes.idle ?? 90}
    reset-delay=${attributes.reset ?? 8}
    endpoint=${attributes.endpoint ?? ''}
    .questionnaire=${questionnaire}
  ></sipas-form>`);
  const form = new FormHarness(element);
  await form.settled();
  return form;
}

describe('kiosk mode', () => {
  it('should be accessible with its bigger targets', async () => {
    const form = await kiosk(isolated(kioskQuick));
    await expect(form.element).shadowDom.to.be.accessible();
    for (const choice of form.root.querySelectorAll('label.choice')) expect(choice.getBoundingClientRect().height).to.be.at.least(64);
  });

  it('should stamp the unit, counter and officer into each response', async () => {
    const form = await kiosk(isolated(kioskQuick));
    const submitted = record<SipasSubmitDetail>(form.element, 'sipas-submit');
    form.element.data = { overall: 5 };
    await form.element.submit();
    expect(submitted[0]!.response).to.deep.include({ channel: 'kiosk', unit: 'ex-p1-d1', collection: { counter: 'Q3', officer: 'CB-07' } });
  });

  it('should take the counter identification from the page address when attributes do not give it', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?unit=ex-p2-d1&counter=Q9&officer=CB-12`);
    try {
      const element = await fixture<SipasForm>(html`<sipas-form mode="kiosk" .questionnaire=${isolated(kioskQuick)}></sipas-form>`);
      const form = new FormHarness(element);
      await form.settled();
      const submitted = record<SipasSubmitDetail>(element, 'sipas-submit');
      element.data = { overall: 4 };
      await element.submit();
      expect(submitted[0]!.response).to.deep.include({ unit: 'ex-p2-d1', collection: { counter: 'Q9', officer: 'CB-12' } });
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('should start over for the next person after the thank-you screen', async () => {
    const form = await kiosk(isolated(kioskQuick), { reset: 0.2 });
    const submitted = record<SipasSubmitDetail>(form.element, 'sipas-submit');
    form.option('overall', form.question('overall').querySelector('.choice-text')!.textContent!.trim()).click();
    await form.settled();
    await form.element.submit();
    await form.settled();
    expect(form.root.querySelector('.thank-you')).to.not.equal(null);
    await until(() => form.root.querySelector('.thank-you') === null, 'the reset');
    await form.settled();
    expect(form.element.data).to.deep.equal({});
    expect(form.question('overall').querySelector('input:checked')).to.equal(null);
    form.element.data = { overall: 2 };
    await form.element.submit();
    expect(submitted[1]!.response.responseId).to.not.equal(submitted[0]!.response.responseId);
  });

  it('should clear an unfinished form left alone, and only then', async () => {
    const form = await kiosk(isolated(kioskQuick), { idle: 0.3 });
    form.option('overall', form.question('overall').querySelector('.choice-text')!.textContent!.trim()).click();
    await form.settled();
    await pause(150);
    expect(Object.keys(form.element.data)).to.deep.equal(['overall']);
    await until(() => Object.keys(form.element.data).length === 0, 'the idle reset', 3000);
  });

  it('should clear text typed but not yet committed when left alone', async () => {
    const form = await kiosk(isolated(kioskQuick), { idle: 0.3 });
    const box = form.control('comment') as unknown as HTMLTextAreaElement;
    box.focus();
    await sendKeys({ type: 'So dien thoai 0912' });
    await until(() => box.isConnected === false || box.value === '', 'the idle reset of the typed text', 3000);
    await form.settled();
    expect((form.control('comment') as unknown as HTMLTextAreaElement).value).to.equal('');
    expect(form.element.data).to.deep.equal({});
  });

  it('should refuse at load a unit the questionnaire does not know', async () => {
    const questionnaire = isolated(sipas2640);
    const element = document.createElement('sipas-form');
    const failed = oneEvent(element, 'sipas-error');
    element.mode = 'kiosk';
    element.unit = 'no-such-unit';
    element.questionnaire = questionnaire;
    document.body.append(element);
    const { detail } = (await failed) as CustomEvent<{ errors: { code: string }[] }>;
    expect(detail.errors.map((error) => error.code)).to.deep.equal(['unknown-unit']);
    element.remove();
  });

  it('should keep taking ratings after a reload when the questionnaire allows one response per device', async () => {
    const questionnaire = isolated(kioskQuick);
    questionnaire.settings = { ...questionnaire.settings, onePerDevice: true };
    const first = await kiosk(questionnaire);
    first.element.data = { overall: 4 };
    expect(await first.element.submit()).to.equal(true);
    first.element.remove();
    const second = await kiosk(questionnaire);
    expect(second.hasButton('submit-button')).to.equal(true);
  });

  it('should keep taking ratings while offline and deliver them once when back', async () => {
    const collector = <R = boolean>(command: string, payload?: Record<string, unknown>) => executeServerCommand<R, Record<string, unknown> | undefined>(command, payload);
    const endpoint = `${await collector<string>('collector-url')}/api/v1/responses`;
    await collector('collector-down');
    try {
      const form = await kiosk(structuredClone(kioskQuick), { reset: 0.1, endpoint });
      const ids: string[] = [];
      for (const rating of [5, 3]) {
        form.element.data = { overall: rating };
        const queued = oneEvent(form.element, 'sipas-queued');
        await form.element.submit();
        ids.push(((await queued) as CustomEvent<SipasQueuedDetail>).detail.responseId);
        await until(() => form.root.querySelector('.thank-you') === null, 'the reset');
      }
      await collector('collector-up');
      window.dispatchEvent(new Event('online'));
      for (const id of ids) {
        const deadline = Date.now() + 8000;
        while ((await collector<number>('collector-deliveries', { responseId: id })) === 0 && Date.now() < deadline) await pause(50);
        expect(await collector<number>('collector-deliveries', { responseId: id })).to.equal(1);
      }
      const stored = (await collector<Response[]>('collector-responses')).filter((response) => ids.includes(response.responseId));
      expect(stored.map((response) => response.answers.overall).sort()).to.deep.equal([3, 5]);
    } finally {
      await collector('collector-up');
      await collector('collector-reset');
    }
  });
});

describe('interviews and phone surveys', () => {
  it('should record the channel and the interviewer code', async () => {
    const element = await fixture<SipasForm>(html`<sipas-form channel="interview" interviewer="PV-01" .questionnaire=${isolated(sipas2640)}></sipas-form>`);
    const form = new FormHarness(element);
    await form.settled();
    const submitted = oneEvent(element, 'sipas-submit');
    // Every required answer from a simulated respondent.
    element.data = simulateResponse(element.questionnaire!, { random: seededRandom(11), answerRate: 1, channels: ['interview'] }).answers;
    expect(await element.submit()).to.equal(true);
    const { response } = ((await submitted) as CustomEvent<SipasSubmitDetail>).detail;
    expect(response.channel).to.equal('interview');
    expect(response.collection).to.deep.equal({ interviewer: 'PV-01' });
  });
});
