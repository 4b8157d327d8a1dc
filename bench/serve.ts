/**
 * The HTTP server exactly as src/main.ts builds it (openContext + buildServer: same routes, plugins, rate
 * limits, pool), without the background jobs, for load benchmarks on large datasets.
 *
 *   DATABASE_URL=… PORT=… node --import tsx bench/serve.ts
 *
 * Why without jobs: at start src/main.ts runs the daily disclosure job (a full recomputation of the
 * projection over every record, then the open-data export of every disclosed record), the list expiry
 * and the feedback flags. On millions of records that runs in the background for a long time and would
 * share the two cores with the requests being measured. `bench/http-load.ts --server main` measures with
 * them instead.
 */
import pino from 'pino';
import { openContext } from '../src/app';
import { loadConfig } from '../src/config';
import { buildServer } from '../src/http/server';

async function main(): Promise<void> {
  process.env.TZ ??= 'Asia/Shanghai';
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const ctx = await openContext(config, logger);
  const app = await buildServer(ctx, { logger });
  const shutdown = async () => {
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
