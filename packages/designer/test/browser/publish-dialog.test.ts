/**
 * <sipas-publish-dialog>: where focus goes as the steps replace each other, and that a document
 * with errors (checked with the designer's own question types) cannot be published.
 *
 * The dialog talks to real HTTP: the test server itself. With `server=""` it answers 404 to
 * everything (nobody signed in, sign-in refused); with `publish-dialog-server/` it serves the
 * static `auth/me` there (an editor is signed in) and refuses the rest (publishing fails). A
 * successful publication needs the collector server and is not covered here.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createTypeRegistry, defineQuestionType, coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { QuestionTypeRegistry, type Question, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/publish/index.js';
import type { SipasPublishDialog } from '../../src/components/publish/index.js';
import { insertAt, setIn } from '../../src/model/immutable.js';

const SIGNED_IN = new URL('./publish-dialog-server', import.meta.url).pathname;
const NOBODY = '';

class PublishHarness {
  constructor(readonly element: SipasPublishDialog) {}

  static async open(questionnaire: Questionnaire, server: string, types: CoreTypeRegistry = coreTypes): Promise<PublishHarness> {
    const element = await fixture<SipasPublishDialog>(html`<sipas-publish-dialog .questionnaire=${questionnaire} .types=${types} server=${server} open></sipas-publish-dialog>`);
    const harness = new PublishHarness(element);
    await harness.until(() => !harness.root.querySelector('[role="status"]')?.textContent?.includes('Đang kiểm tra'));
    return harness;
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get publishButton(): HTMLButtonElement | null {
    return this.root.querySelector('button.publish');
  }

  /** The focused element inside the dialog (null when focus has gone elsewhere). */
  focused(): Element | null {
    return this.root.activeElement;
  }

  alert(): string {
    return this.root.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  async until(condition: () => boolean): Promise<void> {
    await waitUntil(condition, undefined, { timeout: 3000 });
    await this.element.updateComplete;
  }
}

/** Whether the page has had an answer to a request for this path (its resource timing entry). */
const requested = (path: string): boolean => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(path));

const kiosk = (): Questionnaire => copyTemplate('kiosk-quick')!;

describe('<sipas-publish-dialog>', () => {
  it('should focus the user name when nobody is signed in, and keep focus in the form when sign-in fails', async () => {
    const dialog = await PublishHarness.open(kiosk(), NOBODY);
    const username = dialog.root.querySelector<HTMLInputElement>('input[name="username"]')!;
    expect(dialog.focused()).to.equal(username);
    await expect(dialog.element).shadowDom.to.be.accessible();
    expect(dialog.alert()).to.contain('Máy chủ trả lỗi 404');
    await sendKeys({ type: 'bientap' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'sai-mat-khau' });
    await sendKeys({ press: 'Enter' });
    // Done once the browser has the refusal and the dialog shows it again.
    await dialog.until(() => requested('/auth/login') && dialog.alert() !== '');
    expect(dialog.alert()).to.contain('Máy chủ trả lỗi 404');
    expect(dialog.root.querySelector('form')).to.exist;
    expect(dialog.root.querySelector('form')!.contains(dialog.focused())).to.equal(true);
  });

  it('should focus the Publish button when an editor is already signed in', async () => {
    const dialog = await PublishHarness.open(kiosk(), SIGNED_IN);
    expect(dialog.root.textContent).to.contain('bientap');
    expect(dialog.focused()).to.equal(dialog.publishButton);
    await expect(dialog.element).shadowDom.to.be.accessible();
  });

  it('should keep focus on the Publish button when publishing fails', async () => {
    const dialog = await PublishHarness.open(kiosk(), SIGNED_IN);
    await sendKeys({ press: 'Enter' });
    await dialog.until(() => requested('/questionnaires') && dialog.alert() !== '' && dialog.publishButton?.getAttribute('aria-disabled') === 'false');
    expect(dialog.alert()).to.contain('Máy chủ chưa nhận');
    expect(dialog.focused()).to.equal(dialog.publishButton);
    expect(dialog.publishButton!.textContent!.trim()).to.equal('Xuất bản');
  });

  it('should refuse a document with errors and focus the reason', async () => {
    const dialog = await PublishHarness.open(setIn(kiosk(), ['pages', 0, 'name'], '1 bad'), SIGNED_IN);
    expect(dialog.publishButton!.disabled).to.equal(true);
    const reason = dialog.root.querySelector('.has-errors')!;
    expect(reason.textContent).to.contain('Phiếu còn 1 lỗi');
    expect(dialog.focused()).to.equal(reason);
  });

  it('should check a custom type with the designer’s registry, not the shared one', async () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'stars-publish', schema: { properties: { type: 'object', properties: { stars: { enum: [5, 10] } } } } }, types);
    const stars = { type: 'stars-publish', name: 'stars', title: { vi: 'Số sao', en: 'Stars' }, stars: 5 } as unknown as Question;
    const document = insertAt(kiosk(), ['pages', 0, 'sections', 0, 'questions'], 0, stars);
    const shared = await PublishHarness.open(document, SIGNED_IN);
    expect(shared.publishButton!.disabled).to.equal(true);
    const own = await PublishHarness.open(document, SIGNED_IN, types);
    expect(own.publishButton!.disabled).to.equal(false);
    expect(own.focused()).to.equal(own.publishButton);
  });
});
