/**
 * <sipas-designer-preview>: the questionnaire in a real <sipas-form> at a device's width, in its
 * languages and modes; answering works, submitting sends nothing, and a broken document shows
 * why instead of an empty frame.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DeviceMemory, Outbox, type SipasForm } from '@sipas/form';
import { Form, coreTypes, createTypeRegistry, defineQuestionType, type CoreTypeRegistry } from '@sipas/core';
import { QuestionTypeRegistry, listQuestions, type Question, type Questionnaire, type SingleQuestion } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/preview/index.js';
import { DEVICE_WIDTHS, type SipasDesignerPreview } from '../../src/components/preview/index.js';
import { previewForm } from '../../src/components/designer/question-preview.js';
import { FormHarness, renderForm } from '../../../form/test/browser/harness.js';

/** A one-question questionnaire in two languages; `id` apart, every test gets the same. */
function tinyQuestionnaire(id = `xem-thu-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36)}`): Questionnaire {
  return {
    formatVersion: '1.0',
    id,
    title: { vi: 'Phiếu thử', en: 'Test form' },
    locales: ['vi', 'en'],
    settings: { onePerDevice: true },
    pages: [
      {
        name: 'page1',
        sections: [
          {
            name: 'section1',
            questions: [
              {
                type: 'single',
                name: 'hai_long',
                required: true,
                title: { vi: 'Ông/bà có hài lòng không?', en: 'Are you satisfied?' },
                choices: [
                  { value: 1, text: { vi: 'Có', en: 'Yes' } },
                  { value: 0, text: { vi: 'Không', en: 'No' } },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Drives the preview through its own buttons; the form inside through the form's harness. */
class PreviewHarness {
  constructor(readonly element: SipasDesignerPreview) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get form(): SipasForm | null {
    return this.root.querySelector('sipas-form');
  }

  /** The inner form, once it has rendered its questions. */
  async inner(): Promise<FormHarness> {
    const form = this.form;
    if (!form) throw new Error('the preview shows no form');
    const harness = new FormHarness(form);
    await harness.settled();
    return harness;
  }

  get frame(): HTMLElement {
    return this.root.querySelector<HTMLElement>('[part="frame"]')!;
  }

  get viewport(): HTMLElement {
    return this.frame.parentElement!;
  }

  /** The toggle button with this visible label in the group labelled `group`. */
  button(group: string, label: string): HTMLButtonElement {
    const groups = [...this.root.querySelectorAll('[role="group"]')];
    const found = groups.find((node) => this.root.getElementById(node.getAttribute('aria-labelledby')!)?.textContent?.trim() === group);
    if (!found) throw new Error(`no group "${group}"`);
    const button = [...found.querySelectorAll('button')].find((node) => node.querySelector('.label')?.textContent?.trim() === label);
    if (!button) throw new Error(`no "${label}" in "${group}"`);
    return button;
  }

  async choose(group: string, label: string): Promise<void> {
    this.button(group, label).click();
    await this.settled();
  }

  pressed(group: string, label: string): boolean {
    return this.button(group, label).getAttribute('aria-pressed') === 'true';
  }

  notice(): string {
    return [...this.root.querySelectorAll('.notice')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
  }

  async settled(): Promise<void> {
    await this.element.updateComplete;
    if (this.form) await new FormHarness(this.form).settled();
    await this.element.updateComplete;
  }
}

async function renderPreview(questionnaire: Questionnaire | undefined, lang = 'vi', types: CoreTypeRegistry = coreTypes): Promise<PreviewHarness> {
  // The panel is narrower than a tablet, as in the designer beside its other panes.
  const panel = await fixture<HTMLDivElement>(html`<div><sipas-designer-preview .questionnaire=${questionnaire} .types=${types} lang=${lang}></sipas-designer-preview></div>`);
  // Through the CSSOM: the page's CSP refuses style attributes.
  panel.style.width = '600px';
  const harness = new PreviewHarness(panel.querySelector('sipas-designer-preview')!);
  await harness.settled();
  return harness;
}

/** Counts every fetch the page makes while the test runs. */
class FetchCounter {
  readonly urls: string[] = [];
  private readonly original = window.fetch;

  constructor() {
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      this.urls.push(input instanceof Request ? input.url : String(input));
      return this.original.call(window, input, init);
    };
  }

  restore(): void {
    window.fetch = this.original;
  }
}

describe('<sipas-designer-preview>', () => {
  describe('accessibility', () => {
    it('should pass axe', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      await expect(preview.element).shadowDom.to.be.accessible();
    });

    it('should pass axe while showing a broken document', async () => {
      const broken = tinyQuestionnaire();
      delete (broken.pages[0]!.sections[0]!.questions[0] as Partial<SingleQuestion>).choices;
      const preview = await renderPreview(broken);
      await expect(preview.element).shadowDom.to.be.accessible();
    });
  });

  describe('device width', () => {
    it('should start at a phone’s width', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      expect(preview.element.device).to.equal('phone');
      expect(preview.element.getAttribute('device')).to.equal('phone');
      expect(preview.pressed('Kích thước màn hình', 'Điện thoại')).to.equal(true);
      expect(preview.frame.getBoundingClientRect().width).to.equal(DEVICE_WIDTHS.phone);
    });

    it('should widen the frame for a tablet and a desktop, scrolling sideways in a narrow panel', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      await preview.choose('Kích thước màn hình', 'Máy tính bảng');
      expect(preview.element.device).to.equal('tablet');
      expect(preview.element.getAttribute('device')).to.equal('tablet');
      expect(preview.frame.getBoundingClientRect().width).to.equal(768);
      expect(preview.pressed('Kích thước màn hình', 'Điện thoại')).to.equal(false);
      expect(preview.pressed('Kích thước màn hình', 'Máy tính bảng')).to.equal(true);
      await preview.choose('Kích thước màn hình', 'Máy tính');
      expect(preview.frame.getBoundingClientRect().width).to.equal(1200);
      expect(preview.viewport.scrollWidth).to.be.greaterThan(preview.viewport.clientWidth);
    });

    it('should take the device as an attribute', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      preview.element.setAttribute('device', 'tablet');
      await preview.settled();
      expect(preview.frame.getBoundingClientRect().width).to.equal(768);
    });
  });

  describe('language and mode', () => {
    it('should offer the questionnaire’s languages and switch the form’s language, keeping the answers', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      const inner = await preview.inner();
      expect(inner.text()).to.contain('Ông/bà có hài lòng không?');
      inner.option('hai_long', 'Có').click();
      await preview.settled();
      await preview.choose('Ngôn ngữ của phiếu', 'English');
      expect(preview.form!.lang).to.equal('en');
      expect(preview.element.formLang).to.equal('en');
      const english = await preview.inner();
      expect(english.text()).to.contain('Are you satisfied?');
      expect(english.option('hai_long', 'Yes').checked).to.equal(true);
    });

    it('should offer only Vietnamese for a questionnaire written only in Vietnamese', async () => {
      const questionnaire = { ...tinyQuestionnaire(), locales: ['vi'] };
      const preview = await renderPreview(questionnaire);
      const group = preview.button('Ngôn ngữ của phiếu', 'Tiếng Việt').parentElement!;
      expect(group.querySelectorAll('button')).to.have.length(1);
    });

    it('should pass each mode to the form', async () => {
      const preview = await renderPreview(tinyQuestionnaire());
      expect(preview.form!.mode).to.equal('online');
      await preview.choose('Chế độ', 'Ki-ốt');
      expect(preview.form!.mode).to.equal('kiosk');
      expect(preview.pressed('Chế độ', 'Ki-ốt')).to.equal(true);
      await preview.choose('Chế độ', 'Bản in');
      expect(preview.form!.mode).to.equal('print');
      await preview.choose('Chế độ', 'Nhập phiếu giấy');
      expect(preview.form!.mode).to.equal('entry');
    });

    it('should open a kiosk-only questionnaire in kiosk mode and say why another mode cannot show it', async () => {
      const preview = await renderPreview(copyTemplate('kiosk-quick'));
      expect(preview.form!.mode).to.equal('kiosk');
      expect(preview.notice()).to.equal('');
      await preview.choose('Chế độ', 'Trực tuyến');
      expect(preview.notice()).to.contain('Không hiển thị được phiếu ở chế độ này');
      expect(preview.notice()).to.contain('/sipas/survey/channels');
    });

    it('should speak English when lang is en', async () => {
      const preview = await renderPreview(tinyQuestionnaire(), 'en');
      expect(preview.pressed('Screen size', 'Phone')).to.equal(true);
      expect(preview.button('Mode', 'Paper entry')).to.exist;
      expect(preview.frame.getAttribute('aria-label')).to.equal('Questionnaire preview (Phone, 375 px)');
    });
  });

  describe('answering and submitting', () => {
    let fetches: FetchCounter;
    beforeEach(() => (fetches = new FetchCounter()));
    afterEach(() => fetches.restore());

    it('should submit without sending anything or queuing it, then start again with "Làm lại"', async () => {
      const questionnaire = tinyQuestionnaire();
      const preview = await renderPreview(questionnaire);
      const inner = await preview.inner();
      await inner.click('submit-button');
      expect(inner.errorText('hai_long'), 'the required question is checked').not.to.equal('');
      inner.option('hai_long', 'Không').click();
      await preview.settled();
      expect(preview.form!.data).to.deep.equal({ hai_long: 0 });
      await inner.click('submit-button');
      await preview.settled();
      expect(preview.form!.submitted).to.equal(true);
      expect(preview.notice()).to.contain('Câu trả lời không được gửi đi');
      expect(fetches.urls).to.deep.equal([]);
      expect(await (await Outbox.open()).pending()).to.deep.equal([]);

      preview.root.querySelector<HTMLButtonElement>('button.restart')!.click();
      await preview.settled();
      expect(preview.form!.submitted).to.equal(false);
      expect(preview.form!.data).to.deep.equal({});
      expect(preview.notice()).to.equal('');
    });

    it('should not mark this device as having answered the real questionnaire', async () => {
      const questionnaire = tinyQuestionnaire();
      const preview = await renderPreview(questionnaire);
      const inner = await preview.inner();
      inner.option('hai_long', 'Có').click();
      await preview.settled();
      await inner.click('submit-button');
      expect(preview.form!.submitted).to.equal(true);
      expect(await (await DeviceMemory.open()).hasSubmitted(questionnaire.id)).to.equal(false);
      // The published form on this origin still asks its question.
      const real = await renderForm(questionnaire);
      expect(real.isShown('hai_long')).to.equal(true);
      expect(fetches.urls).to.deep.equal([]);
    });

    it('should restart on a new document with its new content', async () => {
      const first = tinyQuestionnaire();
      const preview = await renderPreview(first);
      (await preview.inner()).option('hai_long', 'Có').click();
      await preview.settled();
      const edited = structuredClone(first);
      const located = listQuestions(edited)[0]!;
      located.question.title = { vi: 'Câu hỏi đã sửa', en: 'Edited question' };
      preview.element.questionnaire = edited;
      await preview.settled();
      const inner = await preview.inner();
      expect(inner.text()).to.contain('Câu hỏi đã sửa');
      expect(preview.form!.data).to.deep.equal({});
    });
  });

  describe('a broken document', () => {
    it('should show the first located error instead of the form', async () => {
      const broken = tinyQuestionnaire();
      delete (broken.pages[0]!.sections[0]!.questions[0] as Partial<SingleQuestion>).choices;
      const preview = await renderPreview(broken);
      expect(preview.form).to.equal(null);
      expect(preview.notice()).to.contain('Phiếu đang có lỗi, xem mục Kiểm tra');
      expect(preview.notice()).to.contain('/pages/0/sections/0/questions/0/choices');
    });

    it('should show a broken expression, and the form again once it is fixed', async () => {
      const broken = tinyQuestionnaire();
      broken.pages[0]!.sections[0]!.questions[0]!.visibleIf = '{hai_long} = ';
      const preview = await renderPreview(broken, 'en');
      expect(preview.notice()).to.contain('The questionnaire has errors; see Checks');
      expect(preview.notice()).to.contain('/pages/0/sections/0/questions/0/visibleIf');
      preview.element.questionnaire = tinyQuestionnaire();
      await preview.settled();
      expect(preview.notice()).to.equal('');
      expect((await preview.inner()).isShown('hai_long')).to.equal(true);
    });

    it('should say so when there is no questionnaire', async () => {
      const preview = await renderPreview(undefined);
      expect(preview.notice()).to.contain('Chưa có phiếu để xem trước');
    });
  });

  describe('custom question types of the designer’s registry', () => {
    /** A type only this registry knows, as a page hands the designer `types`. */
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'stars-preview', schema: { properties: { type: 'object', properties: { stars: { enum: [5, 10] } } }, answer: { type: 'integer' } } }, types);
    const stars = { type: 'stars-preview', name: 'stars', title: { vi: 'Số sao', en: 'Stars' }, stars: 5 } as unknown as Question;
    function withStars(): Questionnaire {
      const questionnaire = tinyQuestionnaire();
      questionnaire.pages[0]!.sections[0]!.questions.push(stars);
      return questionnaire;
    }

    it('should refuse the document when validating with the shared registry', async () => {
      const preview = await renderPreview(withStars());
      expect(preview.form).to.equal(null);
      expect(preview.notice()).to.contain('/pages/0/sections/0/questions/1/type');
    });

    it('should validate with the given registry and hand the document to the form', async () => {
      const preview = await renderPreview(withStars(), 'vi', types);
      expect(preview.notice()).not.to.contain('Phiếu đang có lỗi');
      expect(preview.form).not.to.equal(null);
      // The form runs with the same registry, so it loads: the type has no element registered in
      // this test, so the form shows its placeholder for it, and the rest of the page.
      expect(preview.notice()).not.to.contain('stars-preview');
      await waitUntil(() => preview.form!.shadowRoot?.querySelector('.unsupported'), 'the form with its placeholder for the unrendered type');
      expect(preview.form!.shadowRoot!.querySelector('.unsupported')!.textContent).to.contain('stars-preview');
    });
  });

  describe('previewForm (a canvas question)', () => {
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'stars-canvas', schema: { properties: { type: 'object', properties: { stars: { enum: [5, 10] } } } } }, types);

    it('should build a form of a custom type with the given registry, once per registry', () => {
      const questionnaire = tinyQuestionnaire();
      const stars = { type: 'stars-canvas', name: 'stars', title: 'Số sao', stars: 5 } as unknown as Question;
      expect(previewForm(questionnaire, stars, 'vi')).to.equal(undefined);
      const form = previewForm(questionnaire, stars, 'vi', types);
      expect(form).to.be.instanceOf(Form);
      expect(previewForm(questionnaire, stars, 'vi', types)).to.equal(form);
      expect(previewForm(questionnaire, stars, 'vi')).to.equal(undefined, 'the shared registry still does not know it');
    });
  });
});
