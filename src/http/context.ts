import type { Config } from '../config';
import type { Database } from '../db/connection';
import type { Db } from '../db/types';
import type { Actor } from '../shared/actor';

export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
  }
}
