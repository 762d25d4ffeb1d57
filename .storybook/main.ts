/**
 * Storybook for the SIPAS elements (web components, Vite builder). Nothing here talks to the
 * outside: telemetry is off, and the npm scripts pass `--ci --no-version-updates` to `storybook dev`
 * (without it, dev checks storybook.js.org for updates).
 *
 * Docs: @storybook/addon-docs gives every story file tagged `autodocs` a docs page, its tables
 * (properties, attributes, events, CSS parts and custom properties) read from custom-elements.json,
 * which `npm run manifest` generates before `storybook dev` and `storybook build` (preview.ts).
 *
 * Decorators: Vite 8 compiles TypeScript with Oxc, which cannot lower standard decorators but
 * honours `experimentalDecorators` (and `useDefineForClassFields: false`, which Lit's reactive
 * fields need) from the tsconfig, so the Lit elements need no plugin here. Which tsconfig: the one
 * every package's extends, tsconfig.base.json, named here for all files as web-test-runner does;
 * left to discovery, the example question types (examples/*, in no package's tsconfig) would get
 * none, and their decorators would reach the browser untranslated.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The example question types (examples/custom-question-type) document their elements too.
  stories: ['../packages/*/stories/**/*.stories.ts', '../examples/*/stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: async (viteConfig) => {
    // Workspace packages resolve to src/*.ts through the "source" export condition, as in the tests,
    // so stories need no build first (only `npm run generate` for the templates' generated modules).
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] };
    viteConfig.tsconfig = fileURLToPath(new URL('../tsconfig.base.json', import.meta.url));
    // Storybook's own preview runtime is a ~900 kB chunk; the default 500 kB warning is not about our code.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1500 };
    return viteConfig;
  },
};

export default config;
