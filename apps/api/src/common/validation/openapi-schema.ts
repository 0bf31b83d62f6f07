import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * The OpenAPI schema of a Zod schema: one definition serves validation and documentation. Request bodies
 * and queries are described as accepted (`input`), responses as sent (`output`).
 */
export const openApiSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json as SchemaObject;
};

/** The OpenAPI response schema of a Zod schema (what the endpoint answers). */
export const openApiResponseSchema = (schema: z.ZodType): SchemaObject => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return json as SchemaObject;
};
