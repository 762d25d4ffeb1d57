/**
 * <sipas-print-sheet> on its own, as <sipas-form mode="print"> sets it up: the whole questionnaire
 * whatever the engine hides, in the sheet's language. (Printing to PDF is tested in
 * test/drop-in/print-pdf.test.ts.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { Form } from '@sipas/core';
import { listQuestions } from '@sipas/schema';
import { sipas2640 } from '@sipas/templates';
import './index.js';
import type { SipasPrintSheet } from './sipas-print-sheet.js';

async function renderSheet(lang = 'vi'): Promise<{ sheet: SipasPrintSheet; form: Form }> {
  const form = new Form(sipas2640, { locale: lang });
  const sheet = await fixture<SipasPrintSheet>(html`<sipas-print-sheet .form=${form} lang=${lang}></sipas-print-sheet>`);
  return { sheet, form };
}

const textOf = (sheet: SipasPrintSheet): string => sheet.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<sipas-print-sheet>', () => {
  describe('accessibility', () => {
    it('should have no axe violations', async () => {
      const { sheet } = await renderSheet();
      await expect(sheet).shadowDom.to.be.accessible();
    });

    it('should give the likert grid column and row headers', async () => {
      const { sheet } = await renderSheet();
      const grid = sheet.shadowRoot!.querySelector('table.grid')!;
      expect(grid.querySelectorAll('thead th[scope=col]').length).to.equal(7); // code, statement, 5 levels
      expect(grid.querySelectorAll('tbody th[scope=row]').length).to.equal(4);
    });
  });

  describe('properties', () => {
    it('should render nothing without a form', async () => {
      const sheet = await fixture<SipasPrintSheet>(html`<sipas-print-sheet></sipas-print-sheet>`);
      expect(sheet.shadowRoot!.querySelector('.sheet')).to.equal(null);
    });

    it('should follow lang for its own words and the questionnaire\'s', async () => {
      const { sheet } = await renderSheet();
      expect(textOf(sheet)).to.contain('Hướng dẫn trả lời').and.contain('Số phiếu').and.contain('Giới tính');
      sheet.lang = 'en';
      await sheet.updateComplete;
      expect(textOf(sheet)).to.contain('How to answer').and.contain('Form no.').and.contain('Gender');
      expect(sheet.shadowRoot!.querySelector('.sheet')!.getAttribute('lang')).to.equal('en');
    });
  });

  describe('parts', () => {
    it('should expose base, masthead, staff-box, instructions, question and grid', async () => {
      const { sheet } = await renderSheet();
      for (const part of ['base', 'masthead', 'staff-box', 'instructions', 'part', 'question', 'question-title', 'grid', 'thanks']) {
        expect(sheet.shadowRoot!.querySelector(`[part~=${part}]`), part).to.not.equal(null);
      }
    });
  });

  describe('features', () => {
    it('should show every question, also those the engine hides, with their skip instruction', async () => {
      const { sheet, form } = await renderSheet();
      expect(form.isVisible('E_criteria')).to.equal(false);
      expect(sheet.shadowRoot!.querySelectorAll('.question').length).to.equal(listQuestions(sipas2640).length);
      expect(textOf(sheet)).to.contain('(Chỉ trả lời nếu câu 16 là “Có”)');
    });

    it('should print a blank form whatever the answers', async () => {
      const { sheet, form } = await renderSheet();
      const before = sheet.shadowRoot!.innerHTML;
      form.setValue('gender', 'male');
      form.setValue('feedback_given', true);
      sheet.requestUpdate();
      await sheet.updateComplete;
      expect(sheet.shadowRoot!.innerHTML).to.equal(before);
    });

    it('should draw tick boxes and lines with borders, not images or glyphs', async () => {
      const { sheet } = await renderSheet();
      const box = sheet.shadowRoot!.querySelector<HTMLElement>('.boxes .box')!;
      const style = getComputedStyle(box);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.backgroundImage).to.equal('none');
      expect(box.textContent).to.equal('');
      expect(sheet.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    });
  });
});
