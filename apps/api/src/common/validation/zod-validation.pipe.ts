import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationError, type FieldError } from '../errors/request-validation.error';
import { describeIssue, fieldPath } from './zod-issue-messages';

/** Validates and normalizes input at the edge; nothing past this pipe sees an unchecked value. */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata?: ArgumentMetadata): z.output<S> {
    // reportInput: "missing" and "wrong type" are told apart by the input (the input never leaves this pipe).
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (result.success) return result.data;
    // A single path parameter (`:id`) or query value is named by its own name, not as "body".
    const root = metadata?.data ? [metadata.data] : [];
    const errors: FieldError[] = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? // Each unknown field is named where it stands, so a client can point at it.
          issue.keys.map((key) => ({
            field: fieldPath([...root, ...issue.path, key]),
            ...describeIssue({ ...issue, keys: [key] }),
          }))
        : [{ field: fieldPath([...root, ...issue.path]), ...describeIssue(issue) }],
    );
    throw new RequestValidationError(errors);
  }
}
