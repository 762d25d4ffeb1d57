import { expect, fixture, html } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/translations/index.js';
import type { SipasDesignerTranslations } from '../../src/components/translations/index.js';
import type { DesignerEdit } from '../../src/model/edit.js';
import { collectTexts, CSV_BYTE_ORDER_MARK, toCsv } from '../../src/model/translations.js';

/** Drives the translations view as a translator does; plays the shell by applying each edit. */
class TranslationsHarness {
  readonly edits: DesignerEdit[] = [];
  readonly selected: string[] = [];

  constructor(
    readonly element: SipasDesignerTranslations,
    applyEdits: boolean,
  ) {
    element.addEventListener('sipas-designer-edit', (event) => {
      this.edits.push(event.detail);
      if (applyEdits) element.questionnaire = event.detail.apply(element.questionnaire!);
    });
    element.addEventListener('sipas-designer-select', (event) => this.selected.push(event.detail.path));
  }

  static async render(questionnaire: Questionnaire, { lang = 'vi', applyEdits = true } = {}): Promise<TranslationsHarness> {
    const element = await fixture<SipasDesignerTranslations>(html`<sipas-designer-translations lang=${lang} .questionnaire=${questionnaire}></sipas-designer-translations>`);
    return new TranslationsHarness(element, applyEdits);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get questionnaire(): Questionnaire {
    return this.element.questionnaire!;
  }

  /** The pointers of the rows shown, in order. */
  rows(): string[] {
    return [...this.root.querySelectorAll('tbody tr')].map((row) => row.getAttribute('data-pointer')!);
  }

  row(pointer: string): HTMLTableRowElement {
    const row = this.root.querySelector<HTMLTableRowElement>(`tbody tr[data-pointer="${pointer}"]`);
    if (!row) throw new Error(`no row ${pointer}`);
    return row;
  }

  /** The textarea of one locale of a row (columns in header order). */
  cell(pointer: string, locale: 'vi' | 'en'): HTMLTextAreaElement {
    return this.row(pointer).querySelector<HTMLTextAreaElement>(`td[lang="${locale}"] textarea`)!;
  }

  async type(pointer: string, locale: 'vi' | 'en', text: string): Promise<void> {
    const area = this.cell(pointer, locale);
    area.focus();
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.element.updateComplete;
  }

  button(name: string): HTMLButtonElement {
    const button = [...this.root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!button) throw new Error(`no button ${name}`);
    return button;
  }

  async toggleOnlyMissing(): Promise<void> {
    const label = [...this.root.querySelectorAll('label')].find((l) => l.textContent?.includes('Chỉ hiện chỗ chưa dịch'))!;
    label.querySelector('input')!.click();
    await this.element.updateComplete;
  }

  count(): string {
    return this.root.querySelector('.count')!.textContent!.trim();
  }

  status(): string {
    return this.root.querySelector('[role="status"]')!.textContent!.trim();
  }

  /** Presses "Xuất CSV" and returns the file's name and text (the download itself is stopped). */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return original.call(URL, blob);
    };
    let name = '';
    const stopDownload = (event: Event) => {
      const link = event.composedPath()[0];
      if (!(link instanceof HTMLAnchorElement)) return;
      name = link.download;
      event.preventDefault();
    };
    this.element.addEventListener('click', stopDownload);
    try {
      this.button('Xuất CSV').click();
    } finally {
      URL.createObjectURL = original;
      this.element.removeEventListener('click', stopDownload);
    }
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    return { name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  }

  /** Chooses a file in "Nhập CSV" as the file picker would. */
  async importCsv(text: string): Promise<void> {
    const input = this.root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'translations.csv', { type: 'text/csv' }));
    input.files = transfer.files;
    const before = this.importOutcome();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    // file.text() resolves on a later task, later still on a loaded machine: wait for the import's outcome.
    for (let waited = 0; this.importOutcome() === before && waited < 5000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await this.element.updateComplete;
    }
  }

  /** What an import shows when it is done: its status line and its list of problems. */
  private importOutcome(): string {
    return `${this.root.querySelector('[role="status"]')?.textContent ?? ''}|${this.root.querySelector('.errors')?.textContent ?? ''}`;
  }
}

const kiosk = () => copyTemplate('kiosk-quick')!;
/** The kiosk template with one text left untranslated. */
function kioskWithUntranslatedTitle(): Questionnaire {
  const document = kiosk();
  document.title = 'Phiếu ki-ốt';
  return document;
}

describe('<sipas-designer-translations>', () => {
  describe('accessibility', () => {
    it('should pass axe with a template', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      await expect(harness.element).shadowDom.to.be.accessible();
    });

    it('should use a real table with column and row headers and label every cell', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      const headers = [...harness.root.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(headers).to.deep.equal(['Thuộc', 'Tiếng Việt', 'Tiếng Anh (English)']);
      expect(harness.root.querySelectorAll('tbody th[scope="row"]').length).to.equal(harness.rows().length);
      const label = harness.cell('/title', 'en').getAttribute('aria-label');
      expect(label).to.equal('Tiếng Anh (English) — Bảng hỏi, Tiêu đề');
    });

    it('should mark an untranslated cell with a word, not colour alone', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      const cell = harness.cell('/title', 'en').closest('td')!;
      expect(cell.classList.contains('missing')).to.equal(true);
      expect(cell.querySelector('.visually-hidden')!.textContent).to.equal('chưa dịch');
      expect(harness.cell('/description', 'en').closest('td')!.classList.contains('missing')).to.equal(false);
    });
  });

  describe('properties', () => {
    it('should show one row per text, keyed by pointer, Vietnamese and English side by side', async () => {
      const document = kiosk();
      const harness = await TranslationsHarness.render(document);
      expect(harness.rows()).to.deep.equal(collectTexts(document).map((row) => row.pointer));
      expect(harness.cell('/title', 'vi').value).to.equal((document.title as Record<string, string>).vi);
      expect(harness.cell('/title', 'en').value).to.equal((document.title as Record<string, string>).en);
    });

    it('should speak English when lang is en', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle(), { lang: 'en' });
      expect(harness.root.querySelector('h2')!.textContent).to.equal('Translations');
      expect(harness.count()).to.match(/^1 of \d+ texts not translated$/);
    });

    it('should follow a new questionnaire', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      expect(harness.count()).to.equal('Mọi nội dung đã được dịch.');
      harness.element.questionnaire = kioskWithUntranslatedTitle();
      await harness.element.updateComplete;
      expect(harness.count()).to.match(/^1 \/ \d+ nội dung chưa dịch$/);
      expect(harness.cell('/title', 'vi').value).to.equal('Phiếu ki-ốt');
    });
  });

  describe('events', () => {
    it('should request one edit per keystroke, merged by the text and locale', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      await harness.type('/title', 'en', 'K');
      await harness.type('/title', 'en', 'Kiosk form');
      expect(harness.edits.map((edit) => edit.mergeKey)).to.deep.equal(['text:/title:en', 'text:/title:en']);
      expect(harness.questionnaire.title).to.deep.equal({ vi: 'Phiếu ki-ốt', en: 'Kiosk form' });
      expect(harness.count()).to.equal('Mọi nội dung đã được dịch.');
    });

    it('should edit the Vietnamese cell too, but never empty it', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      await harness.type('/description', 'vi', 'Mô tả mới');
      expect((harness.questionnaire.description as { vi: string }).vi).to.equal('Mô tả mới');
      await harness.type('/description', 'vi', '   ');
      expect(harness.edits.length).to.equal(1, 'no edit for an empty Vietnamese text');
      const area = harness.cell('/description', 'vi');
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      const error = harness.root.getElementById(area.getAttribute('aria-describedby')!)!;
      expect(error.textContent).to.equal('Nội dung tiếng Việt không được để trống.');
    });

    it('should ask to select the owner of a row', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      const pointer = harness.rows().find((p) => p.includes('/choices/') || p.includes('/rows/'))!;
      harness.row(pointer).querySelector<HTMLButtonElement>('th button')!.click();
      expect(harness.selected).to.deep.equal([pointer]);
    });

    it('should not fire events when the questionnaire is set from outside', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      harness.element.questionnaire = kioskWithUntranslatedTitle();
      await harness.element.updateComplete;
      expect(harness.edits).to.deep.equal([]);
      expect(harness.selected).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('should reach the filter, the buttons and every cell with Tab order and select an owner with Enter', async () => {
      const harness = await TranslationsHarness.render(kiosk());
      const focusable = [...harness.root.querySelectorAll<HTMLElement>('input, button, textarea')].filter((el) => el.tabIndex >= 0 && !el.hidden);
      expect(focusable[0]!.getAttribute('type')).to.equal('checkbox');
      expect(focusable.slice(1, 3).map((el) => el.textContent!.trim())).to.deep.equal(['Xuất CSV', 'Nhập CSV']);
      expect(focusable.filter((el) => el.localName === 'textarea').length).to.equal(harness.rows().length * 2);
      // A button's Enter is a click in every browser; the owner link is a real button.
      const owner = harness.row('/title').querySelector<HTMLButtonElement>('th button')!;
      expect(owner.type).to.equal('button');
    });
  });

  describe('filter', () => {
    it('should show only untranslated rows and keep a row while it is being translated', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      await harness.toggleOnlyMissing();
      expect(harness.rows()).to.deep.equal(['/title']);
      await harness.type('/title', 'en', 'Kiosk');
      expect(harness.rows()).to.deep.equal(['/title'], 'the row stays under the cursor');
      await harness.toggleOnlyMissing();
      await harness.toggleOnlyMissing();
      expect(harness.rows()).to.deep.equal([]);
      expect(harness.root.textContent).to.include('Không còn chỗ nào chưa dịch.');
    });
  });

  describe('CSV', () => {
    it('should export the texts as a UTF-8 CSV with a byte-order mark', async () => {
      const document = kioskWithUntranslatedTitle();
      const harness = await TranslationsHarness.render(document);
      const { name, text } = await harness.exportCsv();
      expect(name).to.equal('kiosk-quick-translations.csv');
      expect(text.startsWith(CSV_BYTE_ORDER_MARK)).to.equal(true);
      expect(text).to.equal(toCsv(document));
      expect(text).to.include('/title,Phiếu ki-ốt,\r\n');
    });

    it('should import a CSV with commas, quotes, line breaks and diacritics as one edit and announce it', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      await harness.importCsv('\uFEFFpointer,vi,en\r\n/title,"Phiếu ki-ốt, bản ""mới""","Kiosk form,\r\nnew"\r\n');
      expect(harness.edits.length).to.equal(1);
      expect(harness.edits[0]!.label).to.equal('Nhập bản dịch từ CSV');
      expect(harness.questionnaire.title).to.deep.equal({ vi: 'Phiếu ki-ốt, bản "mới"', en: 'Kiosk form,\r\nnew' });
      expect(harness.status()).to.equal('Đã nhập 1 dòng, thay đổi 2 nội dung; 0 dòng bị lỗi.');
    });

    it('should list the lines of a bad CSV and apply only its good rows', async () => {
      const harness = await TranslationsHarness.render(kioskWithUntranslatedTitle());
      await harness.importCsv('pointer,vi,en\n/nowhere,Không,No\n/title,Phiếu ki-ốt,Kiosk\n/id,"x"y,z\n');
      const errors = [...harness.root.querySelectorAll('.errors li')].map((li) => li.textContent!.trim());
      expect(errors).to.have.length(2);
      expect(errors[0]).to.match(/^Dòng 2: Không tìm thấy "\/nowhere"/);
      expect(errors[1]).to.match(/^Dòng 4: /);
      expect(harness.status()).to.equal('Đã nhập 1 dòng, thay đổi 1 nội dung; 2 dòng bị lỗi.');
      expect(harness.questionnaire.title).to.deep.equal({ vi: 'Phiếu ki-ốt', en: 'Kiosk' });
    });

    it('should apply nothing from a file without the header', async () => {
      const document = kioskWithUntranslatedTitle();
      const harness = await TranslationsHarness.render(document);
      await harness.importCsv('/title,Phiếu,Form\n');
      expect(harness.edits).to.deep.equal([]);
      expect(harness.questionnaire).to.equal(document);
      expect(harness.root.querySelector('.errors li')!.textContent).to.match(/^Dòng 1: Thiếu dòng tiêu đề/);
    });
  });

  describe('large documents', () => {
    it('should render 300+ texts and keep row elements across an edit', async () => {
      // Two copies of the longest template's pages: names repeat, pointers do not.
      const template = copyTemplate('sipas-1001')!;
      const document = { ...template, pages: [...template.pages, ...structuredClone(template.pages)] };
      const rows = collectTexts(document);
      expect(rows.length).to.be.greaterThan(300);
      const harness = await TranslationsHarness.render(document);
      expect(harness.rows().length).to.equal(rows.length);
      const before = harness.row(rows[200]!.pointer);
      const started = performance.now();
      await harness.type(rows[5]!.pointer, 'en', 'Edited');
      const elapsed = performance.now() - started;
      expect(harness.row(rows[200]!.pointer)).to.equal(before, 'rows are keyed by pointer');
      expect(elapsed).to.be.lessThan(500);
    });
  });
});
