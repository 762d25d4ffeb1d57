import * as definitionValidators from './generated/definition-validators.js';
import { message, quote } from './messages.js';
import { translateSchemaErrors, type CompiledValidator } from './schema-errors.js';
import { escapePointerToken, type ValidationError } from './validation-result.js';

/**
 * Custom question types describe their own properties with a JSON Schema fragment (D6). Browsers
 * must not compile schemas (strict CSP forbids `new Function`), so fragments are interpreted here.
 * The subset is small on purpose: what a question's properties and answers need, plus `$ref` to
 * the format's own definitions (for example `#/$defs/LocalizedString`).
 */
export type SchemaFragment = { [keyword: string]: unknown };

const DEFINITION_PREFIX = '#/$defs/';
const ANNOTATIONS = new Set(['$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly']);
const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems',
  'uniqueItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', '$ref',
]);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const definitions = definitionValidators as Record<string, CompiledValidator>;

/** Checks that a fragment uses only the supported subset, so that it means what its author thinks. */
export function checkFragment(fragment: unknown, path = ''): ValidationError[] {
  if (!isPlainObject(fragment)) {
    return [{ path, code: 'invalid-fragment', message: message('Phân đoạn schema phải là một đối tượng', 'A schema fragment must be an object') }];
  }
  const errors: ValidationError[] = [];
  const fail = (keyword: string, vi: string, en: string) =>
    errors.push({ path: `${path}/${escapePointerToken(keyword)}`, code: 'invalid-fragment', message: message(vi, en) });
  for (const [keyword, value] of Object.entries(fragment)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (!ASSERTIONS.has(keyword)) {
      fail(keyword, `Từ khoá ${quote(keyword)} không được hỗ trợ trong phân đoạn schema`, `Keyword ${quote(keyword)} is not supported in schema fragments`);
      continue;
    }
    switch (keyword) {
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        if (types.length === 0 || !types.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) {
          fail(keyword, 'Kiểu không hợp lệ', `Unknown type ${quote(value)}`);
        }
        break;
      }
      case 'properties':
        if (!isPlainObject(value)) fail(keyword, 'properties phải là đối tượng', 'properties must be an object');
        else for (const [name, sub] of Object.entries(value)) errors.push(...checkFragment(sub, `${path}/properties/${escapePointerToken(name)}`));
        break;
      case 'items':
        errors.push(...checkFragment(value, `${path}/items`));
        break;
      case 'additionalProperties':
        if (typeof value !== 'boolean') errors.push(...checkFragment(value, `${path}/additionalProperties`));
        break;
      case 'required':
      case 'enum':
        if (!Array.isArray(value)) fail(keyword, `${keyword} phải là mảng`, `${keyword} must be an array`);
        break;
      case 'pattern':
        try {
          new RegExp(String(value), 'u');
        } catch {
          fail(keyword, 'Biểu thức chính quy không hợp lệ', 'Invalid regular expression');
        }
        break;
      case '$ref': {
        const name = typeof value === 'string' && value.startsWith(DEFINITION_PREFIX) ? value.slice(DEFINITION_PREFIX.length) : '';
        if (!Object.hasOwn(definitions, name)) {
          fail(
            keyword,
            `$ref chỉ trỏ tới các định nghĩa ${Object.keys(definitions).map((d) => DEFINITION_PREFIX + d).join(', ')}`,
            `$ref may only name ${Object.keys(definitions).map((d) => DEFINITION_PREFIX + d).join(', ')}`,
          );
        }
        break;
      }
      case 'uniqueItems':
        if (typeof value !== 'boolean') fail(keyword, 'uniqueItems phải là true/false', 'uniqueItems must be a boolean');
        break;
      default:
        if (keyword !== 'const' && typeof value !== 'number') fail(keyword, `${keyword} phải là số`, `${keyword} must be a number`);
    }
  }
  return errors;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return jsonType(value) === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

export interface FragmentOptions {
  /** Property names allowed on objects at the top level besides the fragment's own (the common question properties). */
  alsoAllowed?: ReadonlySet<string>;
  /**
   * Refuse top-level properties the fragment does not name unless it sets additionalProperties
   * itself, so custom questions are as strict about typos as built-in ones.
   */
  closed?: boolean;
}

/** Validates a value against a fragment that passed checkFragment; errors are located under `path`. */
export function validateWithFragment(value: unknown, fragment: SchemaFragment, path = '', options: FragmentOptions = {}): ValidationError[] {
  const errors: ValidationError[] = [];
  const at = (where: string, code: string, vi: string, en: string) => errors.push({ path: where, code, message: message(vi, en) });

  if (typeof fragment.$ref === 'string') {
    const validate = definitions[fragment.$ref.slice(DEFINITION_PREFIX.length)]!;
    if (!validate(value)) {
      errors.push(...translateSchemaErrors(validate.errors ?? []).map((e) => ({ ...e, path: path + e.path })));
    }
  }
  if (fragment.type !== undefined) {
    const types = (Array.isArray(fragment.type) ? fragment.type : [fragment.type]) as string[];
    if (!types.some((t) => hasType(value, t))) {
      at(path, 'type', `Giá trị phải có kiểu ${types.join(' hoặc ')}`, `Must be of type ${types.join(' or ')}`);
      return errors; // other keywords would only repeat the same mistake
    }
  }
  if (Array.isArray(fragment.enum) && !fragment.enum.some((allowed) => deepEqual(allowed, value))) {
    at(path, 'not-allowed-value', `Giá trị không hợp lệ; được dùng: ${fragment.enum.map((v) => quote(v)).join(', ')}`, `Not an allowed value; allowed: ${fragment.enum.map((v) => quote(v)).join(', ')}`);
  }
  if ('const' in fragment && !deepEqual(fragment.const, value)) {
    at(path, 'not-allowed-value', `Giá trị phải là ${quote(fragment.const)}`, `Must be ${quote(fragment.const)}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof fragment.minLength === 'number' && length < fragment.minLength) {
      at(path, fragment.minLength === 1 ? 'empty' : 'length', `Cần ít nhất ${fragment.minLength} ký tự`, `Must have at least ${fragment.minLength} characters`);
    }
    if (typeof fragment.maxLength === 'number' && length > fragment.maxLength) {
      at(path, 'length', `Tối đa ${fragment.maxLength} ký tự`, `Must have at most ${fragment.maxLength} characters`);
    }
    if (typeof fragment.pattern === 'string' && !new RegExp(fragment.pattern, 'u').test(value)) {
      at(path, 'invalid-format', `Không khớp mẫu ${quote(fragment.pattern)}`, `Does not match the pattern ${quote(fragment.pattern)}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof fragment.minimum === 'number' && value < fragment.minimum) at(path, 'out-of-range', `Giá trị phải >= ${fragment.minimum}`, `Must be >= ${fragment.minimum}`);
    if (typeof fragment.maximum === 'number' && value > fragment.maximum) at(path, 'out-of-range', `Giá trị phải <= ${fragment.maximum}`, `Must be <= ${fragment.maximum}`);
    if (typeof fragment.exclusiveMinimum === 'number' && value <= fragment.exclusiveMinimum) at(path, 'out-of-range', `Giá trị phải > ${fragment.exclusiveMinimum}`, `Must be > ${fragment.exclusiveMinimum}`);
    if (typeof fragment.exclusiveMaximum === 'number' && value >= fragment.exclusiveMaximum) at(path, 'out-of-range', `Giá trị phải < ${fragment.exclusiveMaximum}`, `Must be < ${fragment.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof fragment.minItems === 'number' && value.length < fragment.minItems) {
      at(path, fragment.minItems === 1 ? 'empty' : 'too-few-items', `Cần ít nhất ${fragment.minItems} mục`, `Needs at least ${fragment.minItems} items`);
    }
    if (typeof fragment.maxItems === 'number' && value.length > fragment.maxItems) {
      at(path, 'too-many-items', `Tối đa ${fragment.maxItems} mục`, `At most ${fragment.maxItems} items`);
    }
    if (fragment.uniqueItems === true) {
      value.forEach((item, i) => {
        const first = value.findIndex((other) => deepEqual(other, item));
        if (first < i) at(`${path}/${i}`, 'duplicate-item', `Mục ${i} trùng với mục ${first}`, `Item ${i} repeats item ${first}`);
      });
    }
    if (isPlainObject(fragment.items)) {
      const itemFragment = fragment.items;
      value.forEach((item, i) => errors.push(...validateWithFragment(item, itemFragment, `${path}/${i}`)));
    }
  }
  if (isPlainObject(value)) {
    for (const name of (fragment.required as string[] | undefined) ?? []) {
      if (!Object.hasOwn(value, name)) at(`${path}/${escapePointerToken(name)}`, 'required', `Thiếu thuộc tính bắt buộc ${quote(name)}`, `Missing required property ${quote(name)}`);
    }
    const properties = isPlainObject(fragment.properties) ? fragment.properties : {};
    for (const [name, propertyValue] of Object.entries(value)) {
      const where = `${path}/${escapePointerToken(name)}`;
      const propertyFragment = Object.hasOwn(properties, name) ? properties[name] : undefined;
      if (isPlainObject(propertyFragment)) {
        errors.push(...validateWithFragment(propertyValue, propertyFragment, where));
      } else if (options.alsoAllowed?.has(name)) {
        continue;
      } else if (fragment.additionalProperties === false || (options.closed && fragment.additionalProperties === undefined)) {
        at(where, 'unknown-property', `Thuộc tính ${quote(name)} không được phép ở đây`, `Property ${quote(name)} is not allowed here`);
      } else if (isPlainObject(fragment.additionalProperties)) {
        errors.push(...validateWithFragment(propertyValue, fragment.additionalProperties, where));
      }
    }
  }
  return errors;
}
