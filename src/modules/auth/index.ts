export * from './policy';
export { login, resolveSession, resolveApiKey, createUser, updateUser, listUsers, createApiKey, countUsers, actorFromUser } from './service';
export type { AuthSettings, SessionUser } from './service';
export { hashPassword } from './passwords';
export { registerAuthRoutes } from './routes';
