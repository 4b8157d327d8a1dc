export {
  syncBaseMeasures,
  currentMeasures,
  listMeasures,
  listMeasureVersions,
  addSupplementMeasure,
  updateSupplementMeasure,
  removeSupplementMeasure,
  applicableMeasures,
  assertMeasureAllowed,
  assertWithinDegree,
  latestUntil,
  assertValidMeasure,
  measureFits,
} from './service';
export type { Measure, ApplicableMeasure, ApplicabilityQuery, SupplementMeasureInput } from './service';
export { BASE_MEASURES, MATTER_TYPES } from './base-measures';
export type { MeasureDef } from './base-measures';
export { MEASURE_CATEGORIES, MEASURE_KINDS, MEASURE_SCOPES } from './tables';
export type { DegreeLimit, MeasureLegalBasis, MeasureTargets } from './tables';
export { registerMeasureRoutes } from './routes';
