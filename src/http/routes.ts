import type { App } from './types';
import { registerIdentifierRoutes } from '../modules/identifiers';
import { registerAuthRoutes } from '../modules/auth/routes';
import { registerDepartmentRoutes } from '../modules/departments/routes';
import { registerAuditRoutes } from '../modules/audit/routes';
import { registerCatalogRoutes } from '../modules/catalog';
import { registerRecordRoutes } from '../modules/records';
import { registerSubjectRoutes } from '../modules/subjects';
import { registerStatsRoutes } from '../modules/stats';
import { registerIngestRoutes } from '../modules/ingest';
import { registerCalendarRoutes } from '../modules/calendar';
import { registerQualityRoutes } from '../modules/quality';
import { registerDisclosureRoutes } from '../modules/disclosure';
import { registerListRoutes } from '../modules/lists';
import { registerMeasureRoutes } from '../modules/measures';
import { registerCheckRoutes } from '../modules/checks';
import { registerOpenDataRoutes } from '../modules/disclosure/open-data';
import { registerObjectionRoutes } from '../modules/objections';
import { registerPolicyRoutes } from '../modules/policies';

/** Every module's routes, under /api/v1. */
export function registerApiRoutes(app: App): void {
  registerAuthRoutes(app);
  registerDepartmentRoutes(app);
  registerAuditRoutes(app);
  registerIdentifierRoutes(app);
  registerCatalogRoutes(app);
  registerSubjectRoutes(app);
  registerRecordRoutes(app);
  registerStatsRoutes(app);
  registerIngestRoutes(app);
  registerCalendarRoutes(app);
  registerQualityRoutes(app);
  registerDisclosureRoutes(app);
  registerListRoutes(app);
  registerMeasureRoutes(app);
  registerCheckRoutes(app);
  registerOpenDataRoutes(app);
  registerObjectionRoutes(app);
  registerPolicyRoutes(app);
}
