/**
 * Drives a <sipas-designer> the way a person does — with the keyboard (real key presses) or the
 * mouse (real pointer events) — so tests say what happens rather than how the shadow DOM is built.
 */
import { fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { Questionnaire } from '@sipas/schema';
import '../../src/index.js';
import type { DesignerView, SipasDesigner } from '../../src/index.js';

export async function renderDesigner(questionnaire: Questionnaire, options: { lang?: string; autosave?: 'on' | 'off'; database?: string } = {}): Promise<DesignerHarness> {
  await setViewport({ width: 1400, height: 1000 });
  const element = await fixture<SipasDesigner>(
    html`<sipas-designer
      .questionnaire=${questionnaire}
      lang=${options.lang ?? 'vi'}
      autosave=${options.autosave ?? 'off'}
      autosave-database=${options.database ?? 'sipas-designer-test'}
    ></sipas-designer>`,
  );
  const harness = new DesignerHarness(element);
  await harness.settled();
  return harness;
}

type Where = 'before' | 'after';

export class DesignerHarness {
  constructor(readonly element: SipasDesigner) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  get document(): Questionnaire {
    return this.element.questionnaire;
  }

  async settled(): Promise<void> {
    await this.element.updateComplete;
    // Parts render in their own update cycles, and the live region speaks a moment later.
    await new Promise((resolve) => setTimeout(resolve, 30));
    await this.element.updateComplete;
  }

  /** What the live region says now. */
  get announcement(): string {
    return this.root.querySelector('[role="status"][aria-live]')?.textContent?.trim() ?? '';
  }

  get toolbox(): ShadowRoot {
    return this.root.querySelector('sipas-designer-toolbox')!.shadowRoot!;
  }

  toolboxButton(type: string): HTMLButtonElement {
    const button = this.toolbox.querySelector<HTMLButtonElement>(`button[data-type="${type}"]`);
    if (!button) throw new Error(`no toolbox entry for ${type}`);
    return button;
  }

  toolboxTypes(): string[] {
    return [...this.toolbox.querySelectorAll<HTMLButtonElement>('button[data-type]')].map((button) => button.dataset.type!);
  }

  /** The tree item of a section or question: what the keyboard focuses and screen readers name. */
  canvasItem(name: string): HTMLElement {
    const item = this.root.querySelector<HTMLElement>(`[role="treeitem"][data-item="${name}"]`);
    if (!item) throw new Error(`${name} is not on the canvas`);
    return item;
  }

  /** The card of a section or question: the box the pointer acts on (its tree item and preview inside). */
  card(name: string): HTMLElement {
    const card = this.root.querySelector<HTMLElement>(`.card[data-name="${name}"]`);
    if (!card) throw new Error(`${name} has no card on the canvas`);
    return card;
  }


  /** The question names of a section as the canvas shows them. */
  canvasQuestions(section: string): string[] {
    return [...this.card(section).querySelectorAll<HTMLElement>('.card.question')].map((card) => card.dataset.name!);
  }

  /** The question names of a section in the document. */
  documentQuestions(section: string): string[] {
    const found = this.document.pages.flatMap((p) => p.sections).find((s) => s.name === section);
    return found ? found.questions.map((q) => q.name) : [];
  }

  pageTab(page: string): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>(`[data-page-tab="${page}"]`)!;
  }

  get currentPage(): string {
    return this.root.querySelector<HTMLElement>('[data-page-tab][aria-current="page"]')?.dataset.pageTab ?? '';
  }

  focused(): Element | null {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /** Presses a key, with modifiers written as `Alt+ArrowUp` or `Control+Shift+Z`. */
  async press(combination: string): Promise<void> {
    const keys = combination.split('+');
    const key = keys.pop()!;
    for (const modifier of keys) await sendKeys({ down: modifier });
    await sendKeys({ press: key });
    for (const modifier of keys.reverse()) await sendKeys({ up: modifier });
    await this.settled();
  }

  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settled();
  }

  /**
   * Presses Tab (or Shift+Tab) until focus is on an element that `wanted` accepts, as a keyboard
   * user moves through the page; fails after `limit` presses.
   */
  async tabTo(wanted: (element: Element) => boolean, what: string, { backwards = false, limit = 400 } = {}): Promise<HTMLElement> {
    for (let presses = 0; presses < limit; presses += 1) {
      const active = this.focused();
      if (active && wanted(active)) return active as HTMLElement;
      if (backwards) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (backwards) await sendKeys({ up: 'Shift' });
    }
    throw new Error(`Tab never reached ${what}; focus is on ${this.focused()?.outerHTML.slice(0, 160)}`);
  }

  /** Puts keyboard focus on a canvas item the way Tab would reach it. */
  async focusCanvasItem(name: string): Promise<void> {
    this.canvasItem(name).focus();
    await this.settled();
  }

  /** Clicks as a mouse does: a button or other focusable element takes focus first. */
  async click(element: Element): Promise<void> {
    (element as HTMLElement).focus();
    (element as HTMLElement).click();
    await this.settled();
  }

  async openView(view: DesignerView): Promise<void> {
    await this.click(this.root.querySelector(`#tab-${view}`)!);
  }

  private static centre(element: Element): [number, number] {
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
  }

  /** Presses at `from`, moves in steps to `to`, releases: a real pointer drag. */
  private async dragBetween(from: [number, number], to: () => [number, number]): Promise<void> {
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [from[0] + 8, from[1] + 8] });
    await this.settled();
    const end = to();
    await sendMouse({ type: 'move', position: [Math.round((from[0] + end[0]) / 2), Math.round((from[1] + end[1]) / 2)] });
    await sendMouse({ type: 'move', position: end });
    await this.settled();
    await sendMouse({ type: 'up' });
    await resetMouse();
    await this.settled();
  }

  /** A point just inside the top or bottom of a canvas item (scrolled into view), so the drop lands before or after it. */
  private edgeOf(name: string, where: Where): [number, number] {
    const item = this.card(name);
    item.scrollIntoView({ block: 'center' });
    const box = item.getBoundingClientRect();
    return [Math.round(box.left + box.width / 2), Math.round(where === 'before' ? box.top + 4 : box.bottom - 4)];
  }

  /** Drags a toolbox entry to before or after a canvas item. */
  async dragTypeTo(type: string, target: string, where: Where): Promise<void> {
    await this.dragBetween(DesignerHarness.centre(this.toolboxButton(type)), () => this.edgeOf(target, where));
  }

  /** Drags a canvas item by its handle to before or after another item. */
  async dragItemTo(name: string, target: string, where: Where): Promise<void> {
    await this.dragBetween(DesignerHarness.centre(this.canvasItem(name).querySelector('.handle')!), () => this.edgeOf(target, where));
  }

  /** Drags a canvas item to another page's tab, rests there until that page opens, and drops it before or after an item on it. */
  async dragItemThroughPage(name: string, page: string, target: string, where: Where): Promise<void> {
    const start = DesignerHarness.centre(this.canvasItem(name).querySelector('.handle')!);
    await sendMouse({ type: 'move', position: start });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [start[0] + 8, start[1] + 8] });
    await sendMouse({ type: 'move', position: DesignerHarness.centre(this.pageTab(page)) });
    await new Promise((resolve) => setTimeout(resolve, 900));
    await this.settled();
    const end = this.edgeOf(target, where);
    await sendMouse({ type: 'move', position: [end[0], end[1] - 20] });
    await sendMouse({ type: 'move', position: end });
    await this.settled();
    await sendMouse({ type: 'up' });
    await resetMouse();
    await this.settled();
  }

  /** Drags a page's tab to just before or after another page's tab. */
  async dragPageTo(page: string, target: string, where: Where): Promise<void> {
    await this.dragBetween(DesignerHarness.centre(this.pageTab(page)), () => {
      const box = this.pageTab(target).getBoundingClientRect();
      return [Math.round(where === 'before' ? box.left + 6 : box.right - 6), Math.round(box.top + box.height / 2)];
    });
  }

  /** Drags a canvas item onto a page's tab in the page navigator. */
  async dragItemToPage(name: string, page: string): Promise<void> {
    await this.dragBetween(DesignerHarness.centre(this.canvasItem(name).querySelector('.handle')!), () => DesignerHarness.centre(this.pageTab(page)));
  }

  get properties(): HTMLElement & { shadowRoot: ShadowRoot } {
    return this.root.querySelector('sipas-designer-properties') as HTMLElement & { shadowRoot: ShadowRoot };
  }

  /** The confirmation dialog's question, when one is open. */
  get confirmation(): string | undefined {
    const dialog = this.root.querySelector<HTMLDialogElement>('dialog.confirm');
    return dialog?.open ? dialog.querySelector('#confirm-text')!.textContent!.trim() : undefined;
  }

  async answerConfirmation(yes: boolean): Promise<void> {
    await this.click(this.root.querySelector(yes ? '.confirm-yes' : '.confirm-no')!);
  }
}
