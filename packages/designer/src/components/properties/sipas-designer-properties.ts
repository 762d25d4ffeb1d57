import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { QUESTIONNAIRE_SCHEMA, inLanguage, questionTypes, type Question, type Questionnaire, type SchemaFragment } from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { QUESTIONNAIRE_SELECTION, requestEdit, type Selection } from '../../model/edit.js';
import { getIn, toPointer, type PathKey } from '../../model/immutable.js';
import { usedNames } from '../../model/locate.js';
import { FIELD_GROUPS, propertyFields, withOwnTexts, type FieldGroup, type PropertyField } from '../../model/property-fields.js';
import { SCHEMA_DEFINITIONS, designerTypes, type DesignerTypeCatalog, type DesignerTypeEntry } from '../../model/question-catalog.js';
import { partStyles } from '../part-styles.js';
import { canFeedIndex, renameLeafId } from './index-links.js';
import { renderLocalizedField, translationError } from './localized-text-field.js';
import { CODE_PATTERN, elementPath, setProperty, withTranslation } from './property-edits.js';
import { hasFocusPath, PROPERTY_VALUE, type PropertyValueDetail } from './property-value-event.js';
import { enumWord, pt, type PropertiesStringKey } from './properties-strings.js';
import { LOCALE_CODE } from '../../model/values.js';

export const DESIGNER_RENAME = 'sipas-designer-rename';

export interface DesignerRenameDetail {
  from: string;
  to: string;
}

interface Draft {
  text: string;
  error?: string;
}

/** Returned by a value function when the document must not change (the typed text was refused). */
const KEEP = Symbol('keep');

const GROUP_LEGENDS: Record<FieldGroup, PropertiesStringKey> = {
  general: 'groupGeneral',
  choices: 'groupChoices',
  logic: 'groupLogic',
  validation: 'groupValidation',
  index: 'groupIndex',
};

const CONTAINER_KEYS = ['name', 'title', 'description', 'visibleIf'];
const QUESTIONNAIRE_KEYS = ['id', 'title', 'description', 'locales', 'settings'];
const MULTILINE_KEYS = new Set(['description', 'text', 'requiredMessage']);

const pick = (properties: unknown, keys: string[]): SchemaFragment =>
  Object.fromEntries(keys.flatMap((key) => (properties && typeof properties === 'object' && key in properties ? [[key, (properties as SchemaFragment)[key]]] : [])));

const QUESTIONNAIRE_FIELDS: SchemaFragment = { type: 'object', required: ['id', 'title'], properties: pick(QUESTIONNAIRE_SCHEMA.properties, QUESTIONNAIRE_KEYS) };

/** Fields are read from a schema once (schemas do not change while the page runs). */
const fieldCache = new WeakMap<SchemaFragment, PropertyField[]>();
function fieldsOf(schema: SchemaFragment, keys?: string[]): PropertyField[] {
  let fields = fieldCache.get(schema);
  if (!fields) {
    fields = propertyFields(schema, SCHEMA_DEFINITIONS);
    fieldCache.set(schema, fields);
  }
  return keys ? fields.filter((field) => keys.includes(field.key)) : fields;
}

/** A question type's fields, with its own texts for its own properties (read once per entry). */
const entryFieldCache = new WeakMap<DesignerTypeEntry, PropertyField[]>();
function fieldsOfEntry(entry: DesignerTypeEntry): PropertyField[] {
  let fields = entryFieldCache.get(entry);
  if (!fields) {
    fields = entry.properties ? withOwnTexts(fieldsOf(entry.schema), entry.properties) : fieldsOf(entry.schema);
    entryFieldCache.set(entry, fields);
  }
  return fields;
}

const idOf = (rest: readonly PathKey[]): string => `p${toPointer(rest).replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The property panel: the selected question's properties, generated from its type's JSON Schema (so
 * a custom type gets a panel without designer code), or a page's, a section's or the
 * questionnaire's. Every change is a designer edit (`requestEdit`), typing in one field coalescing
 * into one undo step; a rename is asked of the shell, which updates references.
 *
 * Text fields edit one language (`editLanguage`) and show the other beneath. Vietnamese is required
 * by the format: emptying an optional text removes the property; emptying a required one (a title)
 * or one that still has translations is refused — the field keeps what was typed, marked invalid,
 * and the document keeps its last valid text.
 *
 * @summary The properties of the selected element, generated from its JSON Schema.
 *
 * @event sipas-designer-edit - A property changed (bubbles, composed; see model/edit.ts).
 * @event sipas-designer-rename - The author renamed the element (bubbles, composed). detail: { from, to }
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerProperties extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.25rem;
      }
      .condition-closed {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .editing {
        margin: 0 0 0.75rem;
        font-size: 0.8125rem;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: 8px;
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem 0.75rem;
        display: grid;
        gap: 0.625rem;
        min-width: 0;
      }
      fieldset fieldset {
        margin: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      label {
        display: block;
        margin-bottom: 0.125rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .check label {
        margin: 0;
      }
      .hint {
        font-size: 0.8125rem;
        margin: 0.125rem 0 0;
      }
      textarea.json {
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  /** The document being designed. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** UI language, 'vi' or 'en'. */
  @property() override lang = 'vi';
  /** The element whose properties are shown. */
  @property({ attribute: false }) selection: Selection = QUESTIONNAIRE_SELECTION;
  /** Which translation the text fields edit; the other is shown as a hint. */
  @property({ attribute: 'edit-language' }) editLanguage = 'vi';
  /** The designer entries of question types (the shared catalog by default); custom types without one get a generic panel. */
  @property({ attribute: false }) catalog: DesignerTypeCatalog = designerTypes;
  /** The question types the document may use (the shared registry by default); its schemas describe custom types. */
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;

  /** Fields whose typed text is not (yet) in the document, keyed by JSON pointer inside the element. */
  @state() private drafts = new Map<string, Draft>();
  /**
   * The empty conditions opened for editing (`name` + pointer). An empty condition shows a button
   * until then: three condition editors per question made selecting a question miss the frame.
   */
  @state() private openedConditions = new Set<string>();
  /** Custom types' own property editors, by tag and property (renderOwnEditor). */
  private readonly ownEditors = new Map<string, HTMLElement>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('selection') as Selection | undefined;
    const moved = changed.has('selection') && (before?.kind !== this.selection.kind || before?.name !== this.selection.name);
    if (moved || changed.has('editLanguage')) this.drafts = new Map();
  }

  // ── what is shown ────────────────────────────────────────────────────────────

  private get hintLanguage(): string {
    if (this.editLanguage !== 'vi') return 'vi';
    return this.questionnaire?.locales?.find((locale) => locale !== 'vi') ?? 'en';
  }

  private get element(): Record<string, unknown> | undefined {
    if (!this.questionnaire) return undefined;
    const path = elementPath(this.questionnaire, this.selection);
    return path ? (getIn(this.questionnaire, path) as Record<string, unknown>) : undefined;
  }

  private fields(element: Record<string, unknown>): PropertyField[] | undefined {
    switch (this.selection.kind) {
      case 'questionnaire':
        return fieldsOf(QUESTIONNAIRE_FIELDS);
      case 'page':
        return fieldsOf(SCHEMA_DEFINITIONS.Page!, CONTAINER_KEYS);
      case 'section':
        return fieldsOf(SCHEMA_DEFINITIONS.Section!, CONTAINER_KEYS);
      case 'question': {
        const entry = this.entryOf(element);
        return entry ? fieldsOfEntry(entry) : undefined;
      }
    }
  }

  /** The schemas that describe the document's question types (custom ones included). */
  private get schemas() {
    return this.types.schemas ?? questionTypes;
  }

  private entryOf(element: Record<string, unknown>): DesignerTypeEntry | undefined {
    return this.catalog.get(String(element.type), this.types);
  }

  private ownerName(): string {
    return this.selection.kind === 'questionnaire' ? pt('theQuestionnaire', this.lang) : this.selection.name;
  }

  private setDraft(rest: readonly PathKey[], draft: Draft | undefined): void {
    const key = toPointer(rest);
    if (!draft && !this.drafts.has(key)) return;
    const drafts = new Map(this.drafts);
    if (draft) drafts.set(key, draft);
    else drafts.delete(key);
    this.drafts = drafts;
  }

  // ── edits ────────────────────────────────────────────────────────────────────

  /**
   * Asks for the change of one property. `next` computes the new value from the old one when the
   * edit is applied (the document found by name then); `merge` makes repeated edits one undo step.
   */
  private write(label: string, rest: readonly PathKey[], next: (old: unknown) => unknown, merge?: string): void {
    if (!this.questionnaire) return;
    const selection = this.selection;
    const base = elementPath(this.questionnaire, selection);
    if (!base) return;
    requestEdit(this, {
      label: pt('editOf', this.lang, label, this.ownerName()),
      apply: (questionnaire) => {
        const path = elementPath(questionnaire, selection);
        if (!path) return questionnaire;
        const value = next(getIn(questionnaire, [...path, ...rest]));
        return value === KEEP ? questionnaire : setProperty(questionnaire, selection, rest, value);
      },
      mergeKey: merge === undefined ? undefined : `prop:${toPointer([...base, ...rest])}${merge}`,
    });
  }

  private handleLocalized(field: PropertyField, rest: readonly PathKey[], typed: string): void {
    const current = getIn(this.element, rest);
    const result = withTranslation(current, this.editLanguage, typed, field.required);
    if (!result.ok) return this.setDraft(rest, { text: typed, error: translationError(result.problem, this.lang) });
    this.setDraft(rest, undefined);
    const language = this.editLanguage;
    const required = field.required;
    this.write(
      inLanguage(field.label, this.lang),
      rest,
      (old) => {
        const applied = withTranslation(old, language, typed, required);
        return applied.ok ? applied.value : KEEP;
      },
      `/${language}`,
    );
  }

  private nameError(typed: string, field: PropertyField): string | undefined {
    if (typed === '') return pt('required', this.lang);
    if (field.pattern && !new RegExp(field.pattern, 'u').test(typed)) return pt('nameInvalid', this.lang);
    if (field.maxLength !== undefined && typed.length > field.maxLength) return pt('tooLong', this.lang, field.maxLength);
    if (typed !== this.selection.name && this.questionnaire && usedNames(this.questionnaire).has(typed)) return pt('nameUsed', this.lang, typed);
    return undefined;
  }

  private handleNameCommit(field: PropertyField, typed: string): void {
    const from = this.selection.name;
    if (typed === from || this.nameError(typed, field)) return;
    this.setDraft(['name'], undefined);
    this.dispatchEvent(new CustomEvent<DesignerRenameDetail>(DESIGNER_RENAME, { detail: { from, to: typed }, bubbles: true, composed: true }));
  }

  /** Plain text, code and number fields: a blank optional field is removed, a refused one kept as a draft. */
  private handleScalar(field: PropertyField, rest: readonly PathKey[], typed: string): void {
    const text = typed.trim();
    const refuse = (error: string) => this.setDraft(rest, { text: typed, error });
    let value: unknown;
    if (text === '') {
      if (field.required) return refuse(pt('required', this.lang));
      value = undefined;
    } else if (field.kind === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) return refuse(pt('numberInvalid', this.lang));
      if (field.integer && !Number.isInteger(number)) return refuse(pt('integerInvalid', this.lang));
      if (field.min !== undefined && number < field.min) return refuse(pt('numberMin', this.lang, field.min));
      if (field.max !== undefined && number > field.max) return refuse(pt('numberMax', this.lang, field.max));
      value = number;
    } else {
      if (field.kind === 'code' && !CODE_PATTERN.test(text)) return refuse(pt('codeInvalid', this.lang));
      if (field.kind !== 'code' && field.pattern && !new RegExp(field.pattern, 'u').test(typed)) return refuse(pt('patternMismatch', this.lang, field.pattern));
      if (field.maxLength !== undefined && typed.length > field.maxLength) return refuse(pt('tooLong', this.lang, field.maxLength));
      value = field.kind === 'code' ? text : typed;
    }
    this.setDraft(rest, undefined);
    if (field.kind === 'code') return this.writeCode(field, value as string | undefined);
    this.write(inLanguage(field.label, this.lang), rest, () => value, '');
  }

  /** A new criterion code also renames the question's own leaf in the index model. */
  private writeCode(field: PropertyField, code: string | undefined): void {
    if (!this.questionnaire) return;
    const selection = this.selection;
    const base = elementPath(this.questionnaire, selection);
    if (!base) return;
    requestEdit(this, {
      label: pt('editOf', this.lang, inLanguage(field.label, this.lang), this.ownerName()),
      apply: (questionnaire) => {
        const path = elementPath(questionnaire, selection);
        if (!path) return questionnaire;
        const old = getIn(questionnaire, [...path, 'code']) as string | undefined;
        return renameLeafId(setProperty(questionnaire, selection, ['code'], code), selection.name, old, code);
      },
      mergeKey: `prop:${toPointer([...base, 'code'])}`,
    });
  }

  private handleList(field: PropertyField, rest: readonly PathKey[], typed: string): void {
    const items = typed
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const pattern = field.key === 'locales' ? LOCALE_CODE : field.pattern ? new RegExp(field.pattern, 'u') : undefined;
    const bad = pattern ? items.filter((item) => !pattern.test(item)) : [];
    if (bad.length > 0) return this.setDraft(rest, { text: typed, error: pt('localeInvalid', this.lang, bad.join(', ')) });
    if (field.key === 'locales' && items.length > 0 && !items.includes('vi')) return this.setDraft(rest, { text: typed, error: pt('localesNeedVi', this.lang) });
    this.setDraft(rest, { text: typed });
    const value = items.length > 0 ? [...new Set(items)] : undefined;
    this.write(inLanguage(field.label, this.lang), rest, () => value, '');
  }

  private handleJson(field: PropertyField, rest: readonly PathKey[], typed: string): void {
    if (typed.trim() === '') {
      if (field.required) return this.setDraft(rest, { text: typed, error: pt('required', this.lang) });
      this.setDraft(rest, undefined);
      return this.write(inLanguage(field.label, this.lang), rest, () => undefined);
    }
    let value: unknown;
    try {
      value = JSON.parse(typed);
    } catch (error) {
      return this.setDraft(rest, { text: typed, error: pt('jsonInvalid', this.lang, error instanceof Error ? error.message : String(error)) });
    }
    this.setDraft(rest, undefined);
    this.write(inLanguage(field.label, this.lang), rest, () => value);
  }

  /** An "other / none / no opinion" option: ticked is `true`, an own label makes it an object. */
  private handleOptionLabel(field: PropertyField, rest: readonly PathKey[], typed: string): void {
    const textRest = [...rest, 'text'];
    const current = getIn(this.element, rest);
    const result = withTranslation(typeof current === 'object' ? (current as { text?: unknown }).text : undefined, this.editLanguage, typed, false);
    if (!result.ok) return this.setDraft(textRest, { text: typed, error: translationError(result.problem, this.lang) });
    this.setDraft(textRest, undefined);
    const language = this.editLanguage;
    this.write(
      inLanguage(field.label, this.lang),
      rest,
      (old) => {
        const object = old !== null && typeof old === 'object' ? (old as Record<string, unknown>) : {};
        const applied = withTranslation(object.text, language, typed, false);
        if (!applied.ok) return KEEP;
        const { text: _text, ...others } = object;
        if (applied.value !== undefined) return { ...others, text: applied.value };
        return Object.keys(others).length > 0 ? others : true;
      },
      `/text/${language}`,
    );
  }

  private handleEditorValue(field: PropertyField, rest: readonly PathKey[], event: CustomEvent<PropertyValueDetail>): void {
    event.stopPropagation();
    const { value, merge } = event.detail;
    this.write(inLanguage(field.label, this.lang), rest, () => value, merge);
  }

  // ── public ───────────────────────────────────────────────────────────────────

  /** Focuses the input of a property path inside the element (`['choices', 3, 'value']`); false if none. */
  /** Shows the editor of an empty condition and puts the keyboard in its expression box. */
  private async openCondition(key: string, pointer: string): Promise<void> {
    this.openedConditions = new Set(this.openedConditions).add(key);
    await this.updateComplete;
    const editor = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(`sipas-expression-editor[data-path="${CSS.escape(pointer)}"]`);
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#raw')?.focus();
  }

  async focusProperty(rest: readonly (string | number)[]): Promise<boolean> {
    await this.updateComplete;
    const targets = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-path]')];
    for (let length = rest.length; length > 0; length -= 1) {
      const pointer = toPointer(rest.slice(0, length));
      const target = targets.find((candidate) => candidate.dataset.path === pointer);
      if (!target) continue;
      if (hasFocusPath(target)) return target.focusPath(rest.slice(length));
      target.focus();
      return true;
    }
    return false;
  }

  // ── rendering ────────────────────────────────────────────────────────────────

  private renderLabel(field: PropertyField, id: string): TemplateResult {
    return html`<label for=${id}>${inLanguage(field.label, this.lang)}${field.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>`;
  }

  private renderDescription(field: PropertyField, id: string) {
    return field.description ? html`<p class="hint muted" id="${id}-description">${inLanguage(field.description, this.lang)}</p>` : nothing;
  }

  private renderError(draft: Draft | undefined, id: string) {
    return draft?.error ? html`<p class="error-text" id="${id}-error">${draft.error}</p>` : nothing;
  }

  private describedBy(field: PropertyField, draft: Draft | undefined, id: string): string | typeof nothing {
    const ids = [field.description ? `${id}-description` : '', draft?.error ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  private renderTextInput(field: PropertyField, rest: readonly PathKey[], shown: string, onInput: (typed: string) => void, onChange?: (typed: string) => void) {
    const id = idOf(rest);
    const draft = this.drafts.get(toPointer(rest));
    return html`<div class="field">
      ${this.renderLabel(field, id)}
      <input
        id=${id}
        type=${field.kind === 'number' ? 'number' : 'text'}
        min=${ifDefined(field.min)}
        max=${ifDefined(field.max)}
        step=${ifDefined(field.kind === 'number' ? (field.integer ? 1 : 'any') : undefined)}
        data-path=${toPointer(rest)}
        ?required=${field.required}
        aria-invalid=${draft?.error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field, draft, id)}
        .value=${live(draft?.text ?? shown)}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
        @change=${(event: Event) => onChange?.((event.target as HTMLInputElement).value)}
      />
      ${this.renderDescription(field, id)} ${this.renderError(draft, id)}
    </div>`;
  }

  private renderCheckbox(field: PropertyField, rest: readonly PathKey[], checked: boolean, onChange: (checked: boolean) => void) {
    const id = idOf(rest);
    return html`<div class="check">
      <input
        id=${id}
        type="checkbox"
        data-path=${toPointer(rest)}
        aria-describedby=${field.description ? `${id}-description` : nothing}
        .checked=${live(checked)}
        @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
      />
      ${this.renderLabel(field, id)}
    </div>
    ${this.renderDescription(field, id)}`;
  }

  private renderField(field: PropertyField, rest: readonly PathKey[], value: unknown): TemplateResult | typeof nothing {
    const label = inLanguage(field.label, this.lang);
    const pointer = toPointer(rest);
    const id = idOf(rest);
    const draft = this.drafts.get(pointer);
    const subject = this.selection.kind === 'question' ? this.selection.name : '';
    const ownEditor = rest.length === 1 && this.element ? this.entryOf(this.element)?.editors?.[field.key] : undefined;
    if (ownEditor) return this.renderOwnEditor(ownEditor, field, rest, value);
    switch (field.kind) {
      case 'name':
        return this.renderTextInput(
          field,
          rest,
          String(value ?? ''),
          (typed) => this.setDraft(rest, { text: typed, error: this.nameError(typed, field) }),
          (typed) => this.handleNameCommit(field, typed),
        );
      case 'text':
      case 'code':
      case 'number':
        return this.renderTextInput(field, rest, value === undefined ? '' : String(value), (typed) => this.handleScalar(field, rest, typed));
      case 'list':
        // The typed text is kept while typing ("vi, " stays); leaving the field shows the list as written.
        return html`${this.renderTextInput(
            field,
            rest,
            Array.isArray(value) ? value.join(', ') : '',
            (typed) => this.handleList(field, rest, typed),
            () => {
              if (!this.drafts.get(pointer)?.error) this.setDraft(rest, undefined);
            },
          )}
          <p class="hint muted">${pt('commaSeparated', this.lang)}</p>`;
      case 'localized':
        return html`${renderLocalizedField({
          id,
          label,
          value,
          editLanguage: this.editLanguage,
          hintLanguage: this.hintLanguage,
          lang: this.lang,
          draft: draft?.text,
          error: draft?.error,
          required: field.required,
          multiline: MULTILINE_KEYS.has(field.key),
          path: pointer,
          onInput: (typed) => this.handleLocalized(field, rest, typed),
        })}${this.renderDescription(field, id)}`;
      case 'boolean': {
        const fallback = field.default === true;
        return this.renderCheckbox(field, rest, typeof value === 'boolean' ? value : fallback, (checked) =>
          this.write(label, rest, () => (checked === fallback ? undefined : checked)),
        );
      }
      case 'option-toggle': {
        const object = value !== null && typeof value === 'object' ? (value as { text?: unknown }) : undefined;
        const textRest = [...rest, 'text'];
        const textDraft = this.drafts.get(toPointer(textRest));
        return html`${this.renderCheckbox(field, rest, value !== undefined && value !== false, (checked) => this.write(label, rest, () => (checked ? true : undefined)))}
        ${value !== undefined && value !== false
          ? renderLocalizedField({
              id: idOf(textRest),
              label: pt('customLabel', this.lang, label),
              value: object?.text,
              editLanguage: this.editLanguage,
              hintLanguage: this.hintLanguage,
              lang: this.lang,
              draft: textDraft?.text,
              error: textDraft?.error,
              path: toPointer(textRest),
              onInput: (typed) => this.handleOptionLabel(field, rest, typed),
            })
          : nothing}`;
      }
      case 'enum': {
        const options = field.enum ?? [];
        const index = options.findIndex((option) => option === value);
        return html`<div class="field">
          ${this.renderLabel(field, id)}
          <select
            id=${id}
            data-path=${pointer}
            aria-describedby=${this.describedBy(field, undefined, id)}
            .value=${live(index < 0 ? '' : String(index))}
            @change=${(event: Event) => {
              const chosen = (event.target as HTMLSelectElement).value;
              this.write(label, rest, () => (chosen === '' ? undefined : options[Number(chosen)]));
            }}
          >
            ${field.required && index >= 0 ? nothing : html`<option value="" ?selected=${index < 0}>${pt('notSet', this.lang)}</option>`}
            ${options.map((option, i) => html`<option value=${String(i)} ?selected=${i === index}>${enumWord(option, this.lang)}</option>`)}
          </select>
          ${this.renderDescription(field, id)}
        </div>`;
      }
      case 'expression': {
        const key = `${this.selection.name}${pointer}`;
        if ((typeof value !== 'string' || value === '') && !this.openedConditions.has(key)) {
          return html`<div class="field condition-closed">
            <span class="condition-label">${label}</span>
            <button type="button" class="add-condition" data-path=${pointer} aria-label=${pt('addConditionTo', this.lang, label)} @click=${() => void this.openCondition(key, pointer)}>
              + ${pt('addCondition', this.lang)}
            </button>
          </div>`;
        }
        return html`<sipas-expression-editor
          data-path=${pointer}
          label=${label}
          .questionnaire=${this.questionnaire}
          .value=${typeof value === 'string' ? value : undefined}
          .lang=${this.lang}
          .subject=${subject}
          @change=${(event: CustomEvent<{ value: string | undefined }>) => {
            event.stopPropagation();
            const expression = event.detail?.value;
            this.write(label, rest, () => (expression ? expression : undefined), '');
          }}
        ></sipas-expression-editor>`;
      }
      case 'choices':
      case 'rows':
        return html`<fieldset>
          <legend>${label}</legend>
          <sipas-designer-choices-editor
            data-path=${pointer}
            kind=${field.kind}
            .items=${Array.isArray(value) ? value : []}
            .lang=${this.lang}
            .editLanguage=${this.editLanguage}
            .hintLanguage=${this.hintLanguage}
            .questionnaire=${this.questionnaire}
            .subject=${subject}
            @sipas-property-value=${(event: CustomEvent<PropertyValueDetail>) => this.handleEditorValue(field, rest, event)}
          ></sipas-designer-choices-editor>
        </fieldset>`;
      case 'scale':
        return html`<sipas-designer-scale-picker
          data-path=${pointer}
          label=${label}
          .value=${value as never}
          .questionnaire=${this.questionnaire}
          .lang=${this.lang}
          .editLanguage=${this.editLanguage}
          .hintLanguage=${this.hintLanguage}
          .subject=${subject}
          @sipas-property-value=${(event: CustomEvent<PropertyValueDetail>) => this.handleEditorValue(field, rest, event)}
        ></sipas-designer-scale-picker>`;
      case 'validators':
        return html`<fieldset>
          <legend>${label}</legend>
          <sipas-designer-validators-editor
            data-path=${pointer}
            .validators=${Array.isArray(value) ? value : undefined}
            .questionnaire=${this.questionnaire}
            .question=${this.selection.kind === 'question' ? (this.element as unknown as Question) : undefined}
            .lang=${this.lang}
            .editLanguage=${this.editLanguage}
            .hintLanguage=${this.hintLanguage}
            @sipas-property-value=${(event: CustomEvent<PropertyValueDetail>) => this.handleEditorValue(field, rest, event)}
          ></sipas-designer-validators-editor>
        </fieldset>`;
      case 'object': {
        const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        return html`<fieldset>
          <legend>${label}</legend>
          ${field.description ? html`<p class="hint muted">${inLanguage(field.description, this.lang)}</p>` : nothing}
          ${(field.fields ?? []).map((sub) => this.renderField(sub, [...rest, sub.key], object[sub.key]))}
        </fieldset>`;
      }
      case 'json':
        return html`<div class="field">
          ${this.renderLabel(field, id)}
          <textarea
            id=${id}
            class="json"
            rows="3"
            data-path=${pointer}
            aria-invalid=${draft?.error ? 'true' : 'false'}
            aria-describedby="${id}-json ${draft?.error ? `${id}-error` : ''}"
            .value=${live(draft?.text ?? (value === undefined ? '' : JSON.stringify(value, null, 2)))}
            @input=${(event: Event) => this.setDraft(rest, { text: (event.target as HTMLTextAreaElement).value })}
            @change=${(event: Event) => this.handleJson(field, rest, (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint muted" id="${id}-json">${field.description ? inLanguage(field.description, this.lang) : pt('jsonHint', this.lang)}</p>
          ${this.renderError(draft, id)}
        </div>`;
    }
  }

  /**
   * A custom type's own editor for a property (`designer.editors` of its definition). It is given
   * the value, the question, the questionnaire and the languages, and answers with
   * `sipas-property-value` like the built-in editors; one element per question, tag and property,
   * kept across renders so that its inner state (typing, focus, an open list) survives an edit and
   * never shows under another question.
   */
  private renderOwnEditor(tag: string, field: PropertyField, rest: readonly PathKey[], value: unknown): TemplateResult {
    const key = `${this.selection.name} ${tag} ${toPointer(rest)}`;
    let editor = this.ownEditors.get(key);
    if (!editor) {
      editor = document.createElement(tag);
      editor.addEventListener(PROPERTY_VALUE, (event) => this.handleEditorValue(field, rest, event));
      this.ownEditors.set(key, editor);
    }
    editor.dataset.path = toPointer(rest);
    Object.assign(editor, { value, question: this.element, questionnaire: this.questionnaire, lang: this.lang, editLanguage: this.editLanguage });
    return html`<fieldset class="own-editor">
      <legend>${inLanguage(field.label, this.lang)}</legend>
      ${field.description ? html`<p class="hint muted">${inLanguage(field.description, this.lang)}</p>` : nothing} ${editor}
    </fieldset>`;
  }

  private renderGroup(group: FieldGroup, fields: PropertyField[], element: Record<string, unknown>) {
    const own = fields.filter((field) => field.group === group);
    const question = this.selection.kind === 'question' ? (element as unknown as Question) : undefined;
    const indexLink =
      group === 'index' && question && this.questionnaire?.sipas?.index && canFeedIndex(question, this.schemas)
        ? html`<sipas-designer-index-link .questionnaire=${this.questionnaire} question-name=${question.name} .lang=${this.lang}></sipas-designer-index-link>`
        : nothing;
    if (own.length === 0 && indexLink === nothing) return nothing;
    return html`<fieldset class="group" data-group=${group}>
      <legend>${pt(GROUP_LEGENDS[group], this.lang)}</legend>
      ${own.map((field) => this.renderField(field, [field.key], element[field.key]))} ${indexLink}
    </fieldset>`;
  }

  private renderHeading(element: Record<string, unknown>) {
    const { kind, name } = this.selection;
    if (kind === 'questionnaire') return pt('ofQuestionnaire', this.lang);
    if (kind === 'page') return pt('ofPage', this.lang, name);
    if (kind === 'section') return pt('ofSection', this.lang, name);
    const entry = this.entryOf(element);
    return pt('ofQuestion', this.lang, name, entry ? inLanguage(entry.label, this.lang) : String(element.type));
  }

  protected override render() {
    const element = this.element;
    if (!this.questionnaire) return nothing;
    if (!element) return html`<p class="muted">${pt('notFound', this.lang, this.selection.name)}</p>`;
    const fields = this.fields(element);
    const languageKey: PropertiesStringKey = this.editLanguage === 'vi' ? 'languageVi' : 'languageEn';
    return html`<section aria-labelledby="heading">
      <h2 id="heading">${pt('panel', this.lang)}: ${this.renderHeading(element)}</h2>
      <p class="editing muted">${pt('editing', this.lang, this.editLanguage === 'vi' || this.editLanguage === 'en' ? pt(languageKey, this.lang) : this.editLanguage)}</p>
      ${fields
        ? FIELD_GROUPS.map((group) => this.renderGroup(group, fields, element))
        : html`<p class="muted">${pt('unknownType', this.lang, String(element.type))}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    [DESIGNER_RENAME]: CustomEvent<DesignerRenameDetail>;
  }
}
