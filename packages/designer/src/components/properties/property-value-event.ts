/**
 * How the panel's editors (choices, scale, rules) hand a new property value to the panel, which
 * turns it into a designer edit: the editors know lists, the panel knows where the element is.
 */

export const PROPERTY_VALUE = 'sipas-property-value';

export interface PropertyValueDetail {
  /** The property's new value; undefined removes it. */
  value: unknown;
  /**
   * Where inside the property the change is (`/2/text/vi`), so typing in one cell becomes one undo
   * step; absent for structural changes (add, remove, move), each its own step.
   */
  merge?: string;
}

export function emitPropertyValue(from: EventTarget, detail: PropertyValueDetail): void {
  from.dispatchEvent(new CustomEvent<PropertyValueDetail>(PROPERTY_VALUE, { detail }));
}

/** An editor whose inner inputs the panel can focus by a path inside the property (a design check's pointer). */
export interface FocusablePath {
  focusPath(rest: readonly (string | number)[]): Promise<boolean>;
}

export const hasFocusPath = (element: Element): element is Element & FocusablePath =>
  typeof (element as Partial<FocusablePath>).focusPath === 'function';

declare global {
  interface HTMLElementEventMap {
    [PROPERTY_VALUE]: CustomEvent<PropertyValueDetail>;
  }
}
