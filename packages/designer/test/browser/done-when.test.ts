/**
 * The "done when", end to end: starting from the 2640 template, add a question, move it to
 * another page, give it a condition, translate it, preview it on a phone width and save a file
 * that validates — once with the keyboard alone, once with the mouse — and undo every step.
 */
import { expect } from '@open-wc/testing';
import { validateQuestionnaire, type Question, type Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { locate } from '../../src/model/locate.js';
import { renderDesigner, type DesignerHarness } from './designer-harness.js';

const inShadowOf = (tag: string) => (element: Element) => (element.getRootNode() as ShadowRoot).host?.localName === tag;

/** Catches the file the designer saves: the Blob behind the temporary download link, and its name. */
function catchDownloads(): { list: { name: string; text: Promise<string> }[]; restore: () => void } {
  const list: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  const { click } = HTMLAnchorElement.prototype;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = createObjectURL(blob);
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) list.push({ name: this.download, text: blob.text() });
    else click.call(this);
  };
  return {
    list,
    restore: () => {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
    },
  };
}

function question(designer: DesignerHarness, name: string): Question {
  const found = locate(designer.document, name);
  expect(found?.kind, `${name} is in the document`).to.equal('question');
  return found!.element as Question;
}

function pageOf(designer: DesignerHarness, name: string): string {
  const found = locate(designer.document, name)!;
  return designer.document.pages[found.page]!.name;
}

async function savedFile(designer: DesignerHarness, save: () => Promise<void>): Promise<Questionnaire> {
  const downloads = catchDownloads();
  try {
    await save();
    expect(downloads.list.length).to.equal(1);
    expect(downloads.list[0]!.name).to.equal('sipas-2640.json');
    const saved = JSON.parse(await downloads.list[0]!.text) as Questionnaire;
    expect(validateQuestionnaire(saved).errors).to.deep.equal([]);
    expect(saved).to.deep.equal(JSON.parse(JSON.stringify(designer.document)));
    return saved;
  } finally {
    downloads.restore();
  }
}

describe('the designer from the 2640 template to a saved file', () => {
  it('should be done with the keyboard alone, and every step should undo', async () => {
    const original = copyTemplate('sipas-2640')!;
    const designer = await renderDesigner(original);
    designer.root.querySelector<HTMLElement>('#tab-design')!.focus();

    // Add a short-text question from the toolbox: it goes to the current page (the introduction).
    await designer.tabTo((element) => element instanceof HTMLButtonElement && element.dataset.type === 'text', 'the toolbox entry "Trả lời ngắn"');
    await designer.press('Enter');
    expect(pageOf(designer, 'q1')).to.equal('intro');
    expect(designer.focused()).to.equal(designer.canvasItem('q1'));

    // Move it down past the end of the page: it lands at the top of the next page.
    await designer.press('Alt+ArrowDown');
    expect(pageOf(designer, 'q1')).to.equal('respondent');
    expect(designer.documentQuestions('respondent_info')[0]).to.equal('q1');
    expect(designer.focused()).to.equal(designer.canvasItem('q1'));
    await designer.press('Alt+ArrowDown');
    expect(designer.documentQuestions('respondent_info').slice(0, 2)).to.deep.equal(['gender', 'q1'], 'then below gender, which its condition will name');

    // A condition, typed into the property panel's expression box.
    await designer.press('Enter');
    await designer.tabTo((element) => element.matches('button.add-condition[data-path$="visibleIf"]'), 'the "Hiện khi" condition button');
    await designer.press('Enter');
    const box = designer.focused()!;
    expect(box.id === 'raw' && inShadowOf('sipas-expression-editor')(box), 'the expression box takes the keyboard').to.equal(true);
    await designer.type("{gender} = 1");
    expect(question(designer, 'q1').visibleIf).to.equal('{gender} = 1');

    // The English title in the translations table.
    await designer.tabTo((element) => element.id === 'tab-design', 'the view tabs', { backwards: true });
    await designer.press('ArrowRight');
    await designer.press('ArrowRight');
    expect(designer.root.querySelector('#tab-translations')!.getAttribute('aria-selected')).to.equal('true');
    await designer.tabTo(
      (element) => element instanceof HTMLTextAreaElement && element.closest('td')?.lang === 'en' && element.closest('tr')?.dataset.pointer === '/pages/1/sections/0/questions/1/title',
      "q1's English title",
    );
    await designer.press('Control+a');
    await designer.type('Did you use the online service?');
    expect(question(designer, 'q1').title).to.deep.equal({ vi: 'Câu hỏi mới', en: 'Did you use the online service?' });

    // The preview on a phone: the form shows the question once its condition holds.
    await designer.tabTo((element) => element.id === 'tab-translations', 'the view tabs', { backwards: true });
    await designer.press('ArrowRight');
    await designer.press('ArrowRight');
    const preview = designer.root.querySelector('sipas-designer-preview')!;
    await designer.tabTo((element) => element instanceof HTMLButtonElement && element.dataset.value === 'tablet' && inShadowOf('sipas-designer-preview')(element), 'the tablet width');
    await designer.press('Enter');
    expect(preview.getAttribute('device')).to.equal('tablet');
    await designer.press('Shift+Tab');
    expect((designer.focused() as HTMLElement).dataset.value).to.equal('phone');
    await designer.press('Enter');
    expect(preview.getAttribute('device')).to.equal('phone');
    const frame = preview.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!;
    expect(frame.getBoundingClientRect().width).to.be.at.most(380);
    expect(preview.shadowRoot!.querySelector('sipas-form')).to.exist;

    // Save: Ctrl+S writes the file, which validates.
    await savedFile(designer, () => designer.press('Control+s'));

    // Every step undoes, back to the very template.
    for (let step = 0; step < 10 && designer.document !== original; step += 1) await designer.press('Control+z');
    expect(designer.document).to.equal(original);
  });

  it('should be done with the mouse, and every step should undo with the Undo button', async () => {
    const original = copyTemplate('sipas-2640')!;
    const designer = await renderDesigner(original);
    await designer.click(designer.pageTab('respondent'));

    await designer.dragTypeTo('text', 'age_group', 'before');
    expect(designer.documentQuestions('respondent_info').slice(0, 3)).to.deep.equal(['gender', 'q1', 'age_group']);
    await designer.dragItemToPage('q1', 'overall');
    expect(pageOf(designer, 'q1')).to.equal('overall');
    await designer.click(designer.card('q1'));

    await designer.click(designer.properties.shadowRoot.querySelector('button.add-condition[data-path$="visibleIf"]')!);
    const editor = designer.properties.shadowRoot.querySelector<HTMLElement>('sipas-expression-editor[data-path$="visibleIf"]')!;
    const raw = editor.shadowRoot!.querySelector<HTMLTextAreaElement>('#raw')!;
    raw.focus();
    await designer.type('{overall_satisfaction} <= 2');
    expect(question(designer, 'q1').visibleIf).to.equal('{overall_satisfaction} <= 2');

    await designer.openView('translations');
    const translations = designer.root.querySelector('sipas-designer-translations')!.shadowRoot!;
    const pointer = `/pages/7/sections/2/questions/1/title`;
    const cell = translations.querySelector<HTMLTextAreaElement>(`tr[data-pointer="${pointer}"] td[lang="en"] textarea`)!;
    cell.select();
    await designer.type('What went wrong?');
    expect(question(designer, 'q1').title).to.deep.equal({ vi: 'Câu hỏi mới', en: 'What went wrong?' });

    await designer.openView('preview');
    const preview = designer.root.querySelector('sipas-designer-preview')!;
    await designer.click(preview.shadowRoot!.querySelector('button[data-value="desktop"]')!);
    await designer.click(preview.shadowRoot!.querySelector('button[data-value="phone"]')!);
    expect(preview.getAttribute('device')).to.equal('phone');

    await savedFile(designer, () => designer.click(designer.root.querySelector('button.save')!));

    const undo = designer.root.querySelector<HTMLButtonElement>('button.undo')!;
    for (let step = 0; step < 10 && !undo.disabled; step += 1) await designer.click(undo);
    expect(designer.document).to.equal(original);
  });
});
