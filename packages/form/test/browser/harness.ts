/**
 * Drives a <sipas-form> in tests the way a respondent does, so tests say what happens rather than
 * how the shadow DOM is built (Material's harness idea).
 */
import { fixture, html } from '@open-wc/testing';
import type { Questionnaire } from '@sipas/schema';
import '../../src/index.js';
import type { SipasForm } from '../../src/index.js';

/** Questionnaires from the repository's shared fixtures folder, served by the test server. */
export async function loadFixture(name: string): Promise<Questionnaire> {
  const reply = await fetch(`/fixtures/questionnaires/valid/${name}.json`);
  if (!reply.ok) throw new Error(`fixture ${name}: HTTP ${reply.status}`);
  return (await reply.json()) as Questionnaire;
}

/** A fresh questionnaire id per test, so drafts and outbox entries of one test never leak into another. */
export function isolated(questionnaire: Questionnaire): Questionnaire {
  return { ...structuredClone(questionnaire), id: `${questionnaire.id}-${crypto.randomUUID().slice(0, 8)}` };
}

export async function renderForm(questionnaire: Questionnaire, attributes: { lang?: string; endpoint?: string; mode?: string } = {}): Promise<FormHarness> {
  const element = await fixture<SipasForm>(
    html`<sipas-form .questionnaire=${questionnaire} lang=${attributes.lang ?? 'vi'} mode=${attributes.mode ?? 'online'} endpoint=${attributes.endpoint ?? ''}></sipas-form>`,
  );
  const harness = new FormHarness(element);
  await harness.settled();
  return harness;
}

export class FormHarness {
  constructor(readonly element: SipasForm) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Waits until the form and every question element have rendered (drafts load asynchronously). */
  async settled(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await this.element.updateComplete;
      const loading = this.root.querySelector('.loading');
      if (!loading && this.root.querySelector('.form')?.childElementCount) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all([...this.root.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('[name]')].map((node) => node.updateComplete));
    await this.element.updateComplete;
  }

  question(name: string): HTMLElement {
    const node = [...this.root.querySelectorAll<HTMLElement & { name?: string }>('.page > section > *')].find((candidate) => candidate.name === name);
    if (!node) throw new Error(`question ${name} is not shown`);
    return node;
  }

  isShown(name: string): boolean {
    return [...this.root.querySelectorAll<HTMLElement & { name?: string }>('.page > section > *')].some((candidate) => candidate.name === name);
  }

  /** The first control of a question (text box, select, first radio or check box). */
  control(name: string): HTMLInputElement {
    const control = this.question(name).querySelector<HTMLInputElement>('input, select, textarea');
    if (!control) throw new Error(`question ${name} has no control`);
    return control;
  }

  /** The radio or check box whose visible label is `label`. */
  option(name: string, label: string): HTMLInputElement {
    const choice = [...this.question(name).querySelectorAll('label.choice')].find((node) => node.querySelector('.choice-text')?.textContent?.trim() === label);
    if (!choice) throw new Error(`question ${name} has no option "${label}"`);
    return choice.querySelector('input')!;
  }

  errorText(name: string): string {
    return this.question(name).querySelector('.errors')?.textContent?.trim() ?? '';
  }

  button(part: 'next-button' | 'back-button' | 'submit-button' | 'new-button' | 'start-over-button'): HTMLButtonElement {
    const button = this.root.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    if (!button) throw new Error(`no ${part}`);
    return button;
  }

  hasButton(part: string): boolean {
    return this.root.querySelector(`[part~="${part}"]`) !== null;
  }

  async click(part: Parameters<FormHarness['button']>[0]): Promise<void> {
    this.button(part).click();
    await this.settled();
  }

  pageHeading(): string {
    return this.root.querySelector('.page-heading')?.textContent?.trim() ?? '';
  }

  /** The element that has the keyboard, looking through the form's shadow root. */
  focused(): Element | null {
    return this.root.activeElement;
  }

  text(): string {
    return this.root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }
}

/** Collects the events of one type fired by an element. */
export function record<T>(target: EventTarget, type: string): T[] {
  const seen: T[] = [];
  target.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}
