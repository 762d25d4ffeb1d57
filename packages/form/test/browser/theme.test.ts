// The default theme's promises, measured in the browser: readable text, big enough touch targets,
// the likert grid as a table when wide and as cards when narrow, dark mode, and the host page's
// CSS kept out.
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { isolated, loadFixture, renderForm, type FormHarness } from './harness.js';

let form: FormHarness;
beforeEach(async () => {
  form = await renderForm(isolated(await loadFixture('one-of-each-type')));
});
afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
  await setViewport({ width: 800, height: 600 });
});

const px = (value: string) => Number.parseFloat(value);

describe('default theme', () => {
  it('should keep body text at 16px or more and every control at least 44px high', async () => {
    await setViewport({ width: 360, height: 740 });
    await form.settled();
    expect(px(getComputedStyle(form.root.querySelector('.form')!).fontSize)).to.be.at.least(16);
    const controls = form.root.querySelectorAll<HTMLElement>('label.choice, button, select, input[type="text"], textarea');
    expect(controls.length).to.be.greaterThan(10);
    for (const control of controls) expect(control.getBoundingClientRect().height, control.outerHTML.slice(0, 80)).to.be.at.least(44);
  });

  it('should show the likert grid as a table on wide screens and as cards on narrow ones', async () => {
    const likert = form.question('q_likert');
    const head = likert.querySelector<HTMLElement>('.likert-head')!;
    const levelWords = likert.querySelector<HTMLElement>('.likert-row .choice-text')!;

    await setViewport({ width: 1200, height: 800 });
    await form.settled();
    expect(getComputedStyle(head).display).to.equal('grid');
    expect(levelWords.getBoundingClientRect().width).to.be.at.most(1);
    const row = likert.querySelectorAll<HTMLElement>('.likert-row')[0]!;
    const firstRow = row.querySelectorAll('label.choice');
    expect(firstRow[1]!.getBoundingClientRect().top).to.equal(firstRow[0]!.getBoundingClientRect().top);

    await setViewport({ width: 360, height: 740 });
    await form.settled();
    expect(getComputedStyle(head).display).to.equal('none');
    expect(levelWords.getBoundingClientRect().width).to.be.greaterThan(20);
    expect(firstRow[1]!.getBoundingClientRect().top).to.be.greaterThan(firstRow[0]!.getBoundingClientRect().top);
  });

  it('should follow the system dark mode, and a site may still set its own colours', async () => {
    const surface = () => getComputedStyle(form.root.querySelector('.question')!).backgroundColor;
    const light = surface();
    await emulateMedia({ colorScheme: 'dark' });
    const dark = surface();
    expect(dark).to.not.equal(light);
    form.element.style.setProperty('--sipas-color-surface', 'rgb(1, 2, 3)');
    expect(surface()).to.equal('rgb(1, 2, 3)');
  });

  it('should not let the host page style its inside', async () => {
    // An old portal's global rules (a constructed sheet: the strict CSP refuses inline <style>).
    const hostile = new CSSStyleSheet();
    hostile.replaceSync('* { font-size: 11px !important; color: red !important; } input, select, button { height: 12px !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, hostile];
    try {
      await form.settled();
      const input = form.control('q_text');
      expect(px(getComputedStyle(input).fontSize)).to.be.at.least(16);
      expect(input.getBoundingClientRect().height).to.be.at.least(44);
      expect(getComputedStyle(input).color).to.not.equal('rgb(255, 0, 0)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== hostile);
    }
  });

  it('should expose parts a site can style', () => {
    for (const part of ['base', 'title', 'progress', 'page', 'section', 'navigation', 'submit-button', 'question', 'question-title', 'choice']) {
      expect(form.root.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    }
  });
});
