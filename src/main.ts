import pino from 'pino';
import { loadConfig, usesDemoPersonalDataKey } from './config';
import { openContext } from './app';
import { buildServer } from './http/server';
import { loadDemoDataIfEmpty } from './modules/demo';
import { ingestQueueFor } from './modules/ingest';
import { startDisclosureJob } from './modules/disclosure';
import { runOpenDataExport } from './modules/disclosure/open-data';
import { removeExpiredEntries } from './modules/lists';
import { flagOverdueFeedback } from './modules/checks';
import { sealLogs } from './modules/audit';
import { chinaDate } from './shared/time';
import { startDailyJob, startRepeatingJob } from './jobs/daily';
import { isAppError } from './shared/errors';
import { maskPersonalPatterns } from './shared/redact';

async function main(): Promise<void> {
  process.env.TZ ??= 'Asia/Shanghai';
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const ctx = await openContext(config, logger);
  if (usesDemoPersonalDataKey(config)) logger.warn('PERSONAL_DATA_KEY 未设置，正在使用演示密钥加密个人信息：生产环境必须设置');
  if (config.demoData) await loadDemoDataIfEmpty(ctx, logger);
  const app = await buildServer(ctx, { logger });
  const disclosureJob = startDisclosureJob(ctx.db, logger, { afterDaily: () => runOpenDataExport(ctx.db, { dataDir: config.dataDir }) });
  const listExpiry = startDailyJob('lists.remove-expired', () => removeExpiredEntries(ctx.db), logger);
  const feedbackFlags = startDailyJob('checks.flag-overdue-feedback', () => flagOverdueFeedback(ctx.db, chinaDate()), logger);
  const logSeals = startRepeatingJob('audit.seal-logs', () => sealLogs(ctx.db), 60_000, logger, (sealed) => Object.values(sealed).every((rows) => rows === 0));
  const resumed = await ingestQueueFor(ctx.db, logger).resumeUnfinished();
  if (resumed) logger.info({ batches: resumed }, '继续处理上次未完成的归集批次');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, '正在停止服务');
    // A batch still processing is rolled back with the process and resumed at the next start.
    await app.close();
    await disclosureJob.stop();
    await Promise.all([listExpiry.stop(), feedbackFlags.stop(), logSeals.stop()]);
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  logger.info(`信用平台已启动：门户 http://localhost:${config.port}/ ，控制台 http://localhost:${config.port}/console ，接口文档 http://localhost:${config.port}/api/docs`);
}

/** JSON logs; URLs are masked because a citizen ID can travel in a path (GET /identifiers/{value}). */
function createLogger(level: string) {
  return pino({
    level,
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: maskPersonalPatterns(request.url), remoteAddress: request.ip }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  });
}

main().catch((error) => {
  console.error(isAppError(error) ? `启动失败：${error.message}` : error);
  process.exit(1);
});
