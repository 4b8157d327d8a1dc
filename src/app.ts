import type { Logger } from 'pino';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { runMigrations } from './db/migrate';
import type { AppContext } from './http/context';
import { configurePersonalDataKey } from './shared/personal-data';
import { syncBaseCatalog } from './modules/catalog';
import { seedNationalListKinds } from './modules/lists';
import { syncBaseMeasures } from './modules/measures';
import { registerSealableLog } from './modules/audit';
import { CHECK_LOG } from './modules/checks';

/** Opens and migrates the database named by the configuration: the start of the server and of every CLI command. */
export async function openContext(config: Config = loadConfig(), logger?: Logger): Promise<AppContext> {
  configurePersonalDataKey(config.personalDataKey);
  registerSealableLog(CHECK_LOG);
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    await syncBaseCatalog(database.db);
    await seedNationalListKinds(database.db);
    await syncBaseMeasures(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger?.info({ database: database.describe }, '数据库已就绪');
  return { database, db: database.db, config };
}
