/**
 * Drives a <sipas-designer-properties> the way an author does: find a control by its visible
 * label, type, tick, choose, press buttons. It plays the shell too: each requested edit is applied
 * and the panel re-rendered with the new document, as <sipas-designer> does.
 */
import { fixture, html } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { designerTypes, type DesignerTypeCatalog } from '../../src/model/question-catalog.js';
import '../../src/components/properties/index.js';
import type { SipasDesignerProperties, DesignerRenameDetail } from '../../src/components/properties/index.js';
import type { DesignerEdit, Selection } from '../../src/model/edit.js';

export interface RenderOptions {
  lang?: string;
  editLanguage?: string;
  /** Apply each edit and hand the panel the new document (default true). */
  applyEdits?: boolean;
  /** The designer's question types and toolbox entries (the shared ones by default). */
  types?: CoreTypeRegistry;
  catalog?: DesignerTypeCatalog;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Every shadow root under (and including) the element's. */
function shadowRoots(root: ShadowRoot): ShadowRoot[] {
  const nested = [...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? shadowRoots(element.shadowRoot) : []));
  return [root, ...nested];
}

const labelText = (label: Element): string => (label.textContent ?? '').replace(/\s*\*\s*$/, '').replace(/\s+/g, ' ').trim();

export class PropertiesHarness {
  readonly edits: DesignerEdit[] = [];
  readonly renames: DesignerRenameDetail[] = [];
  /** The documents, first the one rendered, then one per applied edit. */
  readonly documents: Questionnaire[];

  constructor(
    readonly element: SipasDesignerProperties,
    questionnaire: Questionnaire,
    applyEdits: boolean,
  ) {
    this.documents = [questionnaire];
    element.addEventListener('sipas-designer-edit', (event) => {
      this.edits.push(event.detail);
      if (!applyEdits) return;
      const next = event.detail.apply(this.questionnaire);
      this.documents.push(next);
      element.questionnaire = next;
    });
    element.addEventListener('sipas-designer-rename', (event) => this.renames.push(event.detail));
  }

  static async render(questionnaire: Questionnaire, selection: Selection, options: RenderOptions = {}): Promise<PropertiesHarness> {
    const element = await fixture<SipasDesignerProperties>(
      html`<sipas-designer-properties
        lang=${options.lang ?? 'vi'}
        edit-language=${options.editLanguage ?? 'vi'}
        .questionnaire=${questionnaire}
        .selection=${selection}
        .types=${options.types ?? coreTypes}
        .catalog=${options.catalog ?? designerTypes}
      ></sipas-designer-properties>`,
    );
    const harness = new PropertiesHarness(element, questionnaire, options.applyEdits ?? true);
    await harness.settled();
    return harness;
  }

  get questionnaire(): Questionnaire {
    return this.documents.at(-1)!;
  }

  get lastEdit(): DesignerEdit | undefined {
    return this.edits.at(-1);
  }

  /** Waits for the panel and its editors to render. */
  async settled(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await this.element.updateComplete;
      const nested = shadowRoots(this.element.shadowRoot!).map((root) => root.host as HTMLElement & { updateComplete?: Promise<unknown> });
      await Promise.all(nested.map((host) => host.updateComplete));
    }
  }

  private roots(): ShadowRoot[] {
    return shadowRoots(this.element.shadowRoot!);
  }

  /** All controls whose label reads exactly `label` (the required star left out). */
  controls(label: string): Control[] {
    return this.roots().flatMap((root) =>
      [...root.querySelectorAll('label')]
        .filter((candidate) => labelText(candidate) === label)
        .flatMap((candidate) => {
          const control = candidate.htmlFor ? root.getElementById(candidate.htmlFor) : candidate.querySelector('input, select, textarea');
          return control ? [control as Control] : [];
        }),
    );
  }

  /** The one control labelled `label`; throws when there is none. */
  control(label: string): Control {
    const [found] = this.controls(label);
    if (!found) throw new Error(`No control labelled “${label}”; labels: ${this.labels().join(' | ')}`);
    return found;
  }

  labels(): string[] {
    return this.roots().flatMap((root) => [...root.querySelectorAll('label')].map(labelText));
  }

  /** Buttons by visible text or accessible name. */
  button(name: string): HTMLButtonElement {
    const found = this.roots()
      .flatMap((root) => [...root.querySelectorAll('button')])
      .find((button) => button.getAttribute('aria-label') === name || (button.textContent ?? '').trim() === name);
    if (!found) throw new Error(`No button “${name}”`);
    return found;
  }

  legends(): string[] {
    return [...this.element.shadowRoot!.querySelectorAll('fieldset.group > legend')].map((legend) => (legend.textContent ?? '').trim());
  }

  /** Visible error messages, wherever they are. */
  errors(): string[] {
    return this.roots().flatMap((root) => [...root.querySelectorAll('.error-text')].map((error) => (error.textContent ?? '').trim()));
  }

  text(): string {
    return this.roots()
      .map((root) => root.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ');
  }

  async type(label: string, text: string, index = 0): Promise<void> {
    const control = this.controls(label)[index];
    if (!control) throw new Error(`No control labelled “${label}” at ${index}; labels: ${this.labels().join(' | ')}`);
    control.focus();
    control.value = text;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settled();
  }

  /** Types and leaves the field (a `change`, as when the author presses Enter or Tab). */
  async commit(label: string, text: string): Promise<void> {
    await this.type(label, text);
    this.control(label).dispatchEvent(new Event('change', { bubbles: true }));
    await this.settled();
  }

  async choose(label: string, optionText: string): Promise<void> {
    const select = this.control(label) as HTMLSelectElement;
    const option = [...select.options].find((candidate) => (candidate.textContent ?? '').trim() === optionText || candidate.value === optionText);
    if (!option) throw new Error(`No option “${optionText}” in “${label}”: ${[...select.options].map((o) => o.textContent?.trim()).join(' | ')}`);
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await this.settled();
  }

  async toggle(label: string): Promise<void> {
    const box = this.control(label) as HTMLInputElement;
    box.click();
    await this.settled();
  }

  async press(name: string): Promise<void> {
    this.button(name).click();
    await this.settled();
  }

  options(label: string): string[] {
    return [...(this.control(label) as HTMLSelectElement).options].map((option) => (option.textContent ?? '').trim());
  }

  /** The element with focus, through the shadow roots. */
  focused(): Element | null {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  /**
   * The expression editor labelled `label`; an empty condition shows a button first, which is
   * pressed (another part builds the editor; here it is a plain element).
   */
  async expressionEditor(label: string): Promise<HTMLElement & { value?: string; subject?: string; questionnaire?: Questionnaire }> {
    const find = () =>
      this.roots()
        .flatMap((root) => [...root.querySelectorAll<HTMLElement>('sipas-expression-editor')])
        .find((editor) => editor.getAttribute('label') === label);
    if (!find()) {
      const opener = this.roots()
        .flatMap((root) => [...root.querySelectorAll<HTMLButtonElement>('button.add-condition')])
        .find((button) => button.closest('.condition-closed')?.querySelector('.condition-label')?.textContent?.trim() === label);
      opener?.click();
      await this.settled();
    }
    const found = find();
    if (!found) throw new Error(`No expression editor “${label}”`);
    return found;
  }

  async setExpression(label: string, value: string | undefined): Promise<void> {
    (await this.expressionEditor(label)).dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true }));
    await this.settled();
  }
}
