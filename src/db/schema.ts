// Every table of every module, for drizzle-kit and the typed database handle.
export * from '../modules/departments/tables';
export * from '../modules/auth/tables';
export * from '../modules/audit/tables';
export * from '../modules/subjects/tables';
export * from '../modules/catalog/tables';
export * from '../modules/records/tables';
export * from '../modules/ingest/tables';
export * from '../modules/quality/tables';
export * from '../modules/calendar/tables';
export * from '../modules/disclosure/tables';
export * from '../modules/lists/tables';
export * from '../modules/measures/tables';
export * from '../modules/checks/tables';
export * from '../modules/objections/tables';
