export { getCurrentCatalog, getCurrentItem, getItemVersion, listVersions, listVersionItems, syncBaseCatalog, createSupplementItem, updateSupplementItem, setSubmittingDepartments } from './service';
export type { CatalogItem, SupplementItemInput } from './service';
export { validateFields, normaliseDate, findCodeEntry, isBlank, PLACEHOLDER_USCC } from './validate-fields';
export type { FieldError, FieldValidation } from './validate-fields';
export { CODE_TABLES } from './code-tables';
export { CATEGORIES, BASE_ITEMS } from './base-catalog';
export type * from './types';
export { registerCatalogRoutes } from './routes';
