import { expect, fixture, html } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import { copyTemplate, templates } from '@sipas/templates';
import '../../src/components/json/index.js';
import { findJsonSyntaxError, prettyJson, type SipasDesignerJson } from '../../src/components/json/index.js';
import type { DesignerEdit } from '../../src/model/edit.js';

/** The valid fixtures shared by the repository's tests. */
const FIXTURES = ['one-of-each-type', 'compact-all-types'];

async function fixtureDocument(name: string): Promise<Questionnaire> {
  const response = await fetch(`/fixtures/questionnaires/valid/${name}.json`);
  expect(response.ok, name).to.equal(true);
  return (await response.json()) as Questionnaire;
}

/** Drives the JSON view as an author does; plays the shell when asked to apply edits. */
class JsonHarness {
  readonly edits: DesignerEdit[] = [];
  readonly selected: string[] = [];

  constructor(
    readonly element: SipasDesignerJson,
    applyEdits: boolean,
  ) {
    element.addEventListener('sipas-designer-edit', (event) => {
      this.edits.push(event.detail);
      if (applyEdits) element.questionnaire = event.detail.apply(element.questionnaire!);
    });
    element.addEventListener('sipas-designer-select', (event) => this.selected.push(event.detail.path));
  }

  static async render(questionnaire: Questionnaire, { lang = 'vi', applyEdits = true } = {}): Promise<JsonHarness> {
    const element = await fixture<SipasDesignerJson>(html`<sipas-designer-json lang=${lang} .questionnaire=${questionnaire}></sipas-designer-json>`);
    return new JsonHarness(element, applyEdits);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get editor(): HTMLTextAreaElement {
    return this.root.querySelector('textarea')!;
  }

  async type(text: string): Promise<void> {
    this.editor.focus();
    this.editor.value = text;
    this.editor.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.element.updateComplete;
  }

  /** Changes the parsed document and types its JSON. */
  async edit(change: (document: Record<string, unknown>) => void): Promise<void> {
    const document = JSON.parse(this.editor.value) as Record<string, unknown>;
    change(document);
    await this.type(JSON.stringify(document, null, 2));
  }

  button(name: string): HTMLButtonElement {
    const button = [...this.root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!button) throw new Error(`no button ${name}`);
    return button;
  }

  async press(name: string): Promise<void> {
    this.button(name).click();
    await this.element.updateComplete;
  }

  problem(): string {
    return this.root.querySelector('#problem')?.textContent?.trim() ?? '';
  }

  /** The listed reasons a document cannot be applied, as `path: message`. */
  shapeProblems(): string[] {
    return [...this.root.querySelectorAll('#problem li')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim());
  }

  errorItems(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll<HTMLButtonElement>('.errors button')];
  }

  status(): string {
    return this.root.querySelector('[role="status"]')!.textContent!.trim();
  }
}

const kiosk = () => copyTemplate('kiosk-quick')!;

describe('<sipas-designer-json>', () => {
  describe('accessibility', () => {
    it('should pass axe, unchanged and with a syntax error', async () => {
      const harness = await JsonHarness.render(kiosk());
      await expect(harness.element).shadowDom.to.be.accessible();
      await harness.type('{ "pages": [ }');
      await expect(harness.element).shadowDom.to.be.accessible();
    });

    it('should label the editor and tie the problem to it', async () => {
      const harness = await JsonHarness.render(kiosk());
      expect(harness.root.querySelector(`label[for="${harness.editor.id}"]`)!.textContent).to.equal('Nội dung JSON');
      await harness.type('{');
      expect(harness.editor.getAttribute('aria-invalid')).to.equal('true');
      expect(harness.editor.getAttribute('aria-describedby')).to.include('problem');
    });
  });

  describe('properties', () => {
    it('should show the questionnaire as JSON indented by two spaces', async () => {
      const document = kiosk();
      const harness = await JsonHarness.render(document);
      expect(harness.editor.value).to.equal(JSON.stringify(document, null, 2));
      expect(harness.button('Áp dụng').disabled).to.equal(true, 'nothing to apply yet');
      expect(harness.button('Hoàn tác thay đổi').disabled).to.equal(true);
    });

    it('should round-trip every template and fixture without loss', async () => {
      const documents = [...templates.map((t) => t.questionnaire), ...(await Promise.all(FIXTURES.map(fixtureDocument)))];
      for (const document of documents) {
        const harness = await JsonHarness.render(document);
        expect(JSON.parse(harness.editor.value), document.id).to.deep.equal(document);
        expect(harness.problem(), document.id).to.equal('');
      }
    });

    it('should follow an outside change while unmodified, and keep modified text with a notice', async () => {
      const harness = await JsonHarness.render(kiosk());
      const renamed = { ...kiosk(), id: 'renamed' };
      harness.element.questionnaire = renamed;
      await harness.element.updateComplete;
      expect(harness.editor.value).to.equal(prettyJson(renamed));
      expect(harness.status()).to.equal('');

      await harness.edit((document) => (document.version = 7));
      const typed = harness.editor.value;
      harness.element.questionnaire = { ...renamed, id: 'again' };
      await harness.element.updateComplete;
      expect(harness.editor.value).to.equal(typed);
      expect(harness.status()).to.match(/^Phiếu vừa được thay đổi ở chỗ khác/);

      await harness.press('Hoàn tác thay đổi');
      expect(JSON.parse(harness.editor.value).id).to.equal('again');
      expect(harness.status()).to.equal('');
    });

    it('should speak English when lang is en', async () => {
      const harness = await JsonHarness.render(kiosk(), { lang: 'en' });
      await harness.type('{\n  "a": 1,\n  "b" 2\n}');
      expect(harness.problem()).to.equal('JSON syntax error at line 3, column 7: a colon is missing after the property name');
    });
  });

  describe('syntax errors', () => {
    it('should give the line and column of the error', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.type('{\n  "id": "x",\n  "pages": [\n    {"name": "p1",}\n  ]\n}');
      expect(harness.problem()).to.equal('Lỗi cú pháp JSON ở dòng 4, cột 19: tên thuộc tính phải nằm trong dấu ngoặc kép');
      expect(harness.button('Áp dụng').disabled).to.equal(true);
    });

    it('should locate every kind of mistake', () => {
      const cases: [string, string, number, number][] = [
        ['', 'unexpectedEnd', 1, 1],
        ['{"a": 1', 'unexpectedEnd', 1, 8],
        ['{"a" 1}', 'expectedColon', 1, 6],
        ['[1 2]', 'expectedCommaOrEnd', 1, 4],
        ['{"a": tru}', 'unexpectedCharacter', 1, 7],
        ['{"a": "x\ty"}', 'badString', 1, 9],
        ['{"a": "\\q"}', 'badString', 1, 8],
        ['{"a": -}', 'badNumber', 1, 7],
        ['{}\n}', 'trailingText', 2, 1],
        ['{"tên": "Hài lòng",\n "b": [1,]}', 'unexpectedCharacter', 2, 10],
      ];
      for (const [text, problem, line, column] of cases) {
        expect(() => JSON.parse(text), text).to.throw(SyntaxError);
        const error = findJsonSyntaxError(text)!;
        expect({ problem: error.problem, line: error.line, column: error.column }, text).to.deep.equal({ problem, line, column });
      }
      expect(findJsonSyntaxError('{"a": [1, 2.5e3, true, null, "\\u00e9"]}')).to.equal(undefined);
    });

    it('should move the caret to the error', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.type('{"a": 1,, "b": 2}');
      await harness.press('Đến chỗ lỗi');
      expect(harness.root.activeElement).to.equal(harness.editor);
      expect(harness.editor.selectionStart).to.equal(8);
    });

    it('should refuse a document that is not an object with pages', async () => {
      const harness = await JsonHarness.render(kiosk());
      for (const text of ['[]', '42', 'null', '{"id": "x"}', '{"pages": {}}', '   ']) {
        await harness.type(text);
        expect(harness.problem(), text).to.match(/^Chưa áp dụng được/);
        expect(harness.button('Áp dụng').disabled, text).to.equal(true);
      }
    });
  });

  describe('documents the designer could not render', () => {
    const broken: [string, (document: { pages: Record<string, unknown>[] }) => void, string][] = [
      ['a page without sections', (document) => delete document.pages[0]!.sections, '/pages/0/sections'],
      ['a page that is not an object', (document) => (document.pages[0] = 'trang' as never), '/pages/0'],
      ['a page without a name', (document) => (document.pages[0]!.name = 7), '/pages/0/name'],
      ['a section without questions', (document) => ((document.pages[0]!.sections as Record<string, unknown>[])[0]!.questions = {}), '/pages/0/sections/0/questions'],
      ['a section that is null', (document) => ((document.pages[0]!.sections as unknown[])[0] = null), '/pages/0/sections/0'],
      ['a question that is a list', (document) => (((document.pages[0]!.sections as Record<string, unknown>[])[0]!.questions as unknown[])[0] = []), '/pages/0/sections/0/questions/0'],
      ['a question without a type', (document) => delete (((document.pages[0]!.sections as Record<string, unknown>[])[0]!.questions as Record<string, unknown>[])[0]!.type), '/pages/0/sections/0/questions/0/type'],
    ];
    for (const [what, breakIt, path] of broken) {
      it(`should refuse ${what}, saying where`, async () => {
        const harness = await JsonHarness.render(kiosk());
        await harness.edit((document) => breakIt(document as unknown as { pages: Record<string, unknown>[] }));
        expect(harness.problem()).to.match(/^Chưa áp dụng được/);
        expect(harness.shapeProblems()[0]).to.match(new RegExp(`^${path}: `));
        expect(harness.button('Áp dụng').disabled).to.equal(true);
        expect(harness.editor.getAttribute('aria-invalid')).to.equal('true');
        harness.button('Áp dụng').click();
        expect(harness.edits).to.deep.equal([]);
      });
    }

    it('should list every problem, in English when lang is en, and stay accessible', async () => {
      const harness = await JsonHarness.render(kiosk(), { lang: 'en' });
      await harness.type('{"pages": [{"name": "p1", "sections": [{"questions": [{"name": "q1", "type": 3}]}]}]}');
      expect(harness.problem()).to.match(/^Cannot apply/);
      expect(harness.shapeProblems()).to.deep.equal([
        '/pages/0/sections/0/name: The section has no "name" (a string).',
        '/pages/0/sections/0/questions/0/type: The question has no "type" (a string).',
      ]);
      await expect(harness.element).shadowDom.to.be.accessible();
    });

    it('should still apply a document whose only problems are for the validator (an empty new page)', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.edit((document) => {
        (document.pages as unknown[]).push({ name: 'trang-moi', sections: [{ name: 'phan-moi', questions: [] }] });
      });
      expect(harness.problem()).to.match(/^\d+ lỗi kiểm tra$/);
      await harness.press('Áp dụng');
      expect(harness.edits).to.have.length(1);
      expect(harness.element.questionnaire!.pages.at(-1)!.name).to.equal('trang-moi');
    });
  });

  describe('validation', () => {
    it('should list validation errors with their pointer and select the element on click', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.edit((document) => {
        (document.pages as { name: string }[])[0]!.name = '1 bad';
      });
      expect(harness.problem()).to.match(/^\d+ lỗi kiểm tra$/);
      const item = harness.errorItems().find((button) => button.textContent!.includes('/pages/0/name'))!;
      expect(item).to.exist;
      item.click();
      expect(harness.selected).to.deep.equal(['/pages/0/name']);
    });

    it('should still apply a document with validation errors, as one edit', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.edit((document) => {
        document.title = '';
      });
      expect(harness.errorItems().length).to.be.greaterThan(0);
      await harness.press('Áp dụng');
      expect(harness.edits.length).to.equal(1);
      expect(harness.element.questionnaire!.title).to.equal('');
      expect(harness.editor.value).to.equal(prettyJson(harness.element.questionnaire));
      expect(harness.button('Áp dụng').disabled).to.equal(true, 'the text is the document again');
    });
  });

  describe('events', () => {
    it('should apply a document that is not pretty-printed and then show it pretty', async () => {
      const harness = await JsonHarness.render(kiosk());
      const compact = { ...kiosk(), version: 9 };
      await harness.type(JSON.stringify(compact));
      await harness.press('Áp dụng');
      expect(harness.edits[0]!.label).to.equal('Sửa mã JSON');
      expect(harness.element.questionnaire).to.deep.equal(compact);
      expect(harness.editor.value).to.equal(prettyJson(compact));
      expect(harness.status()).to.equal('Đã áp dụng.');
    });

    it('should not apply the given document in place (the edit is pure)', async () => {
      const original = kiosk();
      const harness = await JsonHarness.render(original, { applyEdits: false });
      await harness.edit((document) => (document.version = 3));
      await harness.press('Áp dụng');
      const result = harness.edits[0]!.apply(original);
      expect(result).to.not.equal(original);
      expect(original.version).to.not.equal(3);
      expect(result.version).to.equal(3);
    });

    it('should fire nothing while typing or on outside changes', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.type('{');
      harness.element.questionnaire = { ...kiosk(), id: 'x' };
      await harness.element.updateComplete;
      expect(harness.edits).to.deep.equal([]);
      expect(harness.selected).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('should leave Tab to move focus out of the editor (no keyboard trap)', async () => {
      const harness = await JsonHarness.render(kiosk());
      harness.editor.focus();
      const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
      harness.editor.dispatchEvent(event);
      expect(event.defaultPrevented).to.equal(false);
    });

    it('should revert with the keyboard: the buttons are real buttons after the editor', async () => {
      const harness = await JsonHarness.render(kiosk());
      await harness.type('{}');
      const order = [...harness.root.querySelectorAll<HTMLElement>('textarea, button')].map((el) => el.textContent!.trim() || el.localName);
      expect(order.slice(0, 3)).to.deep.equal(['textarea', 'Áp dụng', 'Hoàn tác thay đổi']);
      harness.button('Hoàn tác thay đổi').focus();
      await harness.press('Hoàn tác thay đổi');
      expect(harness.editor.value).to.equal(prettyJson(kiosk()));
    });
  });
});
