import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { applyGlobalPrefix, buildOpenApiDocument } from './openapi-document';

/**
 * Operations whose success has no JSON body: sign-out (204), documents, their zip and annex spreadsheet, the
 * import template, the event stream, spreadsheet downloads (.xlsx/.csv, described as binary content).
 */
const WITHOUT_JSON_BODY = new Set([
  'post /api/auth/logout',
  'get /api/registry/wards/{wardCode}/tree/export',
  'get /api/registry/wards/{wardCode}/register/export',
  'get /api/procedures/{id}/documents/{type}',
  'get /api/procedures/{id}/documents/bundle.zip',
  'get /api/procedures/{id}/documents/{type}/annex.xlsx',
  'get /api/procedures/items/template',
  'get /api/events',
]);

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    applyGlobalPrefix(app);
    document = buildOpenApiDocument(app);
    await app.close();
  });

  it('given every operation, then each describes the JSON body of its success response', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const operation = item[method];
        if (!operation || WITHOUT_JSON_BODY.has(`${method} ${path}`)) continue;
        const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
        const body =
          success?.[1] && 'content' in success[1] ? success[1].content?.['application/json'] : undefined;
        if (!body?.schema) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }

    expect(missing).toEqual([]);
  });

  it('lists procedures with their filters', () => {
    const list = document.paths['/api/procedures']?.get;
    const names = (list?.parameters ?? []).map((p) => ('name' in p ? p.name : ''));

    expect(names).toEqual(
      expect.arrayContaining([
        'wardCode',
        'status',
        'step',
        'kind',
        'waitingFor',
        'dueBefore',
        'sort',
        'after',
      ]),
    );
  });
});
