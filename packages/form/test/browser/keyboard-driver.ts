/**
 * Completes a form with the keyboard alone, as a respondent who never touches a mouse: Tab from
 * control to control, Space on a radio group or check box group still unanswered, ArrowDown on an
 * empty list, a few letters in a required text box, Enter on Next and Submit.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { FormHarness } from './harness.js';

export interface KeyboardRun {
  keys: number;
  pages: number;
}

function questionOf(control: Element): Element | null {
  return control.closest('.question');
}

export async function completeWithKeyboard(form: FormHarness, maxKeys = 2000): Promise<KeyboardRun> {
  let keys = 0;
  let pages = 1;
  const press = async (key: string) => {
    keys++;
    await sendKeys({ press: key });
  };
  form.root.querySelector<HTMLElement>('.page-heading')!.focus();
  while (keys < maxKeys) {
    if (form.root.querySelector('.thank-you')) return { keys, pages };
    const active = form.focused();
    if (active instanceof HTMLButtonElement && /next-button|submit-button/.test(active.getAttribute('part') ?? '')) {
      const wasNext = active.getAttribute('part')!.includes('next-button');
      const heading = form.pageHeading();
      await press('Enter');
      // On a loaded machine the new page (or the thank-you screen, or the errors) may take a moment.
      for (let wait = 0; wait < 100; wait++) {
        await form.settled();
        if (form.root.querySelector('.thank-you') || form.pageHeading() !== heading || form.root.querySelector('.error-summary')) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      if (wasNext && form.pageHeading() !== heading) pages++;
      continue;
    }
    if (active instanceof HTMLInputElement && active.type === 'radio' && !active.form) {
      const group = [...form.root.querySelectorAll<HTMLInputElement>(`input[name="${active.name}"]`)];
      if (!group.some((radio) => radio.checked)) {
        await press('Space');
        await form.settled();
      }
    } else if (active instanceof HTMLInputElement && active.type === 'checkbox') {
      const group = [...form.root.querySelectorAll<HTMLInputElement>(`input[name="${active.name}"]`)];
      const required = questionOf(active)?.querySelector('.required-marker');
      if (required && group[0] === active && !group.some((box) => box.checked)) {
        await press('Space');
        await form.settled();
      }
    } else if (active instanceof HTMLSelectElement && active.value === '') {
      await press('ArrowDown');
      await form.settled();
    } else if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && active.value === '' && questionOf(active)?.querySelector('.required-marker')) {
      keys++;
      await sendKeys({ type: '1' });
    }
    await press('Tab');
  }
  throw new Error(`not completed after ${maxKeys} keys; focus on ${form.focused()?.outerHTML.slice(0, 120)}`);
}
