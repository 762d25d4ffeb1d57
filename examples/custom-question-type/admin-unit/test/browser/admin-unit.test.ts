/**
 * The administrative-unit picker on a page: inside a real `<sipas-form>` (cascading lists by
 * keyboard, search without diacritics, errors, axe), its list editor, and its way through the
 * designer (toolbox, property panel, preview). The type is registered the way a page does it, by
 * loading index.ts, which also shows that loading it twice does no harm.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { coreTypes } from '@sipas/core';
import { copyTemplate } from '@sipas/templates';
import type { Questionnaire } from '@sipas/schema';
import '@sipas/form';
import type { SipasForm, SipasValueChangeDetail } from '@sipas/form';
import '../../index.js';
import { SipasAdminUnit } from '../../element.js';
import { SipasAdminUnitListEditor } from '../../list-editor.js';
import { renderDesigner } from '../../../../../packages/designer/test/browser/designer-harness.js';
import { questionnaireWith, threeLevels, twoLevels } from '../questionnaires.js';
import type { AdminUnit, AdminUnitQuestion } from '../../units.js';

const press = (key: string) => sendKeys({ press: key });

/** A questionnaire of its own per test, so drafts of one test never reach another. */
const isolated = (questionnaire: Questionnaire): Questionnaire => ({ ...questionnaire, id: `admin-unit-${crypto.randomUUID().slice(0, 8)}` });

class PickerHarness {
  constructor(readonly form: SipasForm) {}

  get root(): ShadowRoot {
    return this.form.shadowRoot!;
  }

  get question(): HTMLElement & { updateComplete: Promise<unknown> } {
    return this.root.querySelector('sipas-admin-unit')!;
  }

  async settled(): Promise<void> {
    for (let i = 0; i < 50 && !this.root.querySelector('sipas-admin-unit'); i++) {
      await this.form.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.form.updateComplete;
    await this.question.updateComplete;
  }

  /** The list of a level, found by its visible label. */
  list(label: string): HTMLSelectElement {
    const found = [...this.question.querySelectorAll('label')].find((node) => node.textContent?.trim() === label);
    const list = found && this.root.getElementById(found.htmlFor);
    if (!(list instanceof HTMLSelectElement)) throw new Error(`no list labelled ${label}`);
    return list;
  }

  optionLabels(list: HTMLSelectElement): string[] {
    return [...list.options].slice(1).map((option) => option.textContent!.trim());
  }

  get search(): HTMLInputElement {
    return this.question.querySelector('input[part="search-input"]')!;
  }

  results(): string[] {
    return [...this.question.querySelectorAll('[part="search-result"]')].map((node) => node.textContent!.trim());
  }

  get status(): string {
    return this.question.querySelector('[role="status"]')!.textContent!.trim();
  }

  get errorText(): string {
    return this.question.querySelector('.errors')?.textContent?.trim() ?? '';
  }

  get focused(): Element | null {
    return this.root.activeElement;
  }

  async submit(): Promise<void> {
    this.root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await this.settled();
  }
}

async function renderPicker(question: AdminUnitQuestion = twoLevels(), lang = 'vi'): Promise<PickerHarness> {
  const form = await fixture<SipasForm>(html`<sipas-form .questionnaire=${isolated(questionnaireWith(question))} lang=${lang} mode="online"></sipas-form>`);
  const harness = new PickerHarness(form);
  await harness.settled();
  return harness;
}

const changesOf = (form: SipasForm): SipasValueChangeDetail[] => {
  const seen: SipasValueChangeDetail[] = [];
  form.addEventListener('sipas-value-change', (event) => seen.push((event as CustomEvent<SipasValueChangeDetail>).detail));
  return seen;
};

describe('<sipas-admin-unit> in <sipas-form>', () => {
  describe('accessibility', () => {
    it('should have no axe violations: empty, with search results and with an error', async () => {
      const picker = await renderPicker();
      await expect(picker.form).shadowDom.to.be.accessible();
      picker.search.focus();
      await sendKeys({ type: 'phuong' });
      await picker.settled();
      expect(picker.results().length).to.be.greaterThan(1);
      await expect(picker.form).shadowDom.to.be.accessible();
      await picker.submit();
      expect(picker.errorText).to.not.equal('');
      await expect(picker.form).shadowDom.to.be.accessible();
    });

    it('should label each list by its level, group them under the title and link errors like the built-ins', async () => {
      const picker = await renderPicker();
      const group = picker.question.querySelector('[role="group"]')!;
      expect(picker.root.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.contain('Ông/Bà thực hiện thủ tục');
      expect(picker.list('Tỉnh/Thành phố').id).to.equal('sipas-place-input');
      expect(picker.list('Xã/Phường/Đặc khu').disabled, 'nothing to choose before a province').to.equal(true);
      expect(picker.search.labels![0]!.textContent).to.equal('Tìm nhanh theo tên');

      await picker.submit();
      const errors = picker.question.querySelector('.errors')!;
      expect(errors.textContent).to.contain('Vui lòng');
      const province = picker.list('Tỉnh/Thành phố');
      expect(province.getAttribute('aria-invalid')).to.equal('true');
      expect(province.getAttribute('aria-describedby')!.split(' ')).to.include(errors.id);
      expect(picker.focused, 'the error summary puts the keyboard on the first list to choose').to.equal(province);
    });
  });

  describe('keyboard', () => {
    it('should cascade: a province offers its communes, choosing another clears the commune', async () => {
      const picker = await renderPicker();
      const changes = changesOf(picker.form);
      picker.list('Tỉnh/Thành phố').focus();
      await press('ArrowDown');
      await picker.settled();
      expect(picker.form.data.place).to.deep.equal(['01']);
      const commune = picker.list('Xã/Phường/Đặc khu');
      expect(commune.disabled).to.equal(false);
      expect(picker.optionLabels(commune)).to.deep.equal(['Phường Hoàn Kiếm', 'Phường Ba Đình', 'Xã Sóc Sơn']);

      await press('Tab');
      expect(picker.focused).to.equal(commune);
      await press('ArrowDown');
      await press('ArrowDown');
      await picker.settled();
      expect(picker.form.data.place).to.deep.equal(['01', '00004']);

      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      await press('ArrowDown');
      await picker.settled();
      expect(picker.form.data.place, 'Đà Nẵng, and no longer a ward of Hà Nội').to.deep.equal(['48']);
      expect(picker.optionLabels(picker.list('Xã/Phường/Đặc khu'))).to.deep.equal(['Phường Hải Châu', 'Đặc khu Hoàng Sa']);
      expect(picker.list('Xã/Phường/Đặc khu').value).to.equal('');
      expect(changes.map((change) => change.value)).to.deep.equal([['01'], ['01', '00070'], ['01', '00004'], ['48']]);
    });

    it('should go any number of levels deep', async () => {
      const picker = await renderPicker(threeLevels());
      expect(['Tỉnh', 'Huyện', 'Xã'].map((label) => picker.list(label).disabled)).to.deep.equal([false, true, true]);
      picker.list('Tỉnh').focus();
      await press('ArrowDown');
      await press('Tab');
      await press('ArrowDown');
      await press('Tab');
      await press('ArrowDown');
      await press('ArrowDown');
      await picker.settled();
      expect(picker.form.data.place).to.deep.equal(['T1', 'H1', 'X2']);
    });
  });

  describe('search', () => {
    it('should find a unit typed without diacritics and set its whole path with Enter', async () => {
      const picker = await renderPicker();
      picker.search.focus();
      await sendKeys({ type: 'sai gon' });
      await picker.settled();
      expect(picker.results()).to.deep.equal(['Phường Sài Gòn, Thành phố Hồ Chí Minh']);
      expect(picker.status).to.equal('1 kết quả.');
      await press('Enter');
      await picker.settled();
      expect(picker.form.data.place).to.deep.equal(['79', '26734']);
      expect(picker.list('Tỉnh/Thành phố').value).to.equal('79');
      expect(picker.list('Xã/Phường/Đặc khu').value).to.equal('26734');
      expect(picker.focused, 'back on the list that shows the choice').to.equal(picker.list('Xã/Phường/Đặc khu'));
      expect(picker.search.value).to.equal('');
      expect(picker.results()).to.deep.equal([]);
    });

    it('should walk the results with the arrows, and continue to the next level after choosing a province', async () => {
      const picker = await renderPicker();
      picker.search.focus();
      await sendKeys({ type: 'THANH PHO' });
      await picker.settled();
      expect(picker.results()).to.deep.equal(['Thành phố Hà Nội', 'Thành phố Đà Nẵng', 'Thành phố Hồ Chí Minh']);
      await press('ArrowDown');
      await press('ArrowDown');
      expect(picker.focused!.textContent!.trim()).to.equal('Thành phố Đà Nẵng');
      await press('Enter');
      await picker.settled();
      expect(picker.form.data.place).to.deep.equal(['48']);
      expect(picker.focused).to.equal(picker.list('Xã/Phường/Đặc khu'));
    });

    it('should say when nothing matches, and clear with Escape', async () => {
      const picker = await renderPicker();
      picker.search.focus();
      await sendKeys({ type: 'zzz' });
      await picker.settled();
      expect(picker.status).to.contain('Không tìm thấy');
      await press('Escape');
      await picker.settled();
      expect(picker.search.value).to.equal('');
      expect(picker.status).to.equal('');
    });

    it('should search in English names and speak English on an English form', async () => {
      const picker = await renderPicker(twoLevels(), 'en');
      picker.search.focus();
      await sendKeys({ type: 'special zone' });
      await picker.settled();
      expect(picker.results()).to.deep.equal(['Hoang Sa Special Zone, Da Nang', 'Con Dao Special Zone, Ho Chi Minh City']);
      expect(picker.status).to.equal('2 results.');
      expect(picker.list('Province/City')).to.exist;
    });

    it('should have no search box when the question turns it off', async () => {
      const picker = await renderPicker(twoLevels({ searchable: false }));
      expect(picker.question.querySelector('input')).to.equal(null);
    });
  });

  describe('validation', () => {
    it('should ask for the commune when only the province is chosen, and clear the error once it is', async () => {
      const picker = await renderPicker();
      picker.list('Tỉnh/Thành phố').focus();
      await press('ArrowDown');
      await picker.settled();
      await picker.submit();
      expect(picker.errorText).to.equal('Vui lòng chọn tiếp Xã/Phường/Đặc khu');
      const commune = picker.list('Xã/Phường/Đặc khu');
      expect(picker.focused, 'the keyboard goes to the level still to choose').to.equal(commune);
      await press('ArrowDown');
      await picker.settled();
      expect(picker.errorText).to.equal('');
    });

    it('should show an answer set from a script, and not announce it as the respondent\'s', async () => {
      const picker = await renderPicker();
      const changes = changesOf(picker.form);
      picker.form.data = { place: ['79', '28756'] };
      await picker.settled();
      expect(picker.list('Xã/Phường/Đặc khu').value).to.equal('28756');
      expect(changes).to.deep.equal([]);
    });
  });
});

describe('<sipas-admin-unit-list-editor>', () => {
  const render = async (value: AdminUnit[], question: Partial<AdminUnitQuestion> = twoLevels()) => {
    const editor = await fixture<SipasAdminUnitListEditor>(html`<sipas-admin-unit-list-editor .value=${value} .question=${question} lang="vi"></sipas-admin-unit-list-editor>`);
    const textarea = editor.shadowRoot!.querySelector('textarea')!;
    const values: unknown[] = [];
    editor.addEventListener('sipas-property-value', (event) => values.push((event as CustomEvent<{ value: unknown }>).detail.value));
    const edit = async (text: string) => {
      textarea.value = text;
      textarea.dispatchEvent(new Event('input'));
      textarea.dispatchEvent(new Event('change'));
      await editor.updateComplete;
    };
    return { editor, textarea, values, edit };
  };

  it('should show the units one a line, labelled and described, with no axe violations', async () => {
    const { editor, textarea } = await render(twoLevels().units.slice(0, 2));
    expect(textarea.value).to.equal('01; Thành phố Hà Nội; ; Hanoi\n00070; Phường Hoàn Kiếm; 01; Hoan Kiem Ward');
    expect(textarea.labels![0]!.textContent).to.equal('Mỗi dòng một đơn vị');
    expect(textarea.getAttribute('aria-describedby')).to.equal('format status');
    await expect(editor).shadowDom.to.be.accessible();
  });

  it('should hand over the parsed units of a valid text', async () => {
    const { values, edit } = await render([]);
    await edit('79\tThành phố Hồ Chí Minh\n26734\tPhường Sài Gòn\t79');
    expect(values).to.deep.equal([
      [
        { code: '79', name: 'Thành phố Hồ Chí Minh' },
        { code: '26734', name: 'Phường Sài Gòn', parent: '79' },
      ],
    ]);
  });

  it('should list problems by line, hand over nothing, and link the problems to the text box', async () => {
    const { editor, textarea, values, edit } = await render([]);
    await edit('79; Hồ Chí Minh\n26734; Sài Gòn; 97\n79; Lặp');
    expect(values).to.deep.equal([]);
    const problems = [...editor.shadowRoot!.querySelectorAll('[part="problems"] li')].map((item) => item.textContent!.trim());
    expect(problems).to.deep.equal(['Dòng 2: không có đơn vị cấp trên mã "97"', 'Dòng 3: mã "79" trùng với dòng 1']);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.equal('format status problems');
    await expect(editor).shadowDom.to.be.accessible();
  });

  it('should report units deeper than the question has levels', async () => {
    const { editor, values, edit } = await render([], twoLevels());
    await edit('T; Tỉnh\nH; Huyện; T\nX; Xã; H');
    expect(values).to.deep.equal([]);
    expect(editor.shadowRoot!.querySelector('[part="problems"]')!.textContent).to.contain('Dòng 3');
  });
});

describe('admin-unit in <sipas-designer>', () => {
  it('should be offered in the toolbox, start from the sample, and edit its units with the list editor', async () => {
    const designer = await renderDesigner(copyTemplate('sipas-2640')!);
    designer.toolboxButton('admin-unit').focus();
    await designer.press('Enter');
    await designer.settled();
    const added = designer.document.pages[0]!.sections[0]!.questions.at(-1)! as AdminUnitQuestion;
    expect(added.type).to.equal('admin-unit');
    expect(added.name).to.match(/^adminUnit\d+$/);
    expect(added.levels.map((level) => level.name)).to.deep.equal(['province', 'commune']);
    expect(designer.root.querySelector('#tab-checks .badge.error'), 'the sample passes the checks').to.equal(null);
    // The canvas previews it with its own element.
    const preview = designer.card(added.name).querySelector('sipas-admin-unit')!;
    expect([...preview.querySelectorAll('select')[0]!.options].map((option) => option.value)).to.deep.equal(['', '01', '48', '79']);

    const editor = designer.properties.shadowRoot.querySelector('sipas-admin-unit-list-editor') as SipasAdminUnitListEditor;
    expect(editor, 'the own editor replaces the generated one').to.exist;
    await editor.updateComplete;
    const textarea = editor.shadowRoot!.querySelector('textarea')!;
    textarea.value = `${textarea.value}\n26999; Phường Mới; 79`;
    textarea.dispatchEvent(new Event('input'));
    textarea.dispatchEvent(new Event('change'));
    await designer.settled();
    const edited = designer.document.pages[0]!.sections[0]!.questions.at(-1)! as AdminUnitQuestion;
    expect(edited.units.at(-1)).to.deep.equal({ code: '26999', name: 'Phường Mới', parent: '79' });
  });

  it("should name the type's properties in the designer's language", async () => {
    const panelText = async (lang: string) => {
      const designer = await renderDesigner(copyTemplate('sipas-2640')!, { lang });
      designer.toolboxButton('admin-unit').focus();
      await designer.press('Enter');
      await designer.settled();
      const panel = designer.properties.shadowRoot;
      const fullPath = panel.querySelector<HTMLInputElement>('input[type=checkbox][id$="-fullPath"]')!;
      return {
        text: panel.textContent!.replace(/\s+/g, ' '),
        fullPathLabel: fullPath.labels?.[0]?.textContent?.trim(),
      };
    };
    const english = await panelText('en');
    expect(english.fullPathLabel).to.equal('The lowest level must be chosen');
    expect(english.text).to.include('Levels (top first)').and.include('"name" names the export column').and.include('Administrative units');
    expect(english.text).not.to.include('Phải chọn đến cấp cuối cùng');
    const vietnamese = await panelText('vi');
    expect(vietnamese.fullPathLabel).to.equal('Phải chọn đến cấp cuối cùng');
    expect(vietnamese.text).to.include('Các cấp (từ cao xuống thấp)').and.include('"name" đặt tên cột').and.include('Danh mục đơn vị hành chính');
  });
});

describe('index.ts', () => {
  it('should register the type once however often it is loaded', async () => {
    // Another URL is another instance of the module: the script runs again, as a second <script> tag would.
    const first = await import('../../index.js');
    const again: unknown = await import(new URL('../../index.ts?again', import.meta.url).href);
    expect(again).to.not.equal(first);
    expect(coreTypes.get('admin-unit')?.element?.class).to.equal(SipasAdminUnit);
    expect(customElements.get('sipas-admin-unit-list-editor')).to.equal(SipasAdminUnitListEditor);
  });
});
