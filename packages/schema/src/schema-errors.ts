import { message, quote, type LocalizedMessage } from './messages.js';
import { escapePointerToken, type ValidationError } from './validation-result.js';

/** The error objects ajv's generated validators report. */
export interface SchemaErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
}

/** A validator compiled ahead of time from a JSON Schema (see scripts/generate.mjs). */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: SchemaErrorObject[] | null };

const TYPE_NAMES: Record<string, LocalizedMessage> = {
  string: message('chuỗi', 'a string'),
  number: message('số', 'a number'),
  integer: message('số nguyên', 'an integer'),
  boolean: message('true/false', 'true/false'),
  object: message('đối tượng', 'an object'),
  array: message('mảng', 'an array'),
  null: message('null', 'null'),
};

/** Friendlier wording for the patterns the schemas use, keyed by the pattern itself. */
const PATTERN_MESSAGES: Record<string, { code: string; message: LocalizedMessage }> = {
  '^[A-Za-z][A-Za-z0-9_]*$': {
    code: 'invalid-name',
    message: message(
      'Tên phải bắt đầu bằng chữ cái, chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới',
      'A name starts with a letter and holds only ASCII letters, digits and underscores',
    ),
  },
  '^[A-Za-z0-9][A-Za-z0-9_.-]*$': {
    code: 'invalid-format',
    message: message(
      'Mã chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -',
      'An id or code holds only ASCII letters, digits and . _ -',
    ),
  },
  '^[a-z][a-z0-9-]*$': {
    code: 'invalid-format',
    message: message(
      'Tên thang đo/loại câu hỏi chỉ gồm chữ thường không dấu, chữ số và dấu -',
      'A scale or type name holds only lower-case ASCII letters, digits and -',
    ),
  },
  '^[a-z]{2,3}(-[A-Z]{2})?$': {
    code: 'invalid-locale',
    message: message('Mã ngôn ngữ không hợp lệ (ví dụ: vi, en)', 'Not a locale code (for example vi, en)'),
  },
  '^1\\.[0-9]+$': {
    code: 'unsupported-format-version',
    message: message(
      'Phiên bản định dạng không được hỗ trợ: phần mềm này đọc định dạng 1.x',
      'Unsupported format version: this software reads format 1.x',
    ),
  },
};

const FORMAT_NAMES: Record<string, LocalizedMessage> = {
  date: message('một ngày có thật, dạng YYYY-MM-DD', 'a real calendar date as YYYY-MM-DD'),
  'date-time': message('thời điểm dạng ISO 8601 (YYYY-MM-DDThh:mm:ssZ)', 'an ISO 8601 date-time (YYYY-MM-DDThh:mm:ssZ)'),
  uuid: message('UUID', 'a UUID'),
};

const join = (values: unknown): string => (Array.isArray(values) ? values.map((v) => quote(v)).join(', ') : quote(values));

/**
 * Turns one ajv error into a located, bilingual error; undefined for errors that only wrap others.
 * `keyRule` is the pattern error behind a propertyNames error, which says what a key should look like.
 */
function translate(error: SchemaErrorObject, keyRule?: SchemaErrorObject): ValidationError | undefined {
  const path = error.instancePath;
  const params = error.params;
  const at = (code: string, localized: LocalizedMessage, where = path): ValidationError => ({ path: where, code, message: localized });
  switch (error.keyword) {
    case 'required': {
      const property = String(params.missingProperty);
      const where = `${path}/${escapePointerToken(property)}`;
      if (property === 'vi') {
        return at('missing-vietnamese', message('Thiếu bản tiếng Việt (vi)', 'The Vietnamese text (vi) is missing'), where);
      }
      return at('required', message(`Thiếu thuộc tính bắt buộc ${quote(property)}`, `Missing required property ${quote(property)}`), where);
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      return at(
        'unknown-property',
        message(`Thuộc tính ${quote(property)} không được phép ở đây`, `Property ${quote(property)} is not allowed here`),
        `${path}/${escapePointerToken(property)}`,
      );
    }
    case 'type': {
      const types = String(params.type).split(',');
      const vi = types.map((t) => TYPE_NAMES[t]?.vi ?? t).join(' hoặc ');
      const en = types.map((t) => TYPE_NAMES[t]?.en ?? t).join(' or ');
      return at('type', message(`Giá trị phải là ${vi}`, `Must be ${en}`));
    }
    case 'enum':
      return at(
        'not-allowed-value',
        message(`Giá trị không hợp lệ; được dùng: ${join(params.allowedValues)}`, `Not an allowed value; allowed: ${join(params.allowedValues)}`),
      );
    case 'const':
      return at('not-allowed-value', message(`Giá trị phải là ${quote(params.allowedValue)}`, `Must be ${quote(params.allowedValue)}`));
    case 'pattern': {
      const known = PATTERN_MESSAGES[String(params.pattern)];
      if (known) return at(known.code, known.message);
      return at('invalid-format', message(`Không khớp mẫu ${quote(params.pattern)}`, `Does not match the pattern ${quote(params.pattern)}`));
    }
    case 'format': {
      const name = FORMAT_NAMES[String(params.format)] ?? message(String(params.format), String(params.format));
      return at('invalid-format', message(`Giá trị phải là ${name.vi}`, `Must be ${name.en}`));
    }
    case 'minLength':
      if (params.limit === 1) return at('empty', message('Không được để trống', 'Must not be empty'));
      return at('length', message(`Cần ít nhất ${params.limit} ký tự`, `Must have at least ${params.limit} characters`));
    case 'maxLength':
      return at('length', message(`Tối đa ${params.limit} ký tự`, `Must have at most ${params.limit} characters`));
    case 'minItems':
      if (params.limit === 1) return at('empty', message('Danh sách không được để trống', 'The list must not be empty'));
      return at('too-few-items', message(`Cần ít nhất ${params.limit} mục`, `Needs at least ${params.limit} items`));
    case 'maxItems':
      return at('too-many-items', message(`Tối đa ${params.limit} mục`, `At most ${params.limit} items`));
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return at(
        'out-of-range',
        message(`Giá trị phải ${params.comparison} ${params.limit}`, `Must be ${params.comparison} ${params.limit}`),
      );
    case 'uniqueItems': {
      const [first, repeat] = [Number(params.i), Number(params.j)].sort((a, b) => a - b);
      return at(
        'duplicate-item',
        message(`Mục ${repeat} trùng với mục ${first}`, `Item ${repeat} repeats item ${first}`),
        `${path}/${repeat}`,
      );
    }
    case 'contains':
      // The only "contains" of the schemas: locales must include Vietnamese.
      return at('missing-vietnamese', message('Danh sách ngôn ngữ phải có tiếng Việt (vi)', 'The locales must include Vietnamese (vi)'));
    case 'propertyNames': {
      const known = keyRule ? PATTERN_MESSAGES[String(keyRule.params.pattern)] : undefined;
      return at(
        'invalid-key',
        message(
          `Tên khoá ${quote(params.propertyName)} không hợp lệ${known ? `: ${known.message.vi}` : ''}`,
          `Invalid key ${quote(params.propertyName)}${known ? `: ${known.message.en}` : ''}`,
        ),
        `${path}/${escapePointerToken(String(params.propertyName))}`,
      );
    }
    case 'if':
    case 'not':
      return undefined;
    default:
      return at('invalid', message(`Giá trị không hợp lệ (${error.keyword})`, `Invalid value (${error.keyword})`));
  }
}

/**
 * The properties each oneOf of the schemas keeps apart, by the schema path ajv reports (relative to
 * the definition holding it). The questionnaire schema has one: DropdownQuestion's choices/choicesFrom.
 */
const EXCLUSIVE_PROPERTIES: Record<string, string[]> = {
  '#/oneOf': ['choices', 'choicesFrom'],
};

/**
 * Collapses the branch errors of a failed anyOf/oneOf into one error: the schemas use these only
 * for "needs one of these properties" (anyOf) and "exactly one of these properties" (oneOf).
 */
function alternative(error: SchemaErrorObject, branchErrors: SchemaErrorObject[]): ValidationError {
  const missing = branchErrors.filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
  const names = [...new Set(missing)].map((m) => quote(m)).join(', ');
  if (error.keyword === 'oneOf' && Array.isArray(error.params.passingSchemas)) {
    const names = (EXCLUSIVE_PROPERTIES[error.schemaPath] ?? []).map((m) => quote(m)).join(', ');
    return {
      path: error.instancePath,
      code: 'conflicting-properties',
      message: message(`Chỉ được dùng một trong các thuộc tính: ${names}`, `Use only one of the properties: ${names}`),
    };
  }
  return {
    path: error.instancePath,
    code: 'required',
    message: message(`Cần có một trong các thuộc tính: ${names}`, `Needs one of the properties: ${names}`),
  };
}

/** Converts the errors of a compiled validator into located bilingual errors, without duplicates. */
export function translateSchemaErrors(errors: readonly SchemaErrorObject[]): ValidationError[] {
  // "contains" reports every item that failed before saying none matched; only its verdict matters.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'contains');
  const inBranch = (e: SchemaErrorObject, parent: SchemaErrorObject) =>
    e !== parent && e.schemaPath.startsWith(`${parent.schemaPath}/`) && e.instancePath.startsWith(parent.instancePath);
  const result: ValidationError[] = [];
  const seen = new Set<string>();
  const add = (error: ValidationError | undefined) => {
    if (!error) return;
    const key = `${error.path}\u0000${error.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push(error);
  };
  for (const error of errors) {
    if (error.propertyName !== undefined) continue; // reported by its propertyNames error
    if (alternatives.some((parent) => inBranch(error, parent))) continue;
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      // On a value of the wrong type every alternative is moot; the type error says it all.
      if (errors.some((e) => e.keyword === 'type' && e.instancePath === error.instancePath)) continue;
      add(alternative(error, errors.filter((e) => inBranch(e, error))));
    } else {
      const keyRule = errors.find((e) => e.propertyName !== undefined && e.propertyName === error.params.propertyName && e.instancePath === error.instancePath);
      add(translate(error, keyRule));
    }
  }
  return result;
}
