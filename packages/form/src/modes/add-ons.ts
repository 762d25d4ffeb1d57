/**
 * Modes for staff (typing in paper forms, printing them) load on demand: their elements live in
 * add-on modules, so the citizen's drop-in carries none of their weight. In the drop-in build the
 * imports below become `import('./sipas-form-<name>.js')`, resolved next to the bundle itself
 * (rollup.config.mjs); with a bundler they become ordinary lazy chunks.
 */
export const ADD_ONS = {
  entry: { tag: 'sipas-entry-sheet', load: () => import('./entry/index.js') },
  print: { tag: 'sipas-print-sheet', load: () => import('./print/index.js') },
} as const;

export type AddOnName = keyof typeof ADD_ONS;

/** Loads an add-on once; resolves when its element is defined. */
export async function loadAddOn(name: AddOnName): Promise<void> {
  const addOn = ADD_ONS[name];
  if (customElements.get(addOn.tag)) return;
  await addOn.load();
  await customElements.whenDefined(addOn.tag);
}

/** The kiosk's session (reset after thank-you, idle timeout) is needed only by kiosk pages. */
export async function loadKioskSession(): Promise<typeof import('./kiosk/kiosk-session.js').KioskSession> {
  return (await import('./kiosk/kiosk-session.js')).KioskSession;
}
