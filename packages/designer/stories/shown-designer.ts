/** Waiting in a story's play function for its `<sipas-designer>` to show its views (shared by the designer's and the examples' stories). */
import { waitFor } from 'storybook/test';
import type { SipasDesigner } from '../src/index.js';

export async function shownDesigner(canvasElement: HTMLElement): Promise<SipasDesigner> {
  return waitFor(
    () => {
      const designer = canvasElement.querySelector('sipas-designer');
      if (!designer?.shadowRoot?.querySelector('[part~="base"] [role="tablist"]')) throw new Error('<sipas-designer> shows no views yet');
      return designer;
    },
    { timeout: 5000 },
  );
}
