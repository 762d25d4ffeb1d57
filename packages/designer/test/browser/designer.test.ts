/**
 * <sipas-designer>'s shell: the toolbox, the canvas with drag and drop and its keyboard
 * alternative, undo and redo, confirmations, announcements and accessibility.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { createTypeRegistry, defineQuestionType } from '@sipas/core';
import { QuestionTypeRegistry, validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { designerTypes } from '../../src/index.js';
import { renderDesigner, type DesignerHarness } from './designer-harness.js';

const template = (): Questionnaire => copyTemplate('sipas-2640')!;
const BUILT_IN = designerTypes.list().map((entry) => entry.type);

async function onPage(designer: DesignerHarness, page: string): Promise<void> {
  await designer.click(designer.pageTab(page));
}

describe('<sipas-designer>', () => {
  describe('toolbox', () => {
    it('should offer every built-in type and a type registered with the engine only', async () => {
      const schemas = new QuestionTypeRegistry();
      const types = createTypeRegistry(schemas);
      defineQuestionType({ type: 'faces', schema: { properties: { type: 'object', properties: { levels: { enum: [3, 5] } } } } }, types);
      const designer = await renderDesigner(template());
      designer.element.types = types;
      await designer.settled();
      expect(designer.toolboxTypes()).to.deep.equal([...BUILT_IN, 'faces']);

      // Added, it gets a property panel from its fragment and passes the checks.
      designer.toolboxButton('faces').focus();
      await designer.press('Enter');
      const added = designer.document.pages[0]!.sections[0]!.questions.at(-1)!;
      expect(added.type).to.equal('faces');
      const panel = designer.properties.shadowRoot;
      expect(panel.textContent).to.not.contain('chưa được đăng ký');
      expect(panel.querySelector('[data-path="/levels"]'), 'a field for the fragment\'s own property').to.exist;
      expect(designer.root.querySelector('#tab-checks .badge.error')).to.equal(null);
    });

    it('should filter by words without diacritics in either language', async () => {
      const designer = await renderDesigner(template());
      const search = designer.toolbox.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.focus();
      await designer.type('hai long');
      expect(designer.toolboxTypes()).to.deep.equal(['rating']);
      search.value = '';
      search.dispatchEvent(new Event('input'));
      await designer.type('zzz');
      expect(designer.toolbox.querySelector('[role="status"]')!.textContent).to.contain('Không có loại câu hỏi nào khớp');
    });
  });

  describe('adding questions with the keyboard', () => {
    for (const type of BUILT_IN) {
      it(`should add a ${type} question after the selected one with Enter on the toolbox`, async () => {
        const designer = await renderDesigner(template());
        await onPage(designer, 'respondent');
        await designer.click(designer.canvasItem('age_group'));
        designer.toolboxButton(type).focus();
        await designer.press('Enter');
        const added = designer.documentQuestions('respondent_info')[2]!;
        expect(designer.documentQuestions('respondent_info')).to.deep.equal(['gender', 'age_group', added, 'ethnicity', 'education', 'occupation']);
        expect(designer.document.pages[1]!.sections[0]!.questions[2]!.type).to.equal(type);
        expect(designer.canvasQuestions('respondent_info')[2]).to.equal(added);
        expect(designer.focused()).to.equal(designer.canvasItem(added));
        expect(designer.canvasItem(added).getAttribute('aria-selected')).to.equal('true');
        expect(designer.announcement).to.contain(`Đã thêm ${added}`);
        expect(validateQuestionnaire(designer.document).errors).to.deep.equal([]);
      });
    }
  });

  describe('adding questions by drag and drop', () => {
    for (const type of BUILT_IN) {
      it(`should drop a ${type} question between two questions`, async () => {
        const designer = await renderDesigner(template());
        await onPage(designer, 'respondent');
        await designer.dragTypeTo(type, 'ethnicity', 'before');
        const names = designer.documentQuestions('respondent_info');
        expect(names.length).to.equal(6);
        expect(names.indexOf('ethnicity')).to.equal(3);
        expect(designer.document.pages[1]!.sections[0]!.questions[2]!.type).to.equal(type);
        expect(validateQuestionnaire(designer.document).errors).to.deep.equal([]);
      });
    }

    it('should drop after the last question of a section and into another section', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.dragTypeTo('text', 'agency_unit', 'after');
      expect(designer.documentQuestions('service_info')).to.deep.equal(['service_field_used', 'agency_unit', 'q1']);
    });

    it('should leave the document alone when a drag is cancelled with Escape', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      const before = designer.document;
      const { sendMouse, sendKeys, resetMouse } = await import('@web/test-runner-commands');
      const button = designer.toolboxButton('text');
      const box = button.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 10), Math.round(box.y + 10)] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.round(box.x + 300), Math.round(box.y + 60)] });
      await designer.settled();
      expect(designer.root.querySelector('.drag-ghost')).to.exist;
      await sendKeys({ press: 'Escape' });
      await sendMouse({ type: 'up' });
      await resetMouse();
      await designer.settled();
      expect(designer.document).to.equal(before);
      expect(designer.root.querySelector('.drag-ghost')).to.equal(null);
      expect(designer.announcement).to.contain('Đã hủy kéo thả');
    });
  });

  describe('moving elements', () => {
    it('should move a question within its section by dragging its handle', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.dragItemTo('gender', 'education', 'after');
      expect(designer.documentQuestions('respondent_info')).to.deep.equal(['age_group', 'ethnicity', 'education', 'gender', 'occupation']);
      expect(designer.canvasQuestions('respondent_info')).to.deep.equal(['age_group', 'ethnicity', 'education', 'gender', 'occupation']);
    });

    it('should move a question to another section and onto another page', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.dragItemTo('occupation', 'agency_unit', 'before');
      expect(designer.documentQuestions('service_info')).to.deep.equal(['service_field_used', 'occupation', 'agency_unit']);
      await designer.dragItemToPage('occupation', 'overall');
      expect(designer.documentQuestions('comments_section')).to.deep.equal(['comments', 'occupation']);
      expect(designer.currentPage).to.equal('overall');
    });

    it('should open a page when a drag rests on its tab, to drop at any place in it', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.dragItemThroughPage('occupation', 'overall', 'comments', 'before');
      expect(designer.documentQuestions('comments_section')).to.deep.equal(['occupation', 'comments']);
      expect(designer.currentPage).to.equal('overall');
    });

    it('should move a section to another page by dragging', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.dragItemToPage('service_info', 'intro');
      expect(designer.document.pages[0]!.sections.map((s) => s.name)).to.deep.equal(['intro_section', 'service_info']);
    });

    it('should move a question with Alt+Arrow across sections and pages, announcing each place', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.focusCanvasItem('agency_unit');
      await designer.press('Alt+ArrowUp');
      expect(designer.documentQuestions('service_info')).to.deep.equal(['agency_unit', 'service_field_used']);
      expect(designer.announcement).to.match(/Đã chuyển .*agency_unit.* vị trí 1/);
      await designer.press('Alt+ArrowUp');
      expect(designer.documentQuestions('respondent_info').at(-1)).to.equal('agency_unit');
      expect(designer.focused()).to.equal(designer.canvasItem('agency_unit'));
      // Down twice more: back into service_info, then its second place.
      await designer.press('Alt+ArrowDown');
      await designer.press('Alt+ArrowDown');
      await designer.press('Alt+ArrowDown');
      expect(designer.currentPage).to.equal('access', 'crossing into the next page follows the question there');
      expect(designer.documentQuestions('A_section')[0]).to.equal('agency_unit');
      expect(designer.focused()).to.equal(designer.canvasItem('agency_unit'));
    });

    it('should say so when an element cannot move further', async () => {
      const designer = await renderDesigner(template());
      await designer.focusCanvasItem('intro_section');
      await designer.press('Alt+ArrowUp');
      expect(designer.announcement).to.contain('Không thể chuyển');
    });

    it('should reorder pages by dragging their tabs, and a click on a tab still opens its page', async () => {
      const designer = await renderDesigner(template());
      await designer.dragPageTo('intro', 'access', 'after');
      expect(designer.document.pages.slice(0, 3).map((p) => p.name)).to.deep.equal(['respondent', 'access', 'intro']);
      expect(designer.announcement).to.contain('Đã chuyển');
      await designer.dragPageTo('overall', 'respondent', 'before');
      expect(designer.document.pages[0]!.name).to.equal('overall');
      await new Promise((resolve) => setTimeout(resolve, 450));
      await designer.click(designer.pageTab('feedback'));
      expect(designer.currentPage).to.equal('feedback');
    });

    it('should move pages with Alt+Arrow on their tab', async () => {
      const designer = await renderDesigner(template());
      designer.pageTab('intro').focus();
      await designer.press('Alt+ArrowRight');
      expect(designer.document.pages.slice(0, 2).map((p) => p.name)).to.deep.equal(['respondent', 'intro']);
    });

    it('should walk the canvas with the arrow keys and duplicate with Ctrl+D', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.focusCanvasItem('respondent_info');
      await designer.press('ArrowDown');
      await designer.press('ArrowDown');
      expect(designer.focused()).to.equal(designer.canvasItem('age_group'));
      await designer.press('Control+d');
      const names = designer.documentQuestions('respondent_info');
      expect(names[2]).to.match(/^age_group\d+$/);
      expect(designer.focused()).to.equal(designer.canvasItem(names[2]!));
      await designer.press('End');
      expect(designer.focused()).to.equal(designer.canvasItem('agency_unit'));
    });
  });

  describe('undo and redo', () => {
    it('should undo and redo every kind of edit with the keyboard and tell the page each time', async () => {
      const original = template();
      const designer = await renderDesigner(original);
      await onPage(designer, 'respondent');
      await designer.focusCanvasItem('gender');
      await designer.press('Alt+ArrowDown');
      await designer.press('Control+d');
      designer.toolboxButton('rating').focus();
      await designer.press('Enter');
      await designer.focusCanvasItem('occupation');
      await designer.press('Delete');
      await designer.answerConfirmation(true);
      const edited = designer.document;
      const changes: Questionnaire[] = [];
      designer.element.addEventListener('sipas-questionnaire-change', (event) => changes.push(event.detail.questionnaire));
      for (let step = 0; step < 4; step += 1) await designer.press('Control+z');
      expect(designer.document).to.equal(original);
      expect(changes.length).to.equal(4);
      expect(changes.at(-1)).to.equal(original);
      expect(designer.announcement).to.contain('Đã hoàn tác');
      await designer.press('Control+Shift+Z');
      await designer.press('Control+y');
      await designer.press('Control+y');
      await designer.press('Control+y');
      expect(designer.document).to.equal(edited);
      expect(designer.root.querySelector<HTMLButtonElement>('button.redo')!.disabled).to.equal(true);
    });

    it('should bring the canvas back to an element whose move was undone, and insert after it there', async () => {
      const designer = await renderDesigner(template());
      await designer.focusCanvasItem('intro_text');
      await designer.press('Alt+ArrowDown');
      expect(designer.currentPage).to.equal('respondent');
      await designer.press('Control+z');
      expect(designer.currentPage).to.equal('intro');
      designer.toolboxButton('text').focus();
      await designer.press('Enter');
      expect(designer.documentQuestions('intro_section')).to.deep.equal(['intro_text', 'q1']);
    });

    it('should leave Ctrl+Z to the browser in a text box that is not the document (the toolbox search)', async () => {
      const designer = await renderDesigner(template());
      await designer.focusCanvasItem('intro_text');
      await designer.press('Alt+ArrowDown');
      const moved = designer.document;
      designer.toolbox.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
      await designer.type('abc');
      await designer.press('Control+z');
      expect(designer.document).to.equal(moved);
    });

    it('should make two visits to the same field two undo steps', async () => {
      const designer = await renderDesigner(template());
      const edit = (title: string) => designer.element.applyEdit({ label: 'title', mergeKey: 'title', apply: (q) => ({ ...q, title }) });
      edit('A');
      edit('AB');
      designer.element.dispatchEvent(new FocusEvent('focusout'));
      edit('ABC');
      await designer.settled();
      await designer.click(designer.root.querySelector('button.undo')!);
      expect(designer.document.title).to.equal('AB');
      await designer.click(designer.root.querySelector('button.undo')!);
      expect(designer.document).to.deep.equal(template());
    });

    it('should not fire a change event when the page sets the document itself', async () => {
      const designer = await renderDesigner(template());
      let fired = 0;
      designer.element.addEventListener('sipas-questionnaire-change', () => (fired += 1));
      designer.element.questionnaire = copyTemplate('counter-3')!;
      await designer.settled();
      expect(fired).to.equal(0);
      expect(designer.root.querySelector<HTMLButtonElement>('button.undo')!.disabled).to.equal(true);
    });
  });

  describe('deleting', () => {
    it('should ask before deleting a question other logic refers to, and keep it on Cancel', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'feedback');
      await designer.focusCanvasItem('feedback_given');
      await designer.press('Delete');
      expect(designer.confirmation).to.match(/feedback_given|Xóa/);
      await designer.answerConfirmation(false);
      expect(designer.documentQuestions('E_filter_section')).to.deep.equal(['feedback_given']);
      await designer.focusCanvasItem('feedback_given');
      await designer.press('Delete');
      await designer.answerConfirmation(true);
      expect(designer.documentQuestions('E_filter_section')).to.deep.equal([]);
      expect(designer.announcement).to.contain('Đã xóa');
    });

    it('should delete an unreferenced question at once and put focus on its neighbour', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'respondent');
      await designer.focusCanvasItem('service_field_used');
      await designer.press('Delete');
      expect(designer.confirmation).to.equal(undefined);
      expect(designer.documentQuestions('service_info')).to.deep.equal(['agency_unit']);
      expect(designer.focused()).to.equal(designer.canvasItem('agency_unit'));
    });
  });

  describe('pages and sections', () => {
    it('should add a page and a section, each selected and undoable', async () => {
      const designer = await renderDesigner(template());
      await designer.click(designer.root.querySelector('.page-nav > button.add')!);
      expect(designer.document.pages[1]!.name).to.equal('page1');
      expect(designer.currentPage).to.equal('page1');
      await designer.click(designer.root.querySelector('.canvas-page > button.add')!);
      expect(designer.document.pages[1]!.sections.length).to.equal(2);
      await designer.press('Control+z');
      expect(designer.root.activeElement, 'undoing the section that had focus keeps focus in the designer').to.not.equal(null);
      await designer.press('Control+z');
      expect(designer.document.pages.length).to.equal(8);
    });
  });

  describe('autosave', () => {
    it('should offer the unsaved draft after a reload, and open it as it was', async () => {
      const database = `sipas-designer-test-${crypto.randomUUID()}`;
      const first = await renderDesigner(template(), { autosave: 'on', database });
      await onPage(first, 'respondent');
      await first.focusCanvasItem('gender');
      await first.press('Alt+ArrowDown');
      await first.press('Control+d');
      const edited = first.document;
      await first.element.flushAutosave();
      first.element.remove();

      // A new page load: the designer starts from the template again and finds the draft.
      const second = await renderDesigner(template(), { autosave: 'on', database });
      await waitUntil(() => second.root.querySelector('button.recover') !== null, 'the recovery offer');
      expect(second.root.querySelector('.notice')!.textContent).to.contain('Có bản nháp chưa lưu');
      await second.click(second.root.querySelector('button.recover')!);
      expect(second.document).to.deep.equal(edited);
      await second.press('Control+z');
      expect(second.document.pages[1]!.sections[0]!.questions.map((q) => q.name)).to.deep.equal(['gender', 'age_group', 'ethnicity', 'education', 'occupation'], 'recovering is one step that undoes');
    });

    it('should keep one draft however often the id is retyped, and forget a dismissed one', async () => {
      const database = `sipas-designer-test-${crypto.randomUUID()}`;
      const first = await renderDesigner(template(), { autosave: 'on', database });
      for (const id of ['s', 'so', 'so-noi-vu']) first.element.applyEdit({ label: 'id', mergeKey: 'id', apply: (q) => ({ ...q, id }) });
      await first.element.flushAutosave();
      first.element.remove();
      const second = await renderDesigner(template(), { autosave: 'on', database });
      await waitUntil(() => second.root.querySelector('button.dismiss') !== null, 'the recovery offer');
      await second.click(second.root.querySelector('button.dismiss')!);
      second.element.remove();
      const third = await renderDesigner(template(), { autosave: 'on', database });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(third.root.querySelector('button.recover'), 'dismissed, and no drafts under the ids typed on the way').to.equal(null);
    });

    it('should not offer a draft that was saved to a file', async () => {
      const database = `sipas-designer-test-${crypto.randomUUID()}`;
      const first = await renderDesigner(template(), { autosave: 'on', database });
      first.element.insertType('text');
      await first.element.flushAutosave();
      const { click } = HTMLAnchorElement.prototype;
      HTMLAnchorElement.prototype.click = () => undefined;
      try {
        await first.press('Control+s');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      first.element.remove();
      const second = await renderDesigner(template(), { autosave: 'on', database });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(second.root.querySelector('button.recover')).to.equal(null);
    });
  });

  describe('conditions', () => {
    it('should build a condition with the visual builder and see it act in the preview', async () => {
      const designer = await renderDesigner(copyTemplate('counter-3')!);
      await designer.click(designer.card('attitude'));
      await designer.click(designer.properties.shadowRoot.querySelector('button.add-condition[data-path$="visibleIf"]')!);
      const editor = designer.properties.shadowRoot.querySelector('sipas-expression-editor[data-path$="visibleIf"]')!.shadowRoot!;
      await designer.click(editor.querySelector('button.add-rule')!);
      const choose = async (selector: string, value: string) => {
        const select = editor.querySelector<HTMLSelectElement>(selector)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await designer.settled();
      };
      await choose('select.question', 'convenience');
      await choose('select.operator', '=');
      // The scale's levels are offered by their words; the last is the top level (3).
      const levels = [...editor.querySelectorAll<HTMLOptionElement>('select.value option')].filter((option) => option.value !== '');
      expect(levels.length).to.equal(3);
      await choose('select.value', levels.at(-1)!.value);
      const attitude = () => designer.document.pages[0]!.sections[0]!.questions.find((q) => q.name === 'attitude')!;
      expect(attitude().visibleIf).to.equal('{convenience} = 3');

      await designer.openView('preview');
      const form = designer.root.querySelector('sipas-designer-preview')!.shadowRoot!.querySelector('sipas-form')!;
      await waitUntil(() => form.shadowRoot?.querySelector('[data-type="rating"]'), 'the preview form');
      const shown = () => [...form.shadowRoot!.querySelectorAll<HTMLElement & { name: string }>('.page > section > *')].map((node) => node.name);
      expect(shown()).to.not.include('attitude');
      const convenience = [...form.shadowRoot!.querySelectorAll<HTMLElement & { name: string }>('.page > section > *')].find((node) => node.name === 'convenience')!;
      convenience.querySelector<HTMLInputElement>('input[type="radio"][value="3"]')!.click();
      await waitUntil(() => shown().includes('attitude'), 'attitude shown once convenience is 3');
    });
  });

  describe('units and service fields', () => {
    it('should edit the units in their own view as undoable edits', async () => {
      const designer = await renderDesigner(template());
      await designer.openView('units');
      const hierarchy = designer.root.querySelector('sipas-designer-hierarchy')!;
      expect(hierarchy.shadowRoot!.querySelector('[role="tree"]')).to.exist;
      const before = designer.document;
      const unitCount = (q: Questionnaire) => JSON.stringify(q.sipas?.units).match(/"id"/g)!.length;
      const addSibling = [...hierarchy.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => /anh em|sibling|cùng cấp/i.test(button.textContent ?? ''));
      expect(addSibling, 'an "add sibling" button').to.exist;
      await designer.click(addSibling!);
      expect(unitCount(designer.document)).to.equal(unitCount(before) + 1);
      await designer.press('Control+z');
      expect(designer.document).to.equal(before);
    });
  });

  describe('language', () => {
    it('should speak English when asked and show the questionnaire in the content language', async () => {
      const designer = await renderDesigner(template(), { lang: 'en' });
      expect(designer.root.querySelector('#tab-design')!.textContent).to.contain('Design');
      const select = designer.root.querySelector<HTMLSelectElement>('select.content-language')!;
      select.value = 'en';
      select.dispatchEvent(new Event('change'));
      await designer.settled();
      expect(designer.pageTab('respondent').textContent).to.contain('About you');
    });
  });

  describe('accessibility', () => {
    it('should have no axe violations in the design view with a selection', async () => {
      const designer = await renderDesigner(template());
      await onPage(designer, 'access');
      await designer.click(designer.canvasItem('A_criteria'));
      await expect(designer.element).shadowDom.to.be.accessible();
    });

    it('should be reachable by Tab: view tabs, then toolbox, canvas and property panel', async () => {
      const designer = await renderDesigner(template());
      designer.root.querySelector<HTMLElement>('#tab-design')!.focus();
      const reached = new Set<string>();
      for (let i = 0; i < 40; i += 1) {
        await designer.press('Tab');
        const active = designer.focused();
        if (active?.closest?.('[role="tree"]')) reached.add('canvas');
        if (active?.getRootNode() === designer.toolbox) reached.add('toolbox');
        if ((active?.getRootNode() as ShadowRoot)?.host?.localName === 'sipas-designer-properties') reached.add('properties');
      }
      expect([...reached].sort()).to.deep.equal(['canvas', 'properties', 'toolbox']);
    });

    it('should fire sipas-questionnaire-change with the new document after an edit', async () => {
      const designer = await renderDesigner(template());
      setTimeout(() => designer.element.insertType('text'));
      const { detail } = await oneEvent(designer.element, 'sipas-questionnaire-change');
      expect(detail.questionnaire).to.equal(designer.document);
    });
  });
});
