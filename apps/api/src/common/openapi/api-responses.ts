import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { openApiSchema } from '../validation/openapi-schema';

/** A timestamp as JSON carries it (Date → ISO 8601). */
export const timestamp = z.iso.datetime();
/** A calendar date, YYYY-MM-DD. */
export const calendarDate = z.iso.date();

/** The one error body of the API (common/errors/error-response.ts), documented on every error status. */
export const errorResponseSchema = z.object({
  statusCode: z.number().int(),
  code: z.string().describe('Mã lỗi ổn định / stable error code'),
  message: z.string().describe('Tiếng Việt'),
  messageEn: z.string(),
  errors: z
    .array(z.object({ field: z.string(), reason: z.string(), reasonEn: z.string() }))
    .optional()
    .describe('Per field, for 400'),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** Documents the success body of an operation from a Zod schema (as sent). */
export const ApiResult = (schema: z.ZodType, status = 200, description = 'OK') =>
  applyDecorators(ApiResponse({ status, description, schema: openApiSchema(schema, 'output') }));

/** Documents every query parameter of a Zod object schema (as accepted), from the schema that validates it. */
export const ApiQueryFrom = (schema: z.ZodObject) => {
  const json = openApiSchema(schema) as {
    properties?: Record<string, SchemaObject>;
    required?: string[];
  };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: (json.required ?? []).includes(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      }),
    ),
  );
};
