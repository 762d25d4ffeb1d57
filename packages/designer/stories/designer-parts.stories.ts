/**
 * The designer's parts on their own, each with a realistic document from @sipas/templates. Inside
 * <sipas-designer> the shell applies the edits a part asks for; here a small host in the story does
 * the same (apply the edit, hand the new document back, say what changed in a status line), so
 * every part can be tried by hand. Nothing leaves the page: no story sets `server`, and the preview
 * never posts (it cancels its form's submit).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Question, Questionnaire, SingleQuestion } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../src/index.js';
import { type DesignerEdit, type DesignerSelectDetail, type Selection } from '../src/index.js';
import type { ExpressionChangeDetail, SipasDesignerLogic } from '../src/components/logic/index.js';
import { setIn } from '../src/model/immutable.js';
import { locate } from '../src/model/locate.js';
import { freshDevice } from '../../form/stories/story-helpers.js';

type Language = 'vi' | 'en';
type PartArgs = { lang: Language };
type Story = StoryObj<PartArgs>;

/** Words the stories' own frames show, in the language of the story. */
const FRAME_TEXTS = {
  toolbox: { vi: 'Hộp công cụ của trình thiết kế', en: 'Designer toolbox' },
  properties: { vi: 'Bảng thuộc tính', en: 'Property panel' },
  logic: { vi: 'Bảng logic', en: 'Logic panel' },
  condition: { vi: 'Điều kiện hiển thị của câu E_criteria', en: 'Display condition of question E_criteria' },
  showWhen: { vi: 'Hiện khi', en: 'Show when' },
  translations: { vi: 'Bản dịch', en: 'Translations' },
  json: { vi: 'JSON của phiếu', en: 'Questionnaire JSON' },
  checks: { vi: 'Kiểm tra phiếu', en: 'Questionnaire checks' },
  preview: { vi: 'Xem trước', en: 'Preview' },
  lastEdit: { vi: 'Thay đổi vừa rồi: {0}', en: 'Last change: {0}' },
  lastInsert: { vi: 'Yêu cầu thêm câu hỏi loại “{0}”', en: 'Asked to add a “{0}” question' },
  lastSelect: { vi: 'Yêu cầu chọn phần tử tại {0}', en: 'Asked to select the element at {0}' },
} as const;

const frameText = (key: keyof typeof FRAME_TEXTS, lang: Language, value = ''): string => FRAME_TEXTS[key][lang].replace('{0}', value);

/** A copy of a standard questionnaire (the stories may change it; the template stays as it is). */
function template(id: string): Questionnaire {
  const questionnaire = copyTemplate(id);
  if (!questionnaire) throw new Error(`@sipas/templates has no "${id}"`);
  return questionnaire;
}

function questionIn(questionnaire: Questionnaire, name: string): Question {
  const question = questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).find((candidate) => candidate.name === name);
  if (!question) throw new Error(`${questionnaire.id} has no question "${name}"`);
  return question;
}

/** A part that shows a document and may ask for edits to it. */
type DocumentPart = HTMLElement & { questionnaire?: Questionnaire; selection?: Selection };

/** The status line of the frame an event came from. */
const statusOf = (frame: HTMLElement): HTMLElement | null => frame.querySelector(':scope > [role="status"]');

/** What <sipas-designer> does with a part's edit, in small: apply it, hand the new document back, select, tell. */
function applyPartEdit(event: CustomEvent<DesignerEdit>): void {
  const frame = event.currentTarget as HTMLElement;
  const part = frame.firstElementChild as DocumentPart | null;
  if (!part?.questionnaire) return;
  event.stopPropagation();
  part.questionnaire = event.detail.apply(part.questionnaire);
  if (event.detail.select && 'selection' in part) part.selection = event.detail.select;
  const status = statusOf(frame);
  if (status) status.textContent = frameText('lastEdit', (frame.lang || 'vi') as Language, event.detail.label);
}

/** A part asked to select something (a check, a reference): here only said, there is no canvas. */
function reportSelect(event: CustomEvent<DesignerSelectDetail>): void {
  const frame = event.currentTarget as HTMLElement;
  const status = statusOf(frame);
  if (status) status.textContent = frameText('lastSelect', (frame.lang || 'vi') as Language, event.detail.path);
}

/**
 * A named region around one part, with the status line a screen reader hears after each edit.
 * The part comes first: the host applies edits to the region's first element.
 */
const frame = (label: keyof typeof FRAME_TEXTS, lang: Language, part: TemplateResult, width = '100%'): TemplateResult =>
  html`<section
    aria-label=${frameText(label, lang)}
    lang=${lang}
    style="max-width: ${width}"
    @sipas-designer-edit=${applyPartEdit}
    @sipas-designer-select=${reportSelect}
  >
    ${part}
    <p role="status" style="font: 0.875rem system-ui, sans-serif; color: #4b5563; margin: 0.75rem 0 0"></p>
  </section>`;

/** The story's part once it has rendered something in its shadow root. */
async function shownPart<T extends HTMLElement>(canvasElement: HTMLElement, tag: string): Promise<T> {
  return waitFor(
    () => {
      const element = canvasElement.querySelector<T>(tag);
      if (!element?.shadowRoot?.textContent?.trim()) throw new Error(`<${tag}> shows nothing yet`);
      return element;
    },
    { timeout: 5000 },
  );
}

/**
 * Counter-3 being extended: the reason's condition names "overal" (a typo), the attitude rating
 * has no English title, and a new "how did you hear of us" question repeats a choice value and
 * has an untranslated choice.
 */
function documentWithProblems(): Questionnaire {
  const questionnaire = template('counter-3');
  questionnaire.id = 'counter-3-dang-sua';
  Object.assign(questionIn(questionnaire, 'reason'), { visibleIf: '{overal} = 1' });
  Object.assign(questionIn(questionnaire, 'attitude'), { title: 'Thái độ, cách ứng xử của công chức' });
  const heardFrom: SingleQuestion = {
    type: 'single',
    name: 'heard_from',
    title: { vi: 'Ông/Bà biết đến dịch vụ qua kênh nào?', en: 'How did you hear of the service?' },
    choices: [
      { value: 'portal', text: 'Cổng dịch vụ công' },
      { value: 'portal', text: { vi: 'Người quen giới thiệu', en: 'Someone I know' } },
    ],
  };
  questionnaire.pages[0]!.sections[0]!.questions.push(heardFrom);
  return questionnaire;
}

/** Kiosk-quick with two texts not yet translated, as a translator would receive it. */
function documentToTranslate(): Questionnaire {
  const questionnaire = template('kiosk-quick');
  Object.assign(questionIn(questionnaire, 'overall'), { title: 'Ông/Bà đánh giá chung thế nào về lần giải quyết thủ tục hôm nay?' });
  Object.assign(questionIn(questionnaire, 'comment'), { title: 'Ông/Bà có góp ý gì thêm cho chúng tôi?' });
  return questionnaire;
}

const meta: Meta<PartArgs> = {
  title: 'Designer/Parts',
  args: { lang: 'vi' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the part’s interface (`lang` attribute)' },
  },
};
export default meta;

/**
 * `<sipas-designer-toolbox>`: every question type, grouped and searchable without diacritics ("hai
 * long" finds "Hài lòng"). A click or Enter fires `sipas-toolbox-insert` (`detail.type`); the
 * designer inserts the type after the selection. Here the story's status line shows the request.
 */
export const Toolbox: Story = {
  render: ({ lang }) =>
    html`<section
      aria-label=${frameText('toolbox', lang)}
      style="max-width: 18rem"
      @sipas-toolbox-insert=${(event: CustomEvent<{ type: string }>) => {
        const status = (event.currentTarget as HTMLElement).querySelector('[role="status"]');
        if (status) status.textContent = frameText('lastInsert', lang, event.detail.type);
      }}
    >
      <sipas-designer-toolbox lang=${lang}></sipas-designer-toolbox>
      <p role="status" style="font: 0.875rem system-ui, sans-serif; color: #4b5563; margin: 0.75rem 0 0"></p>
    </section>`,
  play: async ({ canvasElement }) => {
    const toolbox = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-toolbox');
    const rating = toolbox.shadowRoot!.querySelector<HTMLButtonElement>('button[data-type="rating"]');
    await expect(rating).toBeTruthy();
    rating!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvasElement.querySelector('[role="status"]')!.textContent).toContain('rating'));
  },
};

/**
 * `<sipas-designer-properties>` with the gender question of SIPAS 2640 selected (`selection` =
 * `{ kind: 'question', name: 'gender' }`): title, description, required, choices, conditions —
 * generated from the type's JSON Schema. Edits go through `sipas-designer-edit` and are applied
 * by the story's host, so the panel can be tried: type a new title and the status line says so.
 */
export const Properties: Story = {
  render: ({ lang }) =>
    frame(
      'properties',
      lang,
      html`<sipas-designer-properties lang=${lang} .questionnaire=${template('sipas-2640')} .selection=${{ kind: 'question', name: 'gender' }}></sipas-designer-properties>`,
      '26rem',
    ),
  play: async ({ canvasElement }) => {
    const panel = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-properties');
    await expect(panel.shadowRoot!.textContent).toContain('gender');
  },
};

/**
 * `<sipas-designer-logic>` with the filter question `feedback_given` selected: where it is
 * referenced (the feedback criteria and rating appear only after a "yes"), then every condition of
 * the questionnaire. Each entry is a button that asks the designer to select its element.
 */
export const Logic: Story = {
  render: ({ lang }) =>
    frame(
      'logic',
      lang,
      html`<sipas-designer-logic lang=${lang} .questionnaire=${template('sipas-2640')} .selection=${{ kind: 'question', name: 'feedback_given' }}></sipas-designer-logic>`,
      '40rem',
    ),
  play: async ({ canvasElement }) => {
    const logic = await shownPart<SipasDesignerLogic>(canvasElement, 'sipas-designer-logic');
    await expect(logic.shadowRoot!.querySelectorAll('ul.references li').length).toBeGreaterThanOrEqual(2);
  },
};

/**
 * `<sipas-expression-editor>` editing when the feedback criteria of SIPAS 2640 are shown
 * (`value` `{feedback_given} = true`, `subject` `E_criteria`, `label` "Hiện khi"): the visual
 * builder and the expression text, each following the other, with live syntax checking. Its
 * `change` event carries a valid expression only; the story writes it into the document, and the
 * logic panel beside it (selection `feedback_given`) follows, as it would in the designer.
 */
export const ExpressionEditor: Story = {
  name: 'Expression editor',
  render: ({ lang }) => {
    let questionnaire = template('sipas-2640');
    const visibleIfPath = [...locate(questionnaire, 'E_criteria')!.path, 'visibleIf'];
    const handleChange = (event: Event) => {
      // Only the editor's own change (composed, with a detail); native ones stay in shadow roots anyway.
      if (!(event instanceof CustomEvent)) return;
      const { value } = (event as CustomEvent<ExpressionChangeDetail>).detail;
      const frameElement = event.currentTarget as HTMLElement;
      questionnaire = setIn(questionnaire, visibleIfPath, value);
      const logic = frameElement.querySelector('sipas-designer-logic');
      if (logic) logic.questionnaire = questionnaire;
      const status = statusOf(frameElement);
      if (status) status.textContent = frameText('lastEdit', lang, value ?? '—');
    };
    return html`<section aria-label=${frameText('condition', lang)} lang=${lang} style="max-width: 48rem; display: grid; gap: 1.5rem" @change=${handleChange}>
      <sipas-expression-editor
        lang=${lang}
        label=${frameText('showWhen', lang)}
        subject="E_criteria"
        .questionnaire=${questionnaire}
        .value=${'{feedback_given} = true'}
      ></sipas-expression-editor>
      <p role="status" style="font: 0.875rem system-ui, sans-serif; color: #4b5563; margin: 0"></p>
      <sipas-designer-logic lang=${lang} .questionnaire=${questionnaire} .selection=${{ kind: 'question', name: 'feedback_given' }}></sipas-designer-logic>
    </section>`;
  },
  play: async ({ canvasElement }) => {
    const editor = await shownPart<HTMLElement>(canvasElement, 'sipas-expression-editor');
    const text = editor.shadowRoot!.querySelector('textarea');
    await expect(text).toBeTruthy();
    await expect(text!.value).toBe('{feedback_given} = true');
  },
};

/**
 * `<sipas-designer-translations>`: every text of Kiosk-quick, Vietnamese and English side by side.
 * Two questions have no English title yet and are marked; "only untranslated" shows them alone,
 * and the table goes to translators as CSV and comes back.
 */
export const Translations: Story = {
  render: ({ lang }) => frame('translations', lang, html`<sipas-designer-translations lang=${lang} .questionnaire=${documentToTranslate()}></sipas-designer-translations>`),
  play: async ({ canvasElement }) => {
    const translations = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-translations');
    await expect(translations.shadowRoot!.querySelector('[part~="table"]')).toBeTruthy();
  },
};

/**
 * `<sipas-designer-json>`: Kiosk-quick as editable JSON. A syntax error shows its line and column,
 * a parsed document its validation errors; "Áp dụng" replaces the document in one undoable edit
 * (applied here by the story's host).
 */
export const Json: Story = {
  name: 'JSON',
  render: ({ lang }) => frame('json', lang, html`<sipas-designer-json lang=${lang} .questionnaire=${template('kiosk-quick')}></sipas-designer-json>`, '56rem'),
  play: async ({ canvasElement }) => {
    const json = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-json');
    const editor = json.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="editor"]');
    await expect(editor).toBeTruthy();
    await expect(JSON.parse(editor!.value).id).toBe('kiosk-quick');
  },
};

/**
 * `<sipas-designer-checks>`: Counter-3 being extended, with a condition naming a misspelt question,
 * a repeated choice value and texts without English. Errors (which stop publishing) come first,
 * then warnings; each item asks the designer to select the element at fault.
 */
export const Checks: Story = {
  render: ({ lang }) => frame('checks', lang, html`<sipas-designer-checks lang=${lang} .questionnaire=${documentWithProblems()}></sipas-designer-checks>`, '48rem'),
  play: async ({ canvasElement }) => {
    const checks = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-checks');
    await expect(checks.shadowRoot!.querySelectorAll('ul.error [part~="item"]').length).toBe(2);
    await expect(checks.shadowRoot!.querySelectorAll('ul.warning [part~="item"]').length).toBeGreaterThanOrEqual(2);
  },
};

/**
 * `<sipas-designer-preview>`: Counter-3 in a real `<sipas-form>` at phone width, with switches for
 * the device, the form's language and the collection mode. Nothing is sent: the preview gives the
 * form no endpoint and cancels its submit, showing the thank-you screen and "Làm lại".
 */
export const Preview: Story = {
  // The preview's form keeps drafts on this origin: each run starts and ends with none.
  beforeEach: freshDevice,
  render: ({ lang }) => frame('preview', lang, html`<sipas-designer-preview lang=${lang} .questionnaire=${template('counter-3')}></sipas-designer-preview>`),
  play: async ({ canvasElement }) => {
    const preview = await shownPart<HTMLElement>(canvasElement, 'sipas-designer-preview');
    await waitFor(() => expect(preview.shadowRoot!.querySelector('sipas-form')?.shadowRoot?.querySelector('[part~="page"]')).toBeTruthy(), { timeout: 5000 });
  },
};

/**
 * `<sipas-template-gallery open>`: the modal dialog "Phiếu mới" with one card per standard
 * questionnaire (title, description, number of questions, source, legal basis) and the blank
 * questionnaire. Choosing one fires `sipas-template-choose` with a copy; Escape or "Đóng" closes it.
 */
export const TemplateGallery: Story = {
  name: 'Template gallery',
  render: ({ lang }) => html`<sipas-template-gallery lang=${lang} open></sipas-template-gallery>`,
  play: async ({ canvasElement }) => {
    const gallery = await shownPart<HTMLElement>(canvasElement, 'sipas-template-gallery');
    await waitFor(() => expect(gallery.shadowRoot!.querySelector('dialog')?.open).toBe(true));
    await expect(gallery.shadowRoot!.querySelectorAll('li.card').length).toBeGreaterThanOrEqual(5);
  },
};
