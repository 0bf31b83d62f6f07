import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The OpenAPI body schema of a Zod schema: one definition serves validation and documentation. */
export const openApiSchema = (schema: z.ZodType): SchemaObject => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return json as SchemaObject;
};

/** The OpenAPI response schema of a Zod schema (what the endpoint answers). */
export const openApiResponseSchema = (schema: z.ZodType): SchemaObject => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return json as SchemaObject;
};
