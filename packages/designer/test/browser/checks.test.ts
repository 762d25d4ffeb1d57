import { expect, fixture, html } from '@open-wc/testing';
import { QuestionTypeRegistry, type Question, type Questionnaire } from '@sipas/schema';
import { createTypeRegistry, defineQuestionType, type CoreTypeRegistry } from '@sipas/core';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/checks/index.js';
import { checkCounts, type SipasDesignerChecks } from '../../src/components/checks/index.js';
import { insertAt, setIn } from '../../src/model/immutable.js';

/** Reads the checks view as an author does and records what it asks to select. */
class ChecksHarness {
  readonly selected: string[] = [];
  readonly edits: unknown[] = [];

  constructor(readonly element: SipasDesignerChecks) {
    element.addEventListener('sipas-designer-select', (event) => this.selected.push(event.detail.path));
    element.addEventListener('sipas-designer-edit', (event) => this.edits.push(event.detail));
  }

  static async render(questionnaire: Questionnaire | undefined, lang = 'vi', types?: CoreTypeRegistry): Promise<ChecksHarness> {
    const element = await fixture<SipasDesignerChecks>(html`<sipas-designer-checks lang=${lang} .questionnaire=${questionnaire}></sipas-designer-checks>`);
    if (types) {
      element.types = types;
      await element.updateComplete;
    }
    return new ChecksHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  counts(): string {
    return this.root.querySelector('.counts')?.textContent?.trim() ?? '';
  }

  headings(): string[] {
    return [...this.root.querySelectorAll('h3')].map((h) => h.textContent!.trim());
  }

  /** The items of a group, as "element | message". */
  items(severity: 'error' | 'warning'): string[] {
    return [...this.root.querySelectorAll(`ul.${severity} button`)].map(
      (button) => `${button.querySelector('.element')!.textContent!.trim()} | ${button.querySelector('.message')!.textContent!.trim()}`,
    );
  }

  item(code: string): HTMLButtonElement {
    const button = this.root.querySelector<HTMLButtonElement>(`button[data-code="${code}"]`);
    if (!button) throw new Error(`no item ${code}`);
    return button;
  }
}

const kiosk = () => copyTemplate('kiosk-quick')!;
const FIRST_QUESTION = ['pages', 0, 'sections', 0, 'questions', 0];

/** One error (a bad page name) and one warning (an untranslated question title). */
function withProblems(): Questionnaire {
  let document = setIn(kiosk(), ['pages', 0, 'name'], '1 bad');
  document = setIn(document, [...FIRST_QUESTION, 'title'], 'Chỉ tiếng Việt');
  return document;
}

describe('<sipas-designer-checks>', () => {
  describe('accessibility', () => {
    it('should pass axe with errors and warnings', async () => {
      await expect((await ChecksHarness.render(withProblems())).element).shadowDom.to.be.accessible();
    });

    it('should pass axe when all is clear', async () => {
      await expect((await ChecksHarness.render(kiosk())).element).shadowDom.to.be.accessible();
    });

    it('should label each list by its heading', async () => {
      const harness = await ChecksHarness.render(withProblems());
      for (const list of harness.root.querySelectorAll('ul')) {
        const heading = harness.root.getElementById(list.getAttribute('aria-labelledby')!);
        expect(heading?.localName).to.equal('h3');
      }
    });
  });

  describe('properties', () => {
    it('should count errors and warnings and group them by severity', async () => {
      const harness = await ChecksHarness.render(withProblems());
      expect(harness.counts()).to.equal('1 lỗi, 1 cảnh báo');
      expect(harness.headings()).to.deep.equal(['Lỗi (1)', 'Cảnh báo (1)']);
      expect(harness.items('error')).to.have.length(1);
      expect(harness.items('error')[0]).to.match(/^Trang “.+” \| /);
      expect(harness.items('warning')).to.deep.equal(['Câu “Chỉ tiếng Việt” | Câu hỏi "Chỉ tiếng Việt": 1 nội dung chưa có bản tiếng Anh']);
    });

    it('should show the all-clear state for a clean document', async () => {
      const harness = await ChecksHarness.render(kiosk());
      expect(harness.counts()).to.equal('0 lỗi, 0 cảnh báo');
      expect(harness.root.querySelector('.all-clear')!.textContent).to.include('Không có lỗi');
      expect(harness.root.querySelectorAll('ul').length).to.equal(0);
    });

    it('should say "no errors" above the warnings when there are only warnings', async () => {
      const harness = await ChecksHarness.render(setIn(kiosk(), [...FIRST_QUESTION, 'title'], 'Chỉ tiếng Việt'));
      expect(harness.headings()).to.deep.equal(['Lỗi (0)', 'Cảnh báo (1)']);
      expect(harness.root.querySelector('.all-clear')!.textContent).to.equal('Không có lỗi');
    });

    it('should follow a new questionnaire and speak English', async () => {
      const harness = await ChecksHarness.render(kiosk(), 'en');
      expect(harness.counts()).to.equal('0 errors, 0 warnings');
      harness.element.questionnaire = withProblems();
      await harness.element.updateComplete;
      expect(harness.counts()).to.equal('1 errors, 1 warnings');
      expect(harness.items('warning')[0]).to.match(/^Question “.+” \| Question ".+": 1 text has no English translation$/);
    });

    it('should name the element by its title in the interface language, else its name', async () => {
      const document = setIn(withProblems(), ['pages', 0, 'title'], { vi: 'Trang đầu', en: 'First page' });
      const vi = await ChecksHarness.render(document);
      expect(vi.items('error')[0]).to.match(/^Trang “Trang đầu” \| /);
      const en = await ChecksHarness.render(document, 'en');
      expect(en.items('error')[0]).to.match(/^Page “First page” \| /);
      const untitled = await ChecksHarness.render(setIn(withProblems(), ['pages', 0, 'title'], undefined));
      expect(untitled.items('error')[0]).to.match(/^Trang “1 bad” \| /);
    });

    it('should say so when there is no questionnaire', async () => {
      const harness = await ChecksHarness.render(undefined);
      expect(harness.root.textContent).to.include('Chưa có phiếu để kiểm tra.');
    });
  });

  describe('events', () => {
    it('should ask to select the element of a check when pressed', async () => {
      const harness = await ChecksHarness.render(withProblems());
      harness.item('untranslated').click();
      expect(harness.selected).to.deep.equal(['/pages/0/sections/0/questions/0/title']);
    });

    it('should fire nothing on programmatic changes', async () => {
      const harness = await ChecksHarness.render(kiosk());
      harness.element.questionnaire = withProblems();
      await harness.element.updateComplete;
      expect(harness.selected).to.deep.equal([]);
      expect(harness.edits).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('should make every item a focusable native button (Enter and Space press it)', async () => {
      const harness = await ChecksHarness.render(withProblems());
      const buttons = [...harness.root.querySelectorAll<HTMLButtonElement>('li button')];
      expect(buttons).to.have.length(2);
      for (const button of buttons) {
        expect(button.type).to.equal('button');
        expect(button.tabIndex).to.equal(0);
      }
      buttons[0]!.focus();
      expect(harness.root.activeElement).to.equal(buttons[0]);
    });
  });

  describe('custom question types', () => {
    /** A type the shared registry never hears of, in a registry of its own as a page gives the designer. */
    const types = createTypeRegistry(new QuestionTypeRegistry());
    defineQuestionType({ type: 'stars-checks', schema: { properties: { type: 'object', properties: { stars: { enum: [5, 10] } } } } }, types);
    const withStars = (stars: number) =>
      insertAt(kiosk(), ['pages', 0, 'sections', 0, 'questions'], 0, { type: 'stars-checks', name: 'stars', title: { vi: 'Số sao', en: 'Stars' }, stars } as unknown as Question);

    it('should report an unregistered type without the registry, and nothing with it', async () => {
      expect((await ChecksHarness.render(withStars(5))).item('unknown-type')).to.exist;
      const harness = await ChecksHarness.render(withStars(5), 'vi', types);
      expect(harness.counts()).to.equal('0 lỗi, 0 cảnh báo');
      expect(checkCounts(withStars(5), types)).to.deep.equal({ errors: 0, warnings: 0 });
    });

    it('should still check the type’s own properties', async () => {
      const harness = await ChecksHarness.render(withStars(7), 'vi', types);
      expect(harness.counts()).to.equal('1 lỗi, 0 cảnh báo');
      expect(harness.root.querySelector('ul.error button')!.textContent).to.contain('Số sao');
    });
  });

  describe('checkCounts', () => {
    it('should count what the view shows, for the shell’s badge', () => {
      expect(checkCounts(withProblems())).to.deep.equal({ errors: 1, warnings: 1 });
      expect(checkCounts(kiosk())).to.deep.equal({ errors: 0, warnings: 0 });
    });
  });
});
