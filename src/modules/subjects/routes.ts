import { Type } from 'typebox';
import type { App } from '../../http/types';
import { errorResponses, IdParams } from '../../http/schemas';
import {
  EndRelationBody,
  NewRelationBody,
  NewSubjectBody,
  PersonalDataBody,
  PersonalDataSchema,
  PublicSubjectListSchema,
  PublicSubjectSchema,
  PublicSubjectSearchQuery,
  RelationParams,
  RelationSchema,
  RenameBody,
  SubjectDetailSchema,
  SubjectListSchema,
  SubjectSchema,
  SubjectSearchQuery,
} from './schema';
import * as subjects from './service';

const publicRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export function registerSubjectRoutes(app: App): void {
  const { db } = app.ctx;
  const tags = ['信用主体'];
  const publicTags = ['公开查询'];

  app.get(
    '/subjects',
    { schema: { tags, summary: '查询信用主体（工作人员）', querystring: SubjectSearchQuery, response: { 200: SubjectListSchema, ...errorResponses } } },
    async (request) => subjects.searchSubjects(db, request.actor, request.query),
  );

  app.post(
    '/subjects',
    { schema: { tags, summary: '登记信用主体', body: NewSubjectBody, response: { 201: SubjectSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await subjects.createSubject(db, request.actor, request.body)),
  );

  app.get(
    '/subjects/:id',
    { schema: { tags, summary: '信用主体详情（证件号码脱敏，含曾用名和关联人员）', params: IdParams, response: { 200: SubjectDetailSchema, ...errorResponses } } },
    async (request) => subjects.getSubject(db, request.actor, request.params.id),
  );

  app.post(
    '/subjects/:id/rename',
    { schema: { tags, summary: '变更主体名称（保留曾用名）', params: IdParams, body: RenameBody, response: { 200: SubjectSchema, ...errorResponses } } },
    async (request) => subjects.renameSubject(db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/subjects/:id/relations',
    { schema: { tags, summary: '登记法定代表人、主要负责人或实际控制人', params: IdParams, body: NewRelationBody, response: { 201: RelationSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await subjects.addRelation(db, request.actor, { subjectId: request.params.id, ...request.body })),
  );

  app.post(
    '/subjects/:id/relations/:relationId/end',
    { schema: { tags, summary: '结束关联人员的任职', params: RelationParams, body: EndRelationBody, response: { 200: RelationSchema, ...errorResponses } } },
    async (request) =>
      subjects.endRelation(db, request.actor, { subjectId: request.params.id, relationId: request.params.relationId, validTo: request.body.validTo }),
  );

  app.post(
    '/subjects/:id/personal-data',
    {
      schema: {
        tags,
        summary: '查看未脱敏的个人信息（须填写用途，写入查询使用登记）',
        params: IdParams,
        body: PersonalDataBody,
        response: { 200: PersonalDataSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await subjects.readPersonalData(db, request.actor, request.params.id, request.body.purpose);
      return reply.header('cache-control', 'no-store').send(data);
    },
  );

  app.get(
    '/public/subjects',
    {
      schema: { tags: publicTags, summary: '公开查询信用主体（法人和非法人组织、个体工商户）', security: [], querystring: PublicSubjectSearchQuery, response: { 200: PublicSubjectListSchema, ...errorResponses, 429: Type.Ref('Error') } },
      config: publicRateLimit,
    },
    async (request) => subjects.searchPublicSubjects(db, request.query),
  );

  app.get(
    '/public/subjects/:id',
    {
      schema: { tags: publicTags, summary: '信用主体公开基本信息', security: [], params: IdParams, response: { 200: PublicSubjectSchema, ...errorResponses, 429: Type.Ref('Error') } },
      config: publicRateLimit,
    },
    async (request) => subjects.getPublicSubject(db, request.params.id),
  );
}
