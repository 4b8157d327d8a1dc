import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams } from '../../http/schemas';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { AppError } from '../../shared/errors';
import { requireAuthenticated } from './policy';
import { ApiKeySchema, LoginBody, NewApiKeyBody, NewUserBody, UserChangesBody, UserSchema } from './schema';
import * as auth from './service';

type SessionUser = auth.SessionUser;

export function toUserDto(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    department: user.departmentId ? { id: user.departmentId, code: user.departmentCode!, name: user.departmentName! } : null,
    regionCode: user.regionCode,
    subjectId: user.subjectId ?? null,
    active: user.active,
    lockedUntil: user.lockedUntil,
    lastLoginAt: user.lastLoginAt,
  };
}

export function registerAuthRoutes(app: App): void {
  const { db, config } = app.ctx;
  const tags = ['认证与用户'];

  app.post(
    '/auth/login',
    {
      schema: { tags, summary: '登录（设置 HttpOnly 会话 Cookie）', security: [], body: LoginBody, response: { 200: Type.Object({ user: UserSchema }), ...errorResponses, 423: Type.Ref('Error') } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await auth.login(db, config, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        expires: new Date(result.expiresAt),
      });
      return { user: toUserDto(result.user) };
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: '退出登录', response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.sessionToken) await auth.logout(db, request.actor, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: '当前登录用户', response: { 200: UserSchema, ...errorResponses } } }, async (request) => {
    requireAuthenticated(request.actor);
    if (request.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', '接口密钥没有用户信息');
    const user = await auth.getSessionUser(db, request.actor.id!);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return toUserDto(user);
  });

  app.get('/users', { schema: { tags, summary: '用户列表（信用办）', response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses } } }, async (request) => {
    const users = await auth.listUsers(db, request.actor);
    return { items: users.map(toUserDto) };
  });

  app.post('/users', { schema: { tags, summary: '新增用户（信用办）', body: NewUserBody, response: { 201: UserSchema, ...errorResponses } } }, async (request, reply) => {
    const user = await auth.createUser(db, request.actor, request.body);
    return reply.status(201).send(toUserDto(user));
  });

  app.patch(
    '/users/:id',
    { schema: { tags, summary: '修改用户：角色、停用、重置密码（信用办）', params: IdParams, body: UserChangesBody, response: { 200: UserSchema, ...errorResponses } } },
    async (request) => toUserDto(await auth.updateUser(db, request.actor, request.params.id, request.body)),
  );

  app.get('/api-keys', { schema: { tags, summary: '接口密钥列表', response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errorResponses } } }, async (request) => ({
    items: await auth.listApiKeys(db, request.actor),
  }));

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: '签发接口密钥（明文只返回这一次）',
        body: NewApiKeyBody,
        response: { 201: Type.Object({ id: Type.String(), name: Type.String(), prefix: Type.String(), role: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]), key: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await auth.createApiKey(db, request.actor, request.body)),
  );

  app.delete('/api-keys/:id', { schema: { tags, summary: '吊销接口密钥', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } }, async (request, reply) => {
    await auth.revokeApiKey(db, request.actor, request.params.id);
    return reply.status(204).send(null);
  });
}
