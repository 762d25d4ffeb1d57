// <sipas-form mode="entry">: clerks typing paper forms into <sipas-entry-sheet> with the keyboard
// alone. Keys go through the browser (sendKeys), so what is tested is what a clerk's keyboard does.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { checkResponse, seededRandom, simulateResponse } from '@sipas/core';
import { sipas2640 } from '@sipas/templates';
import { validateResponse, type Answer, type Questionnaire, type Response } from '@sipas/schema';
import { isolated, record, renderForm, type FormHarness } from './harness.js';
import type { SipasErrorDetail, SipasSubmitDetail } from '../../src/index.js';
import type { SipasEntrySheet } from '../../src/modes/entry/index.js';
import { planKeys, type KeyStroke, type PaperForm } from '../../src/modes/entry/key-plan.js';
import { codedOptions } from '../../src/modes/entry/entry-steps.js';
import { SerialRegistry } from '../../src/modes/entry/serial-registry.js';
import { Outbox } from '../../src/outbox/index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

type Payload = Record<string, unknown> | undefined;
const collector = <R = boolean>(command: string, payload?: Payload) => executeServerCommand<R, Payload>(command, payload);
const uniqueSerial = () => `T${crypto.randomUUID().slice(0, 8).toUpperCase()}`;

/** Drives the sheet as a clerk does: keys in, what the sheet shows and says out. */
class EntryHarness {
  presses = 0;

  constructor(
    readonly form: FormHarness,
    readonly sheet: SipasEntrySheet,
  ) {}

  get root(): ShadowRoot {
    return this.sheet.shadowRoot!;
  }

  async settled(): Promise<void> {
    await this.form.element.updateComplete;
    await this.sheet.updateComplete;
    await this.sheet.updateComplete;
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.presses++;
      await sendKeys({ press: key });
      await this.settled();
    }
  }

  async type(text: string): Promise<void> {
    await sendKeys({ type: text });
    await this.settled();
  }

  async keys(strokes: readonly KeyStroke[]): Promise<void> {
    for (const stroke of strokes) {
      if ('press' in stroke) await this.press(stroke.press);
      else await this.type(stroke.type);
    }
  }

  /** The item id (or `serial`, `submit`) that has the keyboard. */
  focused(): string | undefined {
    const active = this.root.activeElement as HTMLElement | null;
    if (!active) return undefined;
    if (active.id === 'serial') return 'serial';
    if (active.classList.contains('submit')) return 'submit';
    return active.dataset.step ?? active.dataset.difference ?? active.id;
  }

  item(id: string): HTMLElement {
    const input = this.root.querySelector<HTMLElement>(`[data-step="${CSS.escape(id)}"]`);
    if (!input) throw new Error(`item ${id} is not shown`);
    return input.closest('li')!;
  }

  isShown(id: string): boolean {
    return this.root.querySelector(`[data-step="${CSS.escape(id)}"]`) !== null;
  }

  marker(id: string): string {
    return this.item(id).querySelector('.mark')?.textContent?.trim() ?? '';
  }

  value(id: string): string {
    return this.item(id).querySelector('.value')?.textContent?.trim() ?? '';
  }

  status(): string {
    return this.root.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  alert(): string {
    return this.root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  }

  text(): string {
    return this.root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  /** A key with a modifier held: `Control`+`Enter`, `Shift`+`Tab`. */
  async chord(modifier: 'Control' | 'Shift', key: string): Promise<void> {
    await sendKeys({ down: modifier });
    await sendKeys({ press: key });
    await sendKeys({ up: modifier });
    await this.settled();
  }

  /** Ctrl+Enter. */
  async saveFromAnywhere(): Promise<void> {
    await this.chord('Control', 'Enter');
  }

  /** Focuses the serial as a fresh sheet does, types it and Enter. */
  async serial(serial: string): Promise<void> {
    await until(() => this.focused() === 'serial', 'the serial to have the keyboard');
    await this.type(serial);
    await this.press('Enter');
  }
}

async function entrySheet(questionnaire: Questionnaire, attributes: { endpoint?: string; lang?: string } = {}): Promise<EntryHarness> {
  const form = await renderForm(questionnaire, { mode: 'entry', ...attributes });
  const sheet = await until(() => form.root.querySelector('sipas-entry-sheet'), 'the entry sheet');
  await until(() => sheet.shadowRoot?.querySelector('#serial'), 'the sheet to render');
  const harness = new EntryHarness(form, sheet);
  await harness.settled();
  // The device's memory of serials is read once, asynchronously.
  await until(() => /Trên máy này|On this device/.test(harness.text()), 'the device count');
  return harness;
}

/** A paper form as a respondent filled it in (seeded), with some items left blank and some ticked twice. */
function paperOf(seed: number, spoiled: string[] = [], blank: string[] = []): PaperForm & { expected: Record<string, Answer> } {
  const { answers } = simulateResponse(sipas2640, { random: seededRandom(seed), channels: ['paper'] });
  const expected = structuredClone(answers) as Record<string, Answer>;
  for (const item of [...spoiled, ...blank]) {
    const [name, row] = item.split('.') as [string, string | undefined];
    if (row === undefined) delete expected[name];
    else {
      const rows = { ...(expected[name] as Record<string, Answer>) };
      delete rows[row];
      expected[name] = rows as Answer;
    }
  }
  return { serial: uniqueSerial(), answers: expected, spoiled, expected };
}

describe('data-entry mode', () => {
  describe('accessibility', () => {
    it('should be accessible: the form, and the sheet with blank and spoiled markers', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('001');
      await entry.press('0', '*', '2');
      await expect(entry.form.element).shadowDom.to.be.accessible();
      await expect(entry.sheet).shadowDom.to.be.accessible();
    });

    it('should label each item box with its number and statement', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const box = entry.item('A_criteria.A2').querySelector('input')!;
      const labels = box.getAttribute('aria-labelledby')!.split(' ').map((id) => entry.root.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim());
      expect(labels[0]).to.match(/^Câu 8:/);
      expect(labels[1]).to.match(/^Câu 8\.2: A2/);
    });
  });

  describe('keyboard', () => {
    it('should start at the serial number and go to the first item on Enter or Tab', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('0042');
      expect(entry.focused()).to.equal('gender');
      await entry.press('Backspace');
      expect(entry.focused()).to.equal('serial');
      await entry.press('Tab');
      expect(entry.focused()).to.equal('gender');
    });

    it('should enter a 2640 paper form by keys alone in at most one key per item plus three', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      const paper = paperOf(11);
      const plan = planKeys(entry.form.element.questionnaire!, paper);
      await until(() => entry.focused() === 'serial', 'the serial');
      entry.presses = 0;
      await entry.keys(plan.keys);
      await until(() => submitted.length === 1, 'the submission');

      expect(entry.presses).to.equal(plan.presses);
      expect(entry.presses, `${entry.presses} keys for ${plan.items} items`).to.be.at.most(plan.items + 3);
      const { response } = submitted[0]!;
      expect(response.channel).to.equal('paper');
      expect(response.answers).to.deep.equal(paper.expected);
      expect(response.paper).to.deep.equal({ serial: paper.serial, sample: 'official' });
      expect(validateResponse(entry.form.element.questionnaire!, response).valid).to.equal(true);
      // Ready for the next form: the serial is empty and has the keyboard; the count went up.
      await until(() => entry.focused() === 'serial', 'the serial again');
      expect((entry.root.querySelector('#serial') as HTMLInputElement).value).to.equal('');
      expect(entry.text()).to.contain('Đã nhập trong phiên: 1 phiếu');
      expect(entry.status()).to.contain(`Đã lưu phiếu số ${paper.serial}`);
    });

    it('should confirm each pick in the live region and show its label', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('7');
      await entry.press('2');
      expect(entry.status()).to.equal('Câu 1: Nữ');
      expect(entry.value('gender')).to.equal('Nữ');
      expect(entry.focused()).to.equal('age_group');
    });

    it('should go back one item with Backspace, and a new digit corrects the answer', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('8');
      await entry.press('1', '3');
      expect(entry.focused()).to.equal('ethnicity');
      await entry.press('Backspace');
      expect(entry.focused()).to.equal('age_group');
      await entry.press('2');
      expect(entry.form.element.data.age_group).to.equal('25_34');
      expect(entry.focused()).to.equal('ethnicity');
      await entry.press('Backspace', 'Backspace', 'Backspace');
      expect(entry.focused()).to.equal('serial');
    });

    it('should skip items hidden by an answer and show them when the answer reveals them', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('9');
      entry.item('feedback_given').querySelector('input')!.focus();
      await entry.press('2');
      expect(entry.isShown('E_criteria.E1')).to.equal(false);
      expect(entry.focused()).to.equal('overall_satisfaction');
      await entry.press('Backspace', '1');
      expect(entry.focused()).to.equal('E_criteria.E1');
    });

    it('should type the "other" text right after "other" is picked', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('10');
      await entry.press('1', '1');
      await entry.press('2'); // ethnicity: 1 Kinh, 2 other
      expect(entry.focused()).to.equal('ethnicity-other');
      await entry.type('Tày');
      await entry.press('Enter');
      expect(entry.form.element.data).to.deep.include({ ethnicity: 'other', 'ethnicity-other': 'Tày' });
      expect(entry.focused()).to.equal('education');
    });

    it('should pick from a long list by code (waiting while a longer code may follow) or by a few letters', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('11');
      entry.item('service_field_used').querySelector('input')!.focus();
      await entry.press('1');
      expect(entry.focused()).to.equal('service_field_used');
      await entry.press('3');
      const thirteenth = codedOptions(sipas2640, sipas2640.pages[1]!.sections[1]!.questions[0]!, 'vi').find((option) => option.code === '13')!;
      expect(entry.form.element.data.service_field_used).to.equal(thirteenth.value);
      expect(entry.value('service_field_used')).to.equal(thirteenth.label);
      expect(entry.focused()).to.equal('agency_unit');
      await entry.press('Backspace');
      await entry.type('xay dung');
      const listbox = entry.item('service_field_used').querySelector('[role="listbox"]')!;
      expect(listbox.hasAttribute('hidden')).to.equal(false);
      expect(listbox.textContent).to.contain('Xây dựng');
      await expect(entry.sheet).shadowDom.to.be.accessible();
      await entry.press('Enter');
      expect(entry.value('service_field_used')).to.equal('Xây dựng');
      expect(entry.focused()).to.equal('agency_unit');
    });

    it('should toggle multiple choices with digits, move on with Enter, and by itself at the most allowed', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('12');
      entry.item('expectations').querySelector('input')!.focus();
      await entry.press('1', '3', '3');
      expect(entry.form.element.data.expectations).to.deep.equal(['information_channels']);
      await entry.press('Enter');
      expect(entry.focused()).to.equal('comments');
      await entry.press('Backspace', '2', '4');
      expect(entry.focused()).to.equal('comments', 'three ticks is the most allowed');
      expect((entry.form.element.data.expectations as string[]).length).to.equal(3);
    });

    it('should keep the enumerator and sample across forms', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      await until(() => entry.focused() === 'serial', 'the serial');
      // Shift+Tab goes back past the double-entry box and the sample to the enumerator.
      for (let i = 0; i < 3; i++) await entry.chord('Shift', 'Tab');
      expect(entry.focused()).to.equal('enumerator');
      await entry.type('DTV-07');
      await entry.press('Enter', '2', 'Enter');
      expect(entry.focused()).to.equal('serial');
      for (const serial of ['A1', 'A2']) {
        await entry.serial(serial);
        entry.item('comments').querySelector('textarea')!.focus();
        await entry.press('Enter');
        // Items never visited are not entered: the sheet says which and goes there.
        expect(entry.alert()).to.contain('Câu 1 chưa nhập');
        expect(entry.focused()).to.equal('gender');
        for (let i = 0; i < 40 && entry.focused() !== 'serial'; i++) await entry.press(entry.focused() === 'comments' ? 'Enter' : '0');
      }
      await until(() => submitted.length === 2, 'two submissions');
      expect(submitted.map(({ response }) => response.paper)).to.deep.equal([
        { serial: 'A1', enumerator: 'DTV-07', sample: 'reserve' },
        { serial: 'A2', enumerator: 'DTV-07', sample: 'reserve' },
      ]);
    });
  });

  describe('refusals and language', () => {
    it('should show the engine’s refusal at its item and save once it is corrected', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      await entry.serial('14');
      for (let i = 0; i < 40 && entry.focused() !== 'comments'; i++) await entry.press('0');
      // Four boxes ticked where three are allowed: 1 2 3 moves on by itself, a fourth is added after.
      await entry.press('Backspace', '1', '2', '3', 'Backspace', '4');
      expect((entry.form.element.data.expectations as string[]).length).to.equal(4);
      await entry.press('Enter');
      await until(() => entry.alert(), 'the refusal');
      expect(submitted.length).to.equal(0);
      expect(entry.alert()).to.equal('Phiếu chưa lưu được: Câu 20: Ông/Bà chọn tối đa 3 nội dung.');
      await entry.settled();
      expect(entry.focused()).to.equal('expectations');
      expect(entry.item('expectations').querySelector('.error')!.textContent).to.contain('tối đa 3');
      await entry.press('4', 'Enter');
      await until(() => submitted.length === 1, 'the corrected form');
      expect(submitted[0]!.response.answers.expectations).to.have.length(3);
    });

    it('should speak English with lang="en"', async () => {
      const entry = await entrySheet(isolated(sipas2640), { lang: 'en' });
      expect(entry.text()).to.contain('Form serial number');
      await entry.serial('15');
      await entry.press('2', '-', '*');
      expect(entry.value('gender')).to.equal('Female');
      expect(entry.marker('age_group')).to.equal('Blank');
      expect(entry.status()).to.equal('Item 3: spoiled, several boxes ticked');
    });
  });

  describe('blank and spoiled markers', () => {
    it('should show the markers and send blanks as absent answers and spoiled items in paper.spoiled', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      const spoiled = ['age_group', 'A_criteria.A2', 'B_satisfaction'];
      const paper = paperOf(5, spoiled, ['gender', 'C_criteria.C1', 'comments']);
      const plan = planKeys(entry.form.element.questionnaire!, paper);
      // Type all but the last key (Enter on the last item saves), to look at the sheet first.
      await until(() => entry.focused() === 'serial', 'the serial');
      await entry.keys(plan.keys.slice(0, -1));
      expect(entry.marker('gender')).to.equal('Bỏ trống');
      expect(entry.marker('age_group')).to.equal('Hỏng (nhiều ô)');
      expect(entry.marker('A_criteria.A2')).to.equal('Hỏng (nhiều ô)');
      expect(entry.item('A_criteria.A2').classList.contains('spoiled')).to.equal(true);
      expect(entry.marker('C_criteria.C1')).to.equal('Bỏ trống');
      expect(entry.item('age_group').querySelector('input')!.getAttribute('aria-describedby')).to.contain('m-age_group');
      await entry.keys(plan.keys.slice(-1));
      await until(() => submitted.length === 1, 'the submission');
      const { response } = submitted[0]!;
      expect(response.answers).to.deep.equal(paper.expected);
      expect(response.answers).not.to.have.property('gender');
      expect(response.answers).not.to.have.property('age_group');
      expect(response.answers.A_criteria).not.to.have.property('A2');
      expect(response.paper!.spoiled).to.deep.equal(spoiled);
      const questionnaire = entry.form.element.questionnaire!;
      expect(validateResponse(questionnaire, response).errors).to.deep.equal([]);
      expect(checkResponse(questionnaire, response).errors).to.deep.equal([]);
    });

    it('should clear a marker when the item is answered after all', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      await entry.serial('13');
      await entry.press('*', 'Backspace');
      expect(entry.marker('gender')).to.equal('Hỏng (nhiều ô)');
      await entry.press('1');
      expect(entry.marker('gender')).to.equal('');
      expect(entry.form.element.data.gender).to.equal('male');
    });
  });

  describe('duplicate serial numbers', () => {
    it('should catch a serial already entered on this device, at the serial and again on saving', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      const paper = paperOf(21);
      await until(() => entry.focused() === 'serial', 'the serial');
      await entry.keys(planKeys(entry.form.element.questionnaire!, paper).keys);
      await until(() => submitted.length === 1 && entry.focused() === 'serial', 'the first submission');

      await entry.type(paper.serial.toLowerCase());
      await entry.press('Enter');
      expect(entry.focused()).to.equal('serial');
      expect(entry.alert()).to.contain(`Số phiếu ${paper.serial} đã được nhập trên máy này`);
      expect(entry.root.querySelector('#serial')!.getAttribute('aria-invalid')).to.equal('true');
      expect(entry.text()).to.contain('Trên máy này: 1 phiếu');

      // Typed on anyway (Ctrl+Enter saves from anywhere): still refused, nothing submitted.
      await entry.saveFromAnywhere();
      expect(entry.alert()).to.contain('đã được nhập trên máy này');
      expect(submitted.length).to.equal(1);
    });

    it('should show the collector’s 409 for a serial entered on another device', async () => {
      const url = await collector<string>('collector-url');
      const endpoint = `${url}/api/v1/responses`;
      const paper = paperOf(31);
      // Another device delivered form <serial> already.
      const elsewhere: Response = { ...simulateResponse(sipas2640, { random: seededRandom(32), channels: ['paper'] }), responseId: crypto.randomUUID(), paper: { serial: paper.serial } };
      const posted = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(elsewhere) });
      expect(posted.status).to.equal(201);

      const entry = await entrySheet(structuredClone(sipas2640), { endpoint });
      const refused = record<SipasErrorDetail>(entry.form.element, 'sipas-error');
      await until(() => entry.focused() === 'serial', 'the serial');
      await entry.keys(planKeys(entry.form.element.questionnaire!, paper).keys);
      await until(() => refused.length === 1, 'the refusal');
      expect(refused[0]!.kind).to.equal('rejected');
      expect(refused[0]!.errors).to.deep.include({ path: '/paper/serial', code: 'duplicate-serial', message: refused[0]!.errors[0]!.message });
      await entry.settled();
      expect(entry.alert()).to.contain(`Máy chủ đã có phiếu số ${paper.serial} (trùng số phiếu)`);
      expect(entry.root.querySelector('.log .rejected')!.textContent).to.contain(paper.serial);
      const stored = (await collector<Response[]>('collector-responses')).filter((response) => response.paper?.serial === paper.serial);
      expect(stored.map((response) => response.responseId)).to.deep.equal([elsewhere.responseId]);

      // Reopened, the clerk corrects the serial (a typo) and saves: accepted.
      const sent = record<unknown>(entry.form.element, 'sipas-sent');
      (entry.root.querySelector('.log button') as HTMLButtonElement).click();
      await entry.settled();
      expect(entry.focused()).to.equal('serial');
      await entry.type(`${paper.serial}B`);
      await entry.saveFromAnywhere();
      await until(() => sent.length === 1, 'the corrected form to be sent');
      const corrected = (await collector<Response[]>('collector-responses')).find((response) => response.paper?.serial === `${paper.serial}B`);
      expect(corrected!.answers).to.deep.equal(paper.expected);
      await collector('collector-reset');
    });

    it('should show a refusal no longer in the log after a reload, free its serial and keep the refused copy until the correction is saved', async () => {
      const url = await collector<string>('collector-url');
      const endpoint = `${url}/api/v1/responses`;
      const paper = paperOf(33);
      const elsewhere: Response = { ...simulateResponse(sipas2640, { random: seededRandom(34), channels: ['paper'] }), responseId: crypto.randomUUID(), paper: { serial: paper.serial } };
      expect((await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(elsewhere) })).status).to.equal(201);
      const refusedCopy = async (responseId: string) => {
        const outbox = await Outbox.open();
        try {
          return (await outbox.pending()).find((entry) => entry.responseId === responseId);
        } finally {
          await outbox.close();
        }
      };

      const first = await entrySheet(structuredClone(sipas2640), { endpoint });
      const refused = record<SipasErrorDetail>(first.form.element, 'sipas-error');
      await until(() => first.focused() === 'serial', 'the serial');
      await first.keys(planKeys(first.form.element.questionnaire!, paper).keys);
      await until(() => refused.length === 1, 'the refusal');
      const refusedId = refused[0]!.responseId!;
      first.form.element.remove();
      // As on a device where the refusal came while no sheet was open: the serial still claimed.
      const registry = await SerialRegistry.open();
      await registry.claim(sipas2640.id, paper.serial, refusedId);

      // A reload: a fresh sheet, with nothing in its log but what the outbox kept.
      const entry = await entrySheet(structuredClone(sipas2640), { endpoint });
      const line = await until(() => [...entry.root.querySelectorAll('.log li.rejected')].find((li) => li.textContent!.includes(paper.serial)), 'the refused form in the log');
      expect(line.textContent).to.contain(refused[0]!.errors[0]!.message.vi);
      expect(line.querySelector('button')!.textContent).to.contain(paper.serial);
      expect(await registry.serial(sipas2640.id, paper.serial)).to.equal(undefined, 'the serial is free on the device');
      expect((await refusedCopy(refusedId))?.state).to.equal('rejected');

      // Reopened: still in the outbox until the corrected form is saved.
      line.querySelector('button')!.click();
      await entry.settled();
      expect(entry.focused()).to.equal('serial');
      expect((entry.root.querySelector('#serial') as HTMLInputElement).value).to.equal(paper.serial);
      expect(await refusedCopy(refusedId)).not.to.equal(undefined);
      await entry.type(`${paper.serial}C`);
      await entry.saveFromAnywhere();
      await until(() => entry.status().includes(`${paper.serial}C`), 'the corrected form saved');
      for (let i = 0; i < 100 && (await refusedCopy(refusedId)); i++) await pause(20);
      expect(await refusedCopy(refusedId)).to.equal(undefined);
      expect([...entry.root.querySelectorAll('.log li.rejected')].some((li) => li.textContent!.includes(paper.serial))).to.equal(false);
      for (let i = 0; i < 100 && !(await collector<Response[]>('collector-responses')).some((response) => response.paper?.serial === `${paper.serial}C`); i++) await pause(50);
      const corrected = (await collector<Response[]>('collector-responses')).find((response) => response.paper?.serial === `${paper.serial}C`);
      expect(corrected!.answers).to.deep.equal(paper.expected);
      await collector('collector-reset');
    });
  });

  describe('double entry', () => {
    it('should keep the first entry, compare the second, let the clerk pick per item and send one response', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      (entry.root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
      await entry.settled();
      const paper = paperOf(41);
      const questionnaire = entry.form.element.questionnaire!;
      await until(() => entry.focused() === 'serial', 'the serial');
      await entry.keys(planKeys(questionnaire, paper).keys);
      await until(() => entry.status().includes('lần nhập 1'), 'the first entry kept');
      expect(submitted.length).to.equal(0, 'a first entry is not sent');
      expect(entry.text()).to.contain(`Chờ nhập lần 2: ${paper.serial}`);

      // The second clerk reads two items differently.
      const misread = structuredClone(paper);
      const rows = misread.answers.A_criteria as Record<string, number>;
      rows.A1 = rows.A1 === 1 ? 2 : 1;
      misread.answers.gender = misread.answers.gender === 'male' ? 'female' : 'male';
      await until(() => entry.focused() === 'serial', 'the serial');
      await entry.keys(planKeys(questionnaire, misread).keys);
      await until(() => entry.root.querySelector('.differences'), 'the differences');
      expect(submitted.length).to.equal(0);
      const differences = [...entry.root.querySelectorAll('.difference legend')].map((legend) => legend.textContent!.trim());
      expect(differences).to.have.length(2);
      expect(differences[0]).to.match(/^Câu 1 —/);
      expect(differences[1]).to.match(/^Câu 8\.1 — A1:/);
      await expect(entry.sheet).shadowDom.to.be.accessible();

      // Keys: 1 keeps the first entry's gender, 2 the second's A1; Enter saves one response.
      expect(entry.focused()).to.equal('gender');
      await entry.press('1', '2', 'Enter');
      await until(() => submitted.length === 1, 'one submission');
      const { response } = submitted[0]!;
      expect(response.answers.gender).to.equal(paper.answers.gender);
      expect((response.answers.A_criteria as Record<string, number>).A1).to.equal(rows.A1);
      expect(response.paper!.serial).to.equal(paper.serial);
      await pause(100);
      expect(submitted.length).to.equal(1);
      expect(entry.text()).not.to.contain('Chờ nhập lần 2');
    });

    it('should send a second entry that matches the first at once', async () => {
      const entry = await entrySheet(isolated(sipas2640));
      const submitted = record<SipasSubmitDetail>(entry.form.element, 'sipas-submit');
      (entry.root.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
      await entry.settled();
      const paper = paperOf(51, ['C_satisfaction']);
      const keys = planKeys(entry.form.element.questionnaire!, paper).keys;
      for (let round = 0; round < 2; round++) {
        await until(() => entry.focused() === 'serial', 'the serial');
        await entry.keys(keys);
      }
      await until(() => submitted.length === 1, 'the submission');
      expect(submitted[0]!.response.answers).to.deep.equal(paper.expected);
      expect(submitted[0]!.response.paper!.spoiled).to.deep.equal(['C_satisfaction']);
    });
  });
});
