import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS_ACTOR, type Actor } from '../shared/actor';
import { AppError } from '../shared/errors';
import { actorFromUser, resolveApiKey, resolveSession } from '../modules/auth/service';

export const SESSION_COOKIE = 'xy_session';

/** Resolves who is calling (session cookie or `Authorization: Bearer <API key>`); authorisation happens in services. */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    request.actor = { ...ANONYMOUS_ACTOR, ip: request.ip };
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    if (bearer) {
      const actor = await resolveApiKey(app.ctx.db, bearer, request.ip);
      if (!actor) throw new AppError('UNAUTHENTICATED', '接口密钥无效或已吊销');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await resolveSession(app.ctx.db, token, { cache: app.ctx.database.kind === 'pglite' });
    if (!user) return;
    request.actor = actorFromUser(user, request.ip);
    request.sessionToken = token;
  });
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Authorization 头格式应为 Bearer <接口密钥>');
  return match[1];
}
