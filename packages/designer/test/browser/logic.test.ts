/**
 * The logic parts: <sipas-expression-editor> (visual builder and expression text, kept in step)
 * and <sipas-designer-logic> (where a question is referenced, every condition of the document).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { STANDARD_SCALES, localize, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/logic/index.js';
import type { SipasDesignerLogic, SipasExpressionEditor } from '../../src/components/logic/index.js';
import { DESIGNER_SELECT, QUESTIONNAIRE_SELECTION, type DesignerSelectDetail, type Selection } from '../../src/model/edit.js';

/**
 * p1/s1: q1 (rating, satisfaction-5), q2 (text), grid (likert r1 r2), job (single with "other"),
 * q3 (the subject in most tests, shown when q1 ≤ 2); p2/s2: late (boolean), n (number).
 */
function sample(): Questionnaire {
  return {
    formatVersion: '1.0',
    id: 'logic-sample',
    title: 'Mẫu logic',
    pages: [
      {
        name: 'p1',
        title: 'Đánh giá',
        sections: [
          {
            name: 's1',
            questions: [
              { type: 'rating', name: 'q1', title: 'Mức độ hài lòng chung', scale: 'satisfaction-5' },
              { type: 'text', name: 'q2', title: 'Họ tên' },
              { type: 'likert', name: 'grid', title: 'Tiêu chí', scale: 'satisfaction-5', rows: [{ value: 'r1', text: 'Thủ tục' }, { value: 'r2', text: 'Thời gian' }] },
              { type: 'single', name: 'job', title: 'Nghề nghiệp', choices: [{ value: 'farmer', text: 'Nông dân' }, { value: 'worker', text: 'Công nhân' }], other: true },
              { type: 'comment', name: 'q3', title: 'Vì sao chưa hài lòng với {q1}?', visibleIf: '{q1} <= 2' },
            ],
          },
        ],
      },
      {
        name: 'p2',
        title: 'Thông tin thêm',
        sections: [
          {
            name: 's2',
            questions: [
              { type: 'boolean', name: 'late', title: 'Đã góp ý?', enableIf: "{job} anyof ['farmer', 'other']" },
              { type: 'text', name: 'n', inputType: 'number', title: 'Số lần', visibleIf: '{late} = true and {grid.r2} notempty' },
            ],
          },
        ],
      },
    ],
  };
}

/** Drives an expression editor with real key presses and reads what a person would see. */
class EditorHarness {
  readonly changes: (string | undefined)[] = [];

  constructor(readonly element: SipasExpressionEditor) {
    element.addEventListener('change', (event) => this.changes.push((event as CustomEvent<{ value: string | undefined }>).detail.value));
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  async settled(): Promise<void> {
    await this.element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    await this.element.updateComplete;
  }

  get focused(): Element | null {
    return this.root.activeElement;
  }

  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
    await this.settled();
  }

  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settled();
  }

  /** Tabs forward (at most 40 times) until the control has focus. */
  async tabTo(control: Element): Promise<void> {
    for (let step = 0; step < 40 && this.focused !== control; step++) await this.press('Tab');
    expect(this.focused, 'reachable with Tab').to.equal(control);
  }

  /** With the select focused, arrows to the option whose value is `value`. */
  async arrowTo(select: HTMLSelectElement, value: string): Promise<void> {
    const target = [...select.options].findIndex((option) => option.value === value);
    expect(target, `option ${value}`).to.be.at.least(0);
    expect(this.focused).to.equal(select);
    for (let guard = 0; guard < 60 && select.selectedIndex !== target; guard++) await this.press(select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp');
    expect(select.value).to.equal(value);
  }

  rule(number: string): HTMLElement {
    const rule = this.root.querySelector<HTMLElement>(`.rule[data-path="${number.split('.').map((n) => Number(n) - 1).join('-')}"]`);
    if (!rule) throw new Error(`no rule ${number}`);
    return rule;
  }

  control<T extends Element>(number: string, part: 'question' | 'row' | 'operator' | 'value'): T {
    return this.rule(number).querySelector<T>(`.${part}`)!;
  }

  get addRule(): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>('[data-path="root"] > .group-actions .add-rule')!;
  }

  get raw(): HTMLTextAreaElement {
    return this.root.querySelector('textarea')!;
  }

  get error(): string {
    return this.root.querySelector('#raw-error')?.textContent?.trim() ?? '';
  }

  get notes(): string {
    return this.root.querySelector('#raw-notes')?.textContent?.trim() ?? '';
  }

  ruleCount(): number {
    return this.root.querySelectorAll('.rule').length;
  }

  optionTexts(select: HTMLSelectElement): string[] {
    return [...select.options].map((option) => option.textContent!.trim());
  }

  offeredQuestions(): string[] {
    return [...this.control<HTMLSelectElement>('1', 'question').options].map((option) => option.value).filter(Boolean);
  }

  /** Replaces the whole expression text at once, as a paste does (one input event). */
  async pasteRaw(text: string): Promise<void> {
    this.raw.focus();
    this.raw.select();
    if (text) document.execCommand('insertText', false, text);
    else document.execCommand('delete');
    await this.settled();
  }

  /** Selects the whole content of the focused box with Ctrl+A. */
  async selectAll(): Promise<void> {
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
  }
}

async function renderEditor(options: { value?: string; subject?: string; lang?: string; questionnaire?: Questionnaire } = {}): Promise<EditorHarness> {
  const element = await fixture<SipasExpressionEditor>(html`<sipas-expression-editor
    .questionnaire=${options.questionnaire ?? sample()}
    .value=${options.value}
    subject=${options.subject ?? 'q3'}
    label="Hiện khi"
    lang=${options.lang ?? 'vi'}
  ></sipas-expression-editor>`);
  const harness = new EditorHarness(element);
  await harness.settled();
  return harness;
}

describe('<sipas-expression-editor>', () => {
  describe('accessibility', () => {
    it('should pass axe when empty, with rules and with a syntax error', async () => {
      const empty = await renderEditor();
      await expect(empty.element).shadowDom.to.be.accessible();
      const full = await renderEditor({ value: "{q1} >= 4 or ({grid.r1} = 2 and {job} anyof ['farmer'])" });
      await expect(full.element).shadowDom.to.be.accessible();
      const broken = await renderEditor({ value: '{q1} = ' });
      await expect(broken.element).shadowDom.to.be.accessible();
    });

    it('should label every control of a rule with its number', async () => {
      const editor = await renderEditor({ value: '{grid.r1} = 2' });
      for (const part of ['question', 'row', 'operator', 'value'] as const) {
        expect(editor.control(`1`, part).getAttribute('aria-label')).to.match(/điều kiện 1$/);
      }
      expect(editor.root.querySelector('legend')!.textContent).to.equal('Hiện khi');
    });
  });

  describe('properties', () => {
    it('should show a given value in both the builder and the text box', async () => {
      const editor = await renderEditor({ value: "{q1} >= 4 or {job} = 'worker'" });
      expect(editor.raw.value).to.equal("{q1} >= 4 or {job} = 'worker'");
      expect(editor.ruleCount()).to.equal(2);
      expect(editor.control<HTMLSelectElement>('1', 'question').value).to.equal('q1');
      expect(editor.control<HTMLSelectElement>('1', 'operator').value).to.equal('>=');
      expect(editor.control<HTMLSelectElement>('2', 'value').selectedOptions[0]!.textContent).to.contain('Công nhân');
      expect(editor.root.querySelector<HTMLSelectElement>('select.join')!.value).to.equal('or');
    });

    it('should follow a new value set by the program without firing', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      editor.element.value = '{q2} notempty';
      await editor.settled();
      expect(editor.raw.value).to.equal('{q2} notempty');
      expect(editor.control<HTMLSelectElement>('1', 'question').value).to.equal('q2');
      editor.element.value = undefined;
      await editor.settled();
      expect(editor.raw.value).to.equal('');
      expect(editor.ruleCount()).to.equal(0);
      expect(editor.changes).to.deep.equal([]);
    });

    it('should not offer the subject itself, and offer the rest grouped by page with titles', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      expect(editor.offeredQuestions()).to.include.members(['q1', 'q2', 'grid', 'job', 'late', 'n', 'channel']);
      expect(editor.offeredQuestions()).not.to.include('q3');
      const groups = [...editor.control<HTMLSelectElement>('1', 'question').querySelectorAll('optgroup')].map((group) => group.label);
      expect(groups.slice(0, 2)).to.deep.equal(['Trang 1: Đánh giá', 'Trang 2: Thông tin thêm']);
      expect(editor.optionTexts(editor.control('1', 'question'))).to.include('Mức độ hài lòng chung (q1)');
    });

    it('should speak English when asked', async () => {
      const editor = await renderEditor({ lang: 'en', value: '{q1} = ' });
      expect(editor.root.querySelector('label[for="raw"]')!.textContent).to.equal('Expression');
      expect(editor.error).to.equal('Syntax error at character 8: The expression ends too early');
    });
  });

  describe('events', () => {
    it('should fire the new expression when a rule is edited, bubbling out of shadow roots', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      const fired = oneEvent(editor.element, 'change');
      const operator = editor.control<HTMLSelectElement>('1', 'operator');
      operator.value = '>=';
      operator.dispatchEvent(new Event('change'));
      const event = (await fired) as CustomEvent<{ value: string | undefined }>;
      expect(event.detail.value).to.equal('{q1} >= 1');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(editor.raw.value).to.equal('{q1} >= 1');
    });

    it('should fire undefined when the condition is cleared', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      await editor.pasteRaw('');
      expect(editor.changes).to.deep.equal([undefined]);
      expect(editor.ruleCount()).to.equal(0);
    });

    it('should hold back a rule that is not complete, and say so', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      editor.addRule.click();
      await editor.settled();
      expect(editor.ruleCount()).to.equal(2);
      expect(editor.changes).to.deep.equal([]);
      expect(editor.notes).to.contain('Điều kiện 2 chưa đủ thông tin');
      editor.rule('2').querySelector<HTMLButtonElement>('.remove')!.click();
      await editor.settled();
      expect(editor.changes).to.deep.equal([]);
      expect(editor.raw.value).to.equal('{q1} = 1');
    });
  });

  describe('keyboard', () => {
    it('should build "{q1} = 1 and {q2} notempty" with the keyboard alone', async () => {
      const editor = await renderEditor();
      await editor.tabTo(editor.addRule);
      await editor.press('Enter');
      // Focus moves to the new rule's question.
      expect(editor.focused).to.equal(editor.control('1', 'question'));
      await editor.arrowTo(editor.control('1', 'question'), 'q1');
      await editor.tabTo(editor.control('1', 'value'));
      await editor.arrowTo(editor.control('1', 'value'), '0');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1');
      await editor.tabTo(editor.addRule);
      await editor.press('Enter');
      expect(editor.focused).to.equal(editor.control('2', 'question'));
      await editor.arrowTo(editor.control('2', 'question'), 'q2');
      await editor.tabTo(editor.control('2', 'operator'));
      await editor.arrowTo(editor.control('2', 'operator'), 'notempty');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1 and {q2} notempty');
      expect(editor.raw.value).to.equal('{q1} = 1 and {q2} notempty');
    });

    it('should add and remove a nested group, and switch its join, with the keyboard', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      await editor.tabTo(editor.root.querySelector('[data-path="root"] > .group-actions .add-group')!);
      await editor.press('Enter');
      expect(editor.focused).to.equal(editor.control('2.1', 'question'));
      await editor.arrowTo(editor.control('2.1', 'question'), 'q2');
      await editor.tabTo(editor.control('2.1', 'operator'));
      await editor.arrowTo(editor.control('2.1', 'operator'), 'empty');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1 and {q2} empty');
      const addToGroup = editor.root.querySelector<HTMLButtonElement>('[data-path="1"] > .group-actions .add-rule')!;
      await editor.tabTo(addToGroup);
      await editor.press('Enter');
      await editor.arrowTo(editor.control('2.2', 'question'), 'late');
      await editor.tabTo(editor.control('2.2', 'value'));
      await editor.arrowTo(editor.control('2.2', 'value'), '0');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1 and ({q2} empty or {late} = true)');
      const join = editor.root.querySelector<HTMLSelectElement>('[data-path="1"] > select.join')!;
      join.focus();
      await editor.arrowTo(join, 'and');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1 and ({q2} empty and {late} = true)');
      await editor.tabTo(editor.root.querySelector('[data-path="1"] > .group-actions .remove')!);
      await editor.press('Enter');
      expect(editor.changes.at(-1)).to.equal('{q1} = 1');
      expect(editor.focused).to.equal(editor.addRule);
    });
  });

  describe('features', () => {
    it('should show a located error for invalid text, keep the text and fire nothing', async () => {
      const editor = await renderEditor({ value: '{q1} = 1' });
      await editor.pasteRaw('{q1} = and');
      expect(editor.raw.value).to.equal('{q1} = and');
      expect(editor.raw.getAttribute('aria-invalid')).to.equal('true');
      expect(editor.error).to.equal('Lỗi cú pháp ở ký tự 8: Không mong đợi "and" ở đây');
      expect(editor.raw.getAttribute('aria-describedby')).to.contain('raw-error');
      expect(editor.changes).to.deep.equal([]);
      await editor.pasteRaw("{q1} = 'open");
      expect(editor.error).to.contain('ký tự 8');
      expect(editor.changes).to.deep.equal([]);
      await editor.type("'");
      expect(editor.raw.getAttribute('aria-invalid')).to.equal('false');
      expect(editor.error).to.equal('');
      expect(editor.changes).to.deep.equal(["{q1} = 'open'"]);
    });

    it('should update the builder when valid text is typed, firing each valid step only', async () => {
      const editor = await renderEditor();
      await editor.tabTo(editor.raw);
      await editor.type('{grid.r2} >= 4');
      // "{grid.r2}" alone is a valid expression (and so is it followed by a space); "{grid.r2} >" and "{grid.r2} >=" are not.
      expect(editor.changes).to.deep.equal(['{grid.r2}', '{grid.r2} ', '{grid.r2} >= 4']);
      expect(editor.control<HTMLSelectElement>('1', 'row').value).to.equal('r2');
      expect(editor.control<HTMLSelectElement>('1', 'value').selectedOptions[0]!.textContent).to.contain('Hài lòng');
    });

    it('should offer the scale levels of a rating question as values', async () => {
      const editor = await renderEditor();
      editor.addRule.click();
      await editor.settled();
      editor.control<HTMLSelectElement>('1', 'question').focus();
      await editor.arrowTo(editor.control('1', 'question'), 'q1');
      const levels = STANDARD_SCALES['satisfaction-5']!.levels.map((level) => `${level.value} – ${localize(level.text, 'vi')}`);
      expect(editor.optionTexts(editor.control('1', 'value')).slice(1)).to.deep.equal(levels);
    });

    it('should offer rows for a likert grid, choices with "other" for a choice question, checkboxes for anyof', async () => {
      const editor = await renderEditor({ value: "{grid} notempty and {job} anyof ['farmer']" });
      expect(editor.optionTexts(editor.control('1', 'row'))).to.deep.equal(['(cả câu hỏi)', 'Thủ tục (r1)', 'Thời gian (r2)']);
      const boxes = [...editor.rule('2').querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
      expect(boxes.map((box) => box.parentElement!.textContent!.trim())).to.deep.equal(['farmer – Nông dân', 'worker – Công nhân', 'other – Khác']);
      expect(boxes.map((box) => box.checked)).to.deep.equal([true, false, false]);
      boxes[2]!.focus();
      await editor.press('Space');
      expect(editor.changes.at(-1)).to.equal("{grid} notempty and {job} anyof ['farmer', 'other']");
    });

    it('should type numbers for a number question and quote text for a text question', async () => {
      const editor = await renderEditor({ value: "{n} > 2 and {q2} = 'An'" });
      const number = editor.control<HTMLInputElement>('1', 'value');
      expect(number.type).to.equal('number');
      number.focus();
      await editor.selectAll();
      await editor.type('10');
      expect(editor.changes.at(-1)).to.equal("{n} > 10 and {q2} = 'An'");
      const text = editor.control<HTMLInputElement>('2', 'value');
      text.focus();
      await editor.press('End');
      await editor.type("'s");
      expect(editor.changes.at(-1)).to.equal("{n} > 10 and {q2} = 'An\\'s'");
    });

    it('should offer only the text box for an expression the builder cannot show', async () => {
      const editor = await renderEditor({ value: '{q1} + 1 > 2' });
      expect(editor.root.querySelector('.unsupported')!.textContent).to.contain('trình tạo điều kiện không hiển thị được');
      expect(editor.ruleCount()).to.equal(0);
      expect(editor.raw.value).to.equal('{q1} + 1 > 2');
      await editor.pasteRaw('{q1} = 2');
      expect(editor.root.querySelector('.unsupported')).to.equal(null);
      expect(editor.ruleCount()).to.equal(1);
    });

    it('should warn about a question on a later page, and about the subject itself', async () => {
      const editor = await renderEditor({ value: '{late} = true' });
      expect(editor.notes).to.contain('Câu hỏi late nằm ở trang sau');
      await editor.pasteRaw('{q3} empty');
      expect(editor.notes).to.contain('tham chiếu chính câu hỏi q3');
      expect(editor.control<HTMLSelectElement>('1', 'question').selectedOptions[0]!.textContent).to.contain('q3');
      await editor.pasteRaw('{q1} = 1');
      expect(editor.notes).to.equal('');
    });
  });
});

// ——— the logic panel ———

async function renderPanel(questionnaire: Questionnaire, selection: Selection, lang = 'vi'): Promise<SipasDesignerLogic> {
  const element = await fixture<SipasDesignerLogic>(html`<sipas-designer-logic .questionnaire=${questionnaire} .selection=${selection} lang=${lang}></sipas-designer-logic>`);
  await element.updateComplete;
  return element;
}

const panelTexts = (panel: SipasDesignerLogic, selector: string): string[] =>
  [...panel.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

describe('<sipas-designer-logic>', () => {
  it('should pass axe with references and the table, and when empty', async () => {
    await expect(await renderPanel(sample(), { kind: 'question', name: 'q1' })).shadowDom.to.be.accessible();
    const bare: Questionnaire = { formatVersion: '1.0', id: 'bare', title: 'Bare', pages: [{ name: 'p', sections: [{ name: 's', questions: [{ type: 'text', name: 't', title: 'T' }] }] }] };
    await expect(await renderPanel(bare, QUESTIONNAIRE_SELECTION)).shadowDom.to.be.accessible();
  });

  it('should list where the selected question is referenced, with owner and property', async () => {
    const panel = await renderPanel(sample(), { kind: 'question', name: 'q1' });
    const items = panelTexts(panel, 'ul.references > li');
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('Vì sao chưa hài lòng với {q1}? (q3)').and.contain('Điều kiện · Hiện khi').and.contain('{q1} <= 2');
    expect(items[1]).to.contain('Văn bản · Tiêu đề');
  });

  it('should ask the designer to select the element when a reference is chosen', async () => {
    const panel = await renderPanel(sample(), { kind: 'question', name: 'job' });
    const button = panel.shadowRoot!.querySelector<HTMLButtonElement>('ul.references button')!;
    expect(button.getAttribute('aria-label')).to.equal('Đi tới Câu hỏi Đã góp ý? (late), Cho phép trả lời khi');
    setTimeout(() => button.click());
    const event = (await oneEvent(panel, DESIGNER_SELECT)) as CustomEvent<DesignerSelectDetail>;
    expect(event.detail.path).to.equal('/pages/1/sections/0/questions/0/enableIf');
    expect(event.composed).to.equal(true);
  });

  it('should list every condition in a table whose rows select their element', async () => {
    const panel = await renderPanel(sample(), QUESTIONNAIRE_SELECTION);
    const rows = panelTexts(panel, 'tbody tr');
    expect(rows).to.have.length(3);
    expect(rows[2]).to.contain('Số lần (n)').and.contain('{late} = true and {grid.r2} notempty');
    const buttons = panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button');
    buttons[2]!.focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(panel, DESIGNER_SELECT)) as CustomEvent<DesignerSelectDetail>;
    expect(event.detail.path).to.equal('/pages/1/sections/0/questions/1/visibleIf');
  });

  it('should say when no question is selected, when nothing refers to it, and when there is no logic', async () => {
    const panel = await renderPanel(sample(), { kind: 'page', name: 'p1' });
    expect(panelTexts(panel, 'p.muted')).to.deep.equal(['Chọn một câu hỏi để xem nơi nó được tham chiếu.']);
    panel.selection = { kind: 'question', name: 'q2' };
    await panel.updateComplete;
    expect(panelTexts(panel, 'p.muted')).to.deep.equal(['Chưa có điều kiện, văn bản hay chỉ số nào tham chiếu câu hỏi này.']);
    const bare: Questionnaire = { formatVersion: '1.0', id: 'bare', title: 'Bare', pages: [{ name: 'p', sections: [{ name: 's', questions: [{ type: 'text', name: 't', title: 'T' }] }] }] };
    const english = await renderPanel(bare, { kind: 'question', name: 't' }, 'en');
    expect(panelTexts(english, 'p.muted')).to.deep.equal(['No condition, text or index refers to this question.', 'The questionnaire has no logic yet.']);
  });

  it('should show the references of the standard 2640 questionnaire, index entries included', async () => {
    const panel = await renderPanel(copyTemplate('sipas-2640')!, { kind: 'question', name: 'feedback_given' });
    expect(panelTexts(panel, 'ul.references > li').filter((item) => item.includes('{feedback_given} = true')).length).to.be.at.least(2);
    panel.selection = { kind: 'question', name: 'gender' };
    await panel.updateComplete;
    expect(panelTexts(panel, 'ul.references > li')[0]).to.contain('Mô hình chỉ số · Phân tổ báo cáo 1');
  });
});
