/** Valid, unique names for imported elements (ElementName: a letter, then letters, digits, `_`; at most 64). */
import { RESPONSE_VARIABLES } from '@sipas/schema';

const ELEMENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const MAX_LENGTH = 64;

export const isElementName = (name: string): boolean => ELEMENT_NAME.test(name) && name.length <= MAX_LENGTH;

/** ASCII letters, digits and `_` from any text: Vietnamese letters lose their marks (đ → d). */
export function sanitizeName(raw: string, fallback: string): string {
  const ascii = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  const base = ascii === '' ? fallback : /^[A-Za-z]/.test(ascii) ? ascii : `${fallback}_${ascii}`;
  return base.slice(0, MAX_LENGTH);
}

/** One namespace of names; `allocate` keeps a name that is valid and free, else makes one. */
export class NameSpace {
  private readonly used = new Set<string>();
  private readonly reserved: ReadonlySet<string>;

  constructor(reserved: readonly string[] = []) {
    this.reserved = new Set(reserved);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** `avoidReserved`: for question names, which may not be a reserved word. */
  allocate(raw: string, fallback: string, avoidReserved = false): string {
    let base = isElementName(raw) ? raw : sanitizeName(raw, fallback);
    if (avoidReserved && this.reserved.has(base)) base = `${base}_q`;
    let name = base;
    for (let n = 2; this.used.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
    }
    this.used.add(name);
    return name;
  }
}

/** Page, section and question names share one namespace, which avoids the response variables. */
export const createElementNameSpace = (): NameSpace => new NameSpace(RESPONSE_VARIABLES);
