/** @sipas/designer: <sipas-designer> and its parts, for bundlers. Importing this module defines the elements. */
export * from './model/edit.js';
export { designerTypes, DesignerTypeCatalog, type DesignerTypeEntry, type ToolboxGroup } from './model/question-catalog.js';
