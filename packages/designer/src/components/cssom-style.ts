/**
 * Inline style properties set through the CSSOM, never through the `style` attribute. Pages with a
 * strict CSP (no 'unsafe-inline') block the attribute, and Lit's styleMap writes the attribute on
 * its first render, so an element's first position or depth would be lost with a CSP error.
 * The keys of one binding are fixed (a transform, a custom property), so none needs removing.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssomStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssomStyle belongs on an element: <div ${cssomStyle({...})}>');
  }

  render(_properties: Record<string, string>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyle);
