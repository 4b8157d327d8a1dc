export { screenResolvedRows, listIssues, decideIssue, wrongCodeRate } from './service';
export type { ResolvedRow, Screening, Decision } from './service';
export { registerQualityRoutes } from './routes';
