import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Hierarchy, Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../../src/components/hierarchy/index.js';
import type { SipasDesignerHierarchy } from '../../src/components/hierarchy/index.js';
import type { DesignerEdit } from '../../src/model/edit.js';
import { flattenItems } from '../../src/model/hierarchy-edits.js';

/** Drives the units and service fields view as a Sở Nội vụ officer does; plays the shell by applying each edit. */
class HierarchyHarness {
  readonly edits: DesignerEdit[] = [];

  constructor(readonly element: SipasDesignerHierarchy) {
    element.addEventListener('sipas-designer-edit', (event) => {
      this.edits.push(event.detail);
      element.questionnaire = event.detail.apply(element.questionnaire!);
    });
  }

  static async render(questionnaire: Questionnaire = copyTemplate('sipas-2640')!, lang = 'vi'): Promise<HierarchyHarness> {
    const element = await fixture<SipasDesignerHierarchy>(html`<sipas-designer-hierarchy lang=${lang} .questionnaire=${questionnaire}></sipas-designer-hierarchy>`);
    return new HierarchyHarness(element);
  }

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get units(): Hierarchy {
    return this.element.questionnaire!.sipas!.units!;
  }

  /** The tree as "  id" lines, indented by depth. */
  outline(): string[] {
    return flattenItems(this.units).map((row) => `${'  '.repeat(row.depth)}${row.item.id}`);
  }

  treeItem(id: string): HTMLElement {
    const row = [...this.root.querySelectorAll<HTMLElement>('[role="treeitem"]')].find((item) => item.querySelector('.item-id')?.textContent === id);
    if (!row) throw new Error(`no tree item ${id}`);
    return row;
  }

  focused(): Element | null {
    return this.root.activeElement;
  }

  async settle(): Promise<void> {
    await this.element.updateComplete;
    await this.element.updateComplete;
  }

  /** Presses keys one after another; "Alt+ArrowRight" holds the modifiers down around the key. */
  async keys(...presses: string[]): Promise<void> {
    for (const combination of presses) {
      const parts = combination.split('+');
      const key = parts.pop()!;
      for (const modifier of parts) await sendKeys({ down: modifier });
      await sendKeys({ press: key });
      for (const modifier of parts.reverse()) await sendKeys({ up: modifier });
      await this.settle();
    }
  }

  async typeText(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settle();
  }

  field(id: string): HTMLInputElement {
    return this.root.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  async fill(id: string, value: string): Promise<void> {
    const input = this.field(id);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  button(text: string): HTMLButtonElement {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent?.trim() === text);
    if (!button) throw new Error(`no button "${text}"`);
    return button;
  }

  async click(text: string): Promise<void> {
    this.button(text).click();
    await this.settle();
  }

  status(): string {
    return this.root.querySelector('[role="status"]')!.textContent!.trim();
  }

  dialog(): HTMLDialogElement {
    return this.root.querySelector('dialog')!;
  }
}

describe('<sipas-designer-hierarchy>', () => {
  describe('accessibility', () => {
    it('should pass axe with the 2640 units', async () => {
      const harness = await HierarchyHarness.render();
      await expect(harness.element).shadowDom.to.be.accessible();
    });

    it('should pass axe with errors shown and a paste preview, in English', async () => {
      const harness = await HierarchyHarness.render(undefined, 'en');
      await harness.fill('item-id', 'ex-p2');
      await harness.fill('paste-text', 'A\n  B');
      await expect(harness.element).shadowDom.to.be.accessible();
    });

    it('should be a tree with levels, sizes and one tab stop', async () => {
      const harness = await HierarchyHarness.render();
      const items = [...harness.root.querySelectorAll('[role="tree"] > [role="treeitem"]')];
      expect(items).to.have.length(9);
      expect(items.filter((item) => item.getAttribute('tabindex') === '0')).to.have.length(1);
      expect(harness.treeItem('ex-p1-d1-c2').getAttribute('aria-level')).to.equal('3');
      expect(harness.treeItem('ex-p1-d1-c2').getAttribute('aria-posinset')).to.equal('2');
      expect(harness.treeItem('ex-p1').getAttribute('aria-expanded')).to.equal('true');
      expect(harness.treeItem('ex-p1-d1-c1').hasAttribute('aria-expanded')).to.equal(false);
    });
  });

  describe('properties and events', () => {
    it('should switch between units and service fields', async () => {
      const harness = await HierarchyHarness.render();
      harness.root.querySelector<HTMLButtonElement>('button[data-list="serviceFields"]')!.click();
      await harness.settle();
      expect(harness.element.list).to.equal('serviceFields');
      expect(harness.treeItem('land_use')).to.exist;
      expect(harness.field('level-0-id').value).to.equal('field');
    });

    it('should not fire an edit when the questionnaire is set by code', async () => {
      const harness = await HierarchyHarness.render();
      harness.element.questionnaire = copyTemplate('sipas-1001')!;
      await harness.settle();
      expect(harness.edits).to.deep.equal([]);
    });

    it('should offer to create a list the questionnaire does not have', async () => {
      const questionnaire = copyTemplate('sipas-2640')!;
      delete questionnaire.sipas!.units;
      const harness = await HierarchyHarness.render(questionnaire);
      await harness.click('Tạo danh sách');
      expect(harness.units.items).to.have.length(1);
      expect(harness.focused()?.id).to.equal('item-label-vi');
    });
  });

  describe('keyboard', () => {
    it('should add a sibling with the keyboard and rename it by typing', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1').focus();
      await harness.keys('Tab', 'Tab', 'Enter');
      expect(harness.outline().filter((line) => !line.startsWith(' '))).to.deep.equal(['ex-p1', 'muc-moi', 'ex-p2']);
      expect(harness.focused()?.id).to.equal('item-label-vi');
      await harness.keys('Control+A');
      await harness.typeText('Tỉnh Đồng Lam');
      expect(harness.units.items[1]!.label).to.deep.equal({ vi: 'Tỉnh Đồng Lam', en: 'New item' });
      expect(harness.treeItem('muc-moi').textContent).to.contain('Tỉnh Đồng Lam');
      expect(new Set(harness.edits.filter((edit) => edit.mergeKey).map((edit) => edit.mergeKey)).size, 'one undo step for the typing').to.equal(1);
    });

    it('should move through the tree with arrows and indent, outdent and reorder with Alt, announcing each', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1').focus();
      await harness.keys('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown');
      expect(harness.focused()).to.equal(harness.treeItem('ex-p1-d2'));
      await harness.keys('Alt+ArrowRight');
      expect(harness.outline().slice(0, 6)).to.deep.equal(['ex-p1', '  ex-p1-d1', '    ex-p1-d1-c1', '    ex-p1-d1-c2', '    ex-p1-d2', '      ex-p1-d2-c1']);
      expect(harness.status()).to.equal('Đã thụt vào: “Thành phố Mẫu A2 (ví dụ)” nằm trong “Huyện Mẫu A1 (ví dụ)”.');
      expect(harness.focused()).to.equal(harness.treeItem('ex-p1-d2'));
      expect(harness.focused()?.getAttribute('aria-level')).to.equal('3');
      await harness.keys('Alt+ArrowUp');
      expect(harness.outline().slice(2, 6)).to.deep.equal(['    ex-p1-d1-c1', '    ex-p1-d2', '      ex-p1-d2-c1', '    ex-p1-d1-c2']);
      expect(harness.status()).to.contain('vị trí 2 trên 3');
      await harness.keys('Alt+ArrowLeft');
      expect(harness.outline()[4]).to.equal('  ex-p1-d2');
      expect(harness.focused()).to.equal(harness.treeItem('ex-p1-d2'));
    });

    it('should say so when an item cannot move, and change nothing', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1').focus();
      await harness.keys('Alt+ArrowRight', 'Alt+ArrowLeft', 'Alt+ArrowUp');
      expect(harness.edits).to.deep.equal([]);
      expect(harness.status()).to.contain('Không thể di chuyển');
    });

    it('should collapse and expand with the arrows and edit with Enter', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1').focus();
      await harness.keys('ArrowLeft');
      expect(harness.treeItem('ex-p1').getAttribute('aria-expanded')).to.equal('false');
      expect(() => harness.treeItem('ex-p1-d1')).to.throw();
      await harness.keys('ArrowRight', 'ArrowRight');
      expect(harness.focused()).to.equal(harness.treeItem('ex-p1-d1'));
      await harness.keys('Enter');
      expect(harness.focused()?.id).to.equal('item-label-vi');
      expect(harness.field('item-label-vi').value).to.equal('Huyện Mẫu A1 (ví dụ)');
    });
  });

  describe('features', () => {
    it('should add a pasted indented list under the selected item after a preview', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p2').click();
      await harness.settle();
      const target = harness.field('paste-target') as unknown as HTMLSelectElement;
      target.value = 'selected';
      target.dispatchEvent(new Event('change'));
      await harness.fill('paste-text', 'Huyện Đồng Lam\n  Xã Hòa An\n\tXã Hòa Bình\nhdl2 | Huyện Đồng Lam mới\nHuyện Đồng Lam');
      const preview = [...harness.root.querySelectorAll('.preview li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(preview).to.have.length(5);
      expect(preview[0]).to.equal('Huyện Đồng Lam — huyen-dong-lam (mã tự tạo)');
      expect(preview[4]).to.contain('huyen-dong-lam-2');
      expect(harness.edits, 'nothing is added before “Thêm”').to.deep.equal([]);
      await harness.click('Thêm');
      expect(harness.outline().slice(-8)).to.deep.equal([
        'ex-p2',
        '  ex-p2-d1',
        '    ex-p2-d1-c1',
        '  huyen-dong-lam',
        '    xa-hoa-an',
        '    xa-hoa-binh',
        '  hdl2',
        '  huyen-dong-lam-2',
      ]);
      expect(harness.units.items[1]!.children![1]!.level).to.equal('district');
      expect(harness.field('paste-text').value).to.equal('');
      expect(harness.status()).to.equal('Đã thêm 5 mục.');
    });

    it('should refuse a paste whose ids are taken or invalid', async () => {
      const harness = await HierarchyHarness.render();
      await harness.fill('paste-text', 'ex-p1 | Tỉnh A\nxã | Xã');
      expect(harness.button('Thêm').disabled).to.equal(true);
      expect(harness.root.querySelector('#paste-problems')!.textContent).to.contain('Dòng 1').and.contain('Dòng 2');
    });

    it('should show a duplicate id at the field, in the tree and in the list of problems', async () => {
      const harness = await HierarchyHarness.render(undefined, 'en');
      await harness.fill('item-id', 'ex-p2');
      const input = harness.field('item-id');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = harness.root.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
      expect(error.textContent).to.contain('"ex-p2" is used by 2 items');
      expect(harness.treeItem('ex-p2').textContent).to.contain('1 errors');
      expect(harness.root.querySelectorAll('.problems li')).to.have.length(2);
      await harness.fill('item-id', 'xã 1');
      expect(harness.root.querySelector('#item-id-error')!.textContent).to.contain('not valid');
      await harness.fill('item-id', '');
      expect(harness.root.querySelector('#item-id-error')!.textContent).to.contain('cannot be empty');
      await harness.fill('item-label-vi', '');
      expect(harness.root.querySelector('#item-label-vi-error')!.textContent).to.contain('Vietnamese label cannot be empty');
    });

    it('should ask before removing an item with children, and do nothing on cancel', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1').click();
      await harness.settle();
      await harness.click('Xoá mục');
      expect(harness.dialog().open).to.equal(true);
      expect(harness.dialog().textContent).to.contain('có 5 mục con');
      await harness.click('Huỷ');
      expect(harness.dialog().open).to.equal(false);
      expect(harness.edits).to.deep.equal([]);
      await harness.click('Xoá mục');
      harness.root.querySelector<HTMLButtonElement>('[data-confirm="remove"]')!.click();
      await harness.settle();
      expect(harness.outline()[0]).to.equal('ex-p2');
      expect(harness.status()).to.contain('Đã xoá');
    });

    it('should remove a leaf at once and keep the last item of a list', async () => {
      const harness = await HierarchyHarness.render();
      harness.treeItem('ex-p1-d1-c2').click();
      await harness.settle();
      await harness.click('Xoá mục');
      expect(harness.dialog().open).to.equal(false);
      expect(harness.outline()).not.to.include('    ex-p1-d1-c2');
      const single = copyTemplate('sipas-2640')!;
      single.sipas!.units!.items = [{ id: 'p1', label: 'Tỉnh 1' }];
      const alone = await HierarchyHarness.render(single);
      expect(alone.button('Xoá mục').disabled).to.equal(true);
      alone.treeItem('p1').focus();
      await alone.keys('Delete');
      expect(alone.edits).to.deep.equal([]);
    });

    it('should add, rename and remove levels, asking when a level is in use', async () => {
      const harness = await HierarchyHarness.render();
      await harness.click('Thêm cấp');
      expect(harness.units.levels!.map((level) => level.id)).to.deep.equal(['province', 'district', 'commune', 'cap-4']);
      await harness.fill('level-3-label-vi', 'Thôn');
      expect(harness.units.levels![3]!.label).to.deep.equal({ vi: 'Thôn', en: 'Level 4' });
      await harness.fill('level-2-id', 'xa');
      expect(harness.units.items[0]!.children![0]!.children![0]!.level).to.equal('xa');
      harness.root.querySelector<HTMLButtonElement>('button[aria-label="Xoá cấp 4"]')!.click();
      await harness.settle();
      expect(harness.units.levels).to.have.length(3);
      harness.root.querySelector<HTMLButtonElement>('button[aria-label="Xoá cấp 3"]')!.click();
      await harness.settle();
      expect(harness.dialog().open).to.equal(true);
      expect(harness.dialog().textContent).to.contain('4 mục');
    });
  });
});
