import { pageShared } from '@sipas/schema';
import { defineBuiltInTypes } from './built-in-types.js';
import { CoreTypeRegistry } from './registry.js';

/**
 * The registry forms use unless given another: the built-in types and what the page registered.
 * One per page however many bundles carry the engine (an extension's script registers here for the drop-in).
 */
export const coreTypes: CoreTypeRegistry = pageShared('question-types', () => {
  const registry = new CoreTypeRegistry();
  defineBuiltInTypes(registry);
  return registry;
});

/**
 * A registry with only the built-in types, for tests and isolated forms. Custom types defined on it
 * (`defineQuestionType(definition, registry)`) register their schema part with `schemaRegistry`,
 * or with @sipas/schema's shared `questionTypes` without one.
 */
export function createTypeRegistry(...args: ConstructorParameters<typeof CoreTypeRegistry>): CoreTypeRegistry {
  const registry = new CoreTypeRegistry(...args);
  defineBuiltInTypes(registry);
  return registry;
}
