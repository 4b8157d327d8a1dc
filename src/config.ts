import path from 'node:path';

/** Every environment variable the platform reads, in one place (documented in docs/operations.md). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demoData: boolean;
  /** key for SM4 encryption and HMAC-SM3 of personal identifiers (32 hex chars = 128 bits) */
  personalDataKey: string;
  logLevel: string;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  platformRegionCode: string;
  platformName: string;
  secureCookies: boolean;
  /** largest file a department may upload in one batch */
  maxUploadBytes: number;
}

const DEMO_PERSONAL_DATA_KEY = '0123456789abcdeffedcba9876543210';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    demoData: env.DEMO_DATA !== '0',
    personalDataKey: env.PERSONAL_DATA_KEY ?? DEMO_PERSONAL_DATA_KEY,
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionHours: Number(env.SESSION_HOURS ?? 8),
    loginMaxFailures: Number(env.LOGIN_MAX_FAILURES ?? 5),
    loginLockMinutes: Number(env.LOGIN_LOCK_MINUTES ?? 15),
    platformRegionCode: env.PLATFORM_REGION_CODE ?? '459900',
    platformName: env.PLATFORM_NAME ?? '信用中国（示范市）',
    secureCookies: env.SECURE_COOKIES === '1',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 256) * 1024 * 1024,
  };
}

export function usesDemoPersonalDataKey(config: Config): boolean {
  return config.personalDataKey === DEMO_PERSONAL_DATA_KEY;
}
