export { exportDisclosed, exportFileNames, CSV_COLUMNS, MANIFEST_NAME } from './export';
export type { OpenDataManifest, OpenDataFile, OpenDataRecord } from './export';
export { runOpenDataExport, latestExport, listExports, openDataRoot, OPEN_DATA_DIR, DEFAULT_KEEP_DAYS } from './job';
export { registerOpenDataRoutes } from './routes';
