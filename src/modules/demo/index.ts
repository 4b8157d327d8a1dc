export { loadDemoDataIfEmpty, DEFAULT_DEMO_SIZE } from './seed';
export type { DemoSize } from './seed';
export { DEMO_USERS, DEMO_PASSWORD, DEMO_DEPARTMENTS, DEMO_REGIONS } from './fixtures';
