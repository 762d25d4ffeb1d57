import { defineBuiltInTypes } from './built-in-types.js';
import { CoreTypeRegistry } from './registry.js';

/** The registry forms use unless given another: the built-in types and what the page registered. */
export const coreTypes = new CoreTypeRegistry();
defineBuiltInTypes(coreTypes);

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
