import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AppContext } from './context';
import { errorBody, handleError } from './errors';
import { ErrorSchema } from './schemas';
import { registerAuthHook } from './auth-hook';
import { registerMetrics } from './metrics';
import type { App } from './types';
import { registerApiRoutes } from './routes';

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface ServerOptions {
  logger?: Logger | boolean;
}

export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: options.logger ?? false }),
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  app.setErrorHandler(handleError);
  app.addSchema(ErrorSchema);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes + 1, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody('RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`),
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '公共信用信息平台 API', description: '信用平台（xinyong）的 REST 接口。错误统一为 { code, message, details }。', version: '1.0.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'xy_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: '部门系统的接口密钥' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthHook(app);
  registerMetrics(app);

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });

  await app.register(async (api) => registerApiRoutes(api as unknown as App), { prefix: '/api/v1' });
  await registerWeb(app);
  return app;
}

/**
 * Query strings and path parameters arrive as text and are coerced to their declared types; JSON bodies
 * are not: a wrong type in a body is a 400, never silently converted (null stays null).
 */
function strictBodyValidator(): ValidatorFactory {
  const pool = AjvCompiler();
  return ((externalSchemas: never, options: { customOptions?: Record<string, unknown> } = {}) => {
    const coercing = pool(externalSchemas, options as never);
    const strict = pool(externalSchemas, { ...options, customOptions: { ...options.customOptions, coerceTypes: false } } as never);
    return (route: { httpPart?: string }) => (route.httpPart === 'body' ? strict(route as never) : coercing(route as never));
  }) as unknown as ValidatorFactory;
}

async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send(errorBody('NOT_FOUND', `接口不存在：${request.method} ${request.url.split('?')[0]}`));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
