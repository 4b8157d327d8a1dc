export { publicStats, dashboard } from './service';
export { registerStatsRoutes } from './routes';
