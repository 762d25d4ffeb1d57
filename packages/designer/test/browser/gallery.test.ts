/**
 * <sipas-template-gallery>: choosing a standard template or a blank questionnaire, with the
 * keyboard only, in a modal dialog that gives focus back to whoever opened it.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FORMAT_VERSION, validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { templates } from '@sipas/templates';
import '../../src/components/gallery/index.js';
import { blankQuestionnaire, TEMPLATE_CHOOSE, type SipasTemplateGallery, type TemplateChooseDetail } from '../../src/components/gallery/index.js';

/** A page with an "open" button and the gallery, driven the way a keyboard user does. */
class GalleryHarness {
  readonly chosen: Questionnaire[] = [];
  closeEvents = 0;

  constructor(
    readonly opener: HTMLButtonElement,
    readonly gallery: SipasTemplateGallery,
  ) {
    gallery.addEventListener(TEMPLATE_CHOOSE, (event) => this.chosen.push(event.detail.questionnaire));
    gallery.addEventListener('close', () => (this.closeEvents += 1));
  }

  get root(): ShadowRoot {
    return this.gallery.shadowRoot!;
  }

  get dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }

  /** The card titles in order, as the choose buttons name them. */
  get cardNames(): string[] {
    return [...this.root.querySelectorAll('button.choose')].map((button) => button.textContent!.trim());
  }

  /** The element with focus, looking into the gallery's shadow root. */
  get focused(): Element | null {
    return document.activeElement === this.gallery ? this.root.activeElement : document.activeElement;
  }

  card(template: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`[data-template="${template}"]`)!;
  }

  async settled(): Promise<void> {
    await this.gallery.updateComplete;
    // A timer, not an animation frame: a page in the background (tests run two at a time) gets no frames.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Tabs to the opener and presses Enter. */
  async openWithKeyboard(): Promise<void> {
    this.opener.blur();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(this.opener);
    await sendKeys({ press: 'Enter' });
    await this.settled();
  }

  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
    await this.settled();
  }

  async pressShiftTab(): Promise<void> {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await this.settled();
  }
}

async function renderGallery(lang = 'vi'): Promise<GalleryHarness> {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button type="button" class="opener">Mẫu phiếu</button>
    <sipas-template-gallery lang=${lang}></sipas-template-gallery>
  </div>`);
  const opener = page.querySelector<HTMLButtonElement>('button.opener')!;
  const gallery = page.querySelector('sipas-template-gallery')!;
  opener.addEventListener('click', () => (gallery.open = true));
  const harness = new GalleryHarness(opener, gallery);
  await harness.settled();
  return harness;
}

const templateTitles = templates.map(({ questionnaire }) => (typeof questionnaire.title === 'string' ? questionnaire.title : questionnaire.title.vi));

describe('<sipas-template-gallery>', () => {
  describe('accessibility', () => {
    it('should pass axe when open', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      await expect(gallery.gallery).shadowDom.to.be.accessible();
    });

    it('should be a modal dialog titled "Chọn mẫu phiếu"', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      expect(gallery.dialog.open).to.equal(true);
      expect(gallery.dialog.matches(':modal')).to.equal(true);
      const title = gallery.root.getElementById(gallery.dialog.getAttribute('aria-labelledby')!);
      expect(title?.textContent).to.equal('Chọn mẫu phiếu');
    });
  });

  describe('properties', () => {
    it('should stay closed until open is set', async () => {
      const gallery = await renderGallery();
      expect(gallery.dialog.open).to.equal(false);
      gallery.gallery.open = true;
      await gallery.settled();
      expect(gallery.dialog.open).to.equal(true);
      gallery.gallery.open = false;
      await gallery.settled();
      expect(gallery.dialog.open).to.equal(false);
      expect(gallery.chosen).to.deep.equal([]);
    });

    it('should show one card per standard template and a blank questionnaire', async () => {
      const gallery = await renderGallery();
      gallery.gallery.open = true;
      await gallery.settled();
      expect(gallery.cardNames).to.deep.equal([...templateTitles, 'Phiếu trống']);
    });

    it('should describe each template: description, number of questions, source and legal basis', async () => {
      const gallery = await renderGallery();
      gallery.gallery.open = true;
      await gallery.settled();
      const card = gallery.card('sipas-2640');
      expect(card.querySelector('.description')!.textContent).to.contain('Quyết định 2640/QĐ-BNV');
      expect(card.querySelector('.count')!.textContent).to.match(/^\d+ câu hỏi/);
      expect(card.querySelector('.source')!.textContent).to.contain('Đề án');
      expect(card.querySelector('.legal-basis')!.textContent).to.equal('Quyết định 2640/QĐ-BNV ngày 10/10/2017');
      // The card's details are the choose button's description for screen readers.
      const button = card.querySelector('button.choose')!;
      expect(gallery.root.getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.contain('câu hỏi');
    });

    it('should speak English when lang is en', async () => {
      const gallery = await renderGallery('en');
      gallery.gallery.open = true;
      await gallery.settled();
      expect(gallery.root.querySelector('h2')!.textContent).to.equal('Choose a template');
      expect(gallery.cardNames.at(-1)).to.equal('Blank questionnaire');
      expect(gallery.card('sipas-2640').querySelector('.count')!.textContent).to.match(/^\d+ questions/);
      expect(gallery.cardNames[templates.findIndex((entry) => entry.id === 'sipas-2640')]).to.contain('Survey of citizen');
    });
  });

  describe('keyboard', () => {
    it('should focus the first card on opening', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      expect(gallery.focused).to.equal(gallery.card(templates[0]!.id).querySelector('button.choose'));
    });

    it('should choose a template with Tab and Enter, close and give focus back to the opener', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      await gallery.press('Tab');
      expect(gallery.focused).to.equal(gallery.card(templates[1]!.id).querySelector('button.choose'));
      const chosen = oneEvent(gallery.gallery, TEMPLATE_CHOOSE) as Promise<CustomEvent<TemplateChooseDetail>>;
      await gallery.press('Enter');
      const event = await chosen;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.questionnaire.id).to.equal(templates[1]!.id);
      expect(gallery.dialog.open).to.equal(false);
      expect(gallery.gallery.open).to.equal(false);
      expect(gallery.closeEvents).to.equal(1);
      expect(document.activeElement).to.equal(gallery.opener);
    });

    it('should close on Escape without choosing, focus back on the opener', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      await gallery.press('Escape');
      expect(gallery.dialog.open).to.equal(false);
      expect(gallery.gallery.open).to.equal(false);
      expect(gallery.chosen).to.deep.equal([]);
      expect(gallery.closeEvents).to.equal(1);
      expect(document.activeElement).to.equal(gallery.opener);
    });

    it('should open again after closing', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      await gallery.press('Escape');
      await gallery.press('Enter');
      expect(gallery.dialog.open).to.equal(true);
    });

    it('should close with the close button', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      await gallery.pressShiftTab();
      expect(gallery.focused).to.equal(gallery.root.querySelector('button.close'));
      await gallery.press('Enter');
      expect(gallery.dialog.open).to.equal(false);
      expect(gallery.chosen).to.deep.equal([]);
      expect(document.activeElement).to.equal(gallery.opener);
    });
  });

  describe('choosing', () => {
    it('should hand over a deep copy of the template', async () => {
      const gallery = await renderGallery();
      gallery.gallery.open = true;
      await gallery.settled();
      gallery.card('sipas-2640').querySelector<HTMLButtonElement>('button.choose')!.click();
      await gallery.settled();
      const [copy] = gallery.chosen;
      const original = templates.find((entry) => entry.id === 'sipas-2640')!.questionnaire;
      expect(copy).not.to.equal(original);
      expect(copy).to.deep.equal(original);
      copy!.pages[0]!.name = 'changed';
      expect(original.pages[0]!.name).not.to.equal('changed');
    });

    it('should hand over a blank questionnaire chosen with the keyboard', async () => {
      const gallery = await renderGallery();
      await gallery.openWithKeyboard();
      for (let step = 0; step < templates.length; step += 1) await gallery.press('Tab');
      expect(gallery.focused).to.equal(gallery.card('blank').querySelector('button.choose'));
      await gallery.press('Enter');
      const [blank] = gallery.chosen;
      expect(blank!.id).to.match(/^phieu-moi-[a-z0-9]+$/);
      expect(validateQuestionnaire(blank).valid).to.equal(true);
    });
  });

  describe('blankQuestionnaire()', () => {
    it('should be valid, in Vietnamese and English, with one page and one section', () => {
      const blank = blankQuestionnaire();
      expect(validateQuestionnaire(blank).errors).to.deep.equal([]);
      expect(blank.formatVersion).to.equal(FORMAT_VERSION);
      expect(blank.title).to.deep.equal({ vi: 'Phiếu khảo sát mới', en: 'New questionnaire' });
      expect(blank.locales).to.deep.equal(['vi', 'en']);
      expect(blank.pages).to.have.length(1);
      expect(blank.pages[0]!.sections).to.have.length(1);
    });

    it('should need its question: the format refuses an empty section', () => {
      const blank = blankQuestionnaire();
      blank.pages[0]!.sections[0]!.questions = [];
      expect(validateQuestionnaire(blank).valid).to.equal(false);
    });

    it('should get a fresh id each time', () => {
      const ids = new Set(Array.from({ length: 50 }, () => blankQuestionnaire().id));
      expect(ids.size).to.equal(50);
    });
  });
});
