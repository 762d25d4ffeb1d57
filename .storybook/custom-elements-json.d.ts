/**
 * custom-elements.json is generated (`npm run manifest`) and not committed, so a typecheck on a
 * fresh clone must not need it: without the file, its import in preview.ts has this type.
 */
declare module '*/custom-elements.json' {
  const manifest: unknown;
  export default manifest;
}
