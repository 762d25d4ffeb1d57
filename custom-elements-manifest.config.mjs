/**
 * Custom Elements Manifest of the public elements of @sipas/form, @sipas/report and
 * @sipas/designer, and of the example question types (examples/custom-question-type)
 * (`npm run manifest` → custom-elements.json at the root, generated, not committed).
 * Storybook reads it for the docs pages (.storybook/preview.ts); editors and tools may too.
 *
 * Each element's class JSDoc is its contract: the description, `@summary`, `@event`, `@csspart`,
 * `@cssproperty`, and `@tagname` where the tag is not written next to a definition call.
 */
import { posix } from 'node:path';

/**
 * Our elements are defined through calls the analyzer does not know:
 *   - `defineElement('sipas-x', SipasX)` (packages/*\/src/define.ts, which tolerates a page loading
 *     a bundle twice);
 *   - `defineQuestionType({ ...type, element: { tag: 'sipas-x', class: SipasX } })`, how a custom
 *     question type brings its element (examples/custom-question-type/*\/index.ts).
 * This plugin records such a call as the analyzer records `customElements.define`, so the class
 * gets its tag where it is written, once.
 */
function defineElementCalls() {
  /** The tag and class of a `defineQuestionType` argument's `element: { tag, class }`, if literal. */
  function questionTypeElement(ts, definition) {
    if (!definition || !ts.isObjectLiteralExpression(definition)) return [];
    const property = (object, name) =>
      object.properties.find((entry) => ts.isPropertyAssignment(entry) && (ts.isIdentifier(entry.name) || ts.isStringLiteral(entry.name)) && entry.name.text === name)?.initializer;
    const element = property(definition, 'element');
    return element && ts.isObjectLiteralExpression(element) ? [property(element, 'tag'), property(element, 'class')] : [];
  }

  return {
    name: 'sipas-define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
      const callee = node.expression.text;
      const [tag, element] =
        callee === 'defineElement' ? node.arguments : callee === 'defineQuestionType' ? questionTypeElement(ts, node.arguments[0]) : [];
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      const imported = context.imports?.find((entry) => entry.name === element.text && !entry.isBareModuleSpecifier);
      const module = imported ? posix.join(posix.dirname(moduleDoc.path), imported.importPath).replace(/\.js$/, '.ts') : moduleDoc.path;
      moduleDoc.exports = [...(moduleDoc.exports ?? []), { kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module } }];
    },
  };
}

/**
 * Keeps the public surface only: the elements (classes with a tag; an abstract base such as
 * SipasQuestionElement has given its members to its subclasses by then, the analyzer's inheritance
 * step having run), their public instance members (Lit's `@state() private …` and protected hooks
 * are no one's API, and Storybook would list them as props) and their documented events. Events
 * the analyzer reads off `dispatchEvent` calls are named after whatever the call passes (a
 * constant such as QUESTIONNAIRE_CHANGE, a parameter called `type`), so the `@event` tags of the
 * class JSDoc are the list; an event without a description came from a call, not from the JSDoc.
 */
function publicElementsOnly() {
  const isElement = (declaration) => declaration.kind === 'class' && declaration.customElement === true && Boolean(declaration.tagName);
  return {
    name: 'sipas-public-elements-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (module) => module.declarations?.some(isElement) || module.exports?.some((entry) => entry.kind === 'custom-element-definition'),
      );
      for (const module of customElementsManifest.modules) {
        module.declarations = module.declarations.filter(isElement);
        for (const element of module.declarations) {
          element.members = element.members?.filter((member) => (!member.privacy || member.privacy === 'public') && !member.static);
          element.events = element.events?.filter((event) => event.description);
        }
        module.exports = module.exports?.filter(
          (entry) => entry.kind === 'custom-element-definition' || module.declarations.some((declaration) => declaration.name === entry.declaration?.name),
        );
      }
    },
  };
}

export default {
  globs: ['packages/{form,report,designer}/src/**/*.ts', 'examples/custom-question-type/**/*.ts'],
  // The examples keep their tests (test/) and built scripts (dist/) beside their sources.
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts', '**/generated/**', 'examples/*/*/test/**', 'examples/*/dist/**', 'examples/*/stories/**'],
  outdir: '.',
  litelement: true,
  // The manifest is generated for the docs, not published: leave package.json alone.
  packagejson: false,
  dependencies: false,
  plugins: [defineElementCalls(), publicElementsOnly()],
};
