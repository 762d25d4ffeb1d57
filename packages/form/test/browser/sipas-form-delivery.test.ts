// <sipas-form> submitting to a real collector over HTTP (scripts/collector-test-plugin.mjs gives
// this file its own): delivered once, queued through an offline period, refused answers shown.
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { counter3 } from '@sipas/templates';
import type { Questionnaire, Response } from '@sipas/schema';
import { isolated, renderForm } from './harness.js';
import type { SipasErrorDetail, SipasQueuedDetail, SipasSentDetail } from '../../src/index.js';

type Payload = Record<string, unknown> | undefined;
const collector = <R = boolean>(command: string, payload?: Payload) => executeServerCommand<R, Payload>(command, payload);
const deliveries = (responseId: string) => collector<number>('collector-deliveries', { responseId });
const stored = async (responseId: string) => (await collector<Response[]>('collector-responses')).filter((r) => r.responseId === responseId);

let endpoint: string;
before(async () => {
  endpoint = `${await collector<string>('collector-url')}/api/v1/responses`;
});
afterEach(async () => {
  await collector('collector-up');
  await collector('collector-reset');
});

/** counter-3 under its real id, so the collector knows it; its draft is cleared by each submission. */
const counter = (): Questionnaire => structuredClone(counter3);

describe('<sipas-form> delivery', () => {
  it('should store the response, send it once and say so', async () => {
    const form = await renderForm(counter(), { endpoint });
    form.element.data = { overall: 2, convenience: 3 };
    const queued = oneEvent(form.element, 'sipas-queued');
    const sent = oneEvent(form.element, 'sipas-sent');
    expect(await form.element.submit()).to.equal(true);
    const queuedDetail = ((await queued) as CustomEvent<SipasQueuedDetail>).detail;
    expect(queuedDetail.persistent).to.equal(true);
    const sentDetail = ((await sent) as CustomEvent<SipasSentDetail>).detail;
    expect(sentDetail.responseId).to.equal(queuedDetail.responseId);
    expect((sentDetail.receipt as { responseId: string }).responseId).to.equal(queuedDetail.responseId);
    await form.settled();
    expect(form.text()).to.contain('Phiếu đã được gửi thành công.');
    expect(await deliveries(queuedDetail.responseId)).to.equal(1);
    expect((await stored(queuedDetail.responseId))[0]!.answers).to.deep.equal({ overall: 2, convenience: 3 });
  });

  it('should keep the response through an offline period and deliver it exactly once when back online', async () => {
    await collector('collector-down');
    const form = await renderForm(counter(), { endpoint });
    form.element.data = { overall: 3 };
    const queued = oneEvent(form.element, 'sipas-queued');
    await form.element.submit();
    const { responseId } = ((await queued) as CustomEvent<SipasQueuedDetail>).detail;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await form.settled();
    expect(form.text()).to.contain('Đã lưu trên máy, sẽ gửi khi có mạng.');
    expect(await deliveries(responseId)).to.equal(0);

    await collector('collector-up');
    const sent = oneEvent(form.element, 'sipas-sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    await form.settled();
    expect(form.text()).to.contain('Phiếu đã được gửi thành công.');
    expect(await deliveries(responseId)).to.equal(1);
    expect((await stored(responseId)).length).to.equal(1);
  });

  it('should show the answers the server refuses, not retry them, and let the respondent correct them', async () => {
    // The page holds an older copy of the questionnaire with a level the published one does not have.
    const stale = counter();
    const overall = stale.pages[0]!.sections[0]!.questions[0]! as { scale: unknown };
    overall.scale = { levels: [1, 2, 3, 4].map((value) => ({ value, text: `Mức ${value}` })) };
    const form = await renderForm(stale, { endpoint });
    form.element.data = { overall: 4 };
    const refused = oneEvent(form.element, 'sipas-error');
    await form.element.submit();
    const detail = ((await refused) as CustomEvent<SipasErrorDetail>).detail;
    expect(detail.kind).to.equal('rejected');
    expect(detail.errors[0]!.path).to.equal('/answers/overall');
    await form.settled();
    expect(form.text()).to.contain('Máy chủ chưa nhận phiếu vì các lỗi sau:');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await deliveries(detail.responseId!)).to.equal(1);

    form.root.querySelector<HTMLButtonElement>('.rejected button')!.click();
    await form.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(form.element.data).to.deep.equal({ overall: 4 });
    const question = form.question('overall');
    expect(question.querySelectorAll('[aria-invalid="true"]').length).to.be.greaterThan(0);
    expect(question.querySelector('.errors')!.textContent).to.not.equal('');
    expect(question.contains(form.focused())).to.equal(true);
    const title = (counter3.pages[0]!.sections[0]!.questions[0]!.title as { vi: string }).vi;
    expect(form.root.querySelector('[part="error-summary"]')!.textContent).to.contain(title);
  });

  it('should not send anything when the page handles sipas-submit itself', async () => {
    const form = await renderForm(isolated(counter3), { endpoint });
    form.element.data = { overall: 3 };
    form.element.addEventListener('sipas-submit', (event) => event.preventDefault());
    let queued = false;
    form.element.addEventListener('sipas-queued', () => (queued = true));
    expect(await form.element.submit()).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(queued).to.equal(false);
    expect(await collector<Response[]>('collector-responses')).to.deep.equal([]);
  });
});
