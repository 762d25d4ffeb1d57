/**
 * Defines a custom element once. A page may load the dashboard twice (two CMS widgets, a cached
 * old copy); the second definition must not throw and break the page.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
