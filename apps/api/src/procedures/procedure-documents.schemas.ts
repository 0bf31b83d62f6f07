import { z } from 'zod';

/** How an issued document is downloaded: printable HTML (default), plain text, Word or PDF. */
export const documentFormatSchema = z
  .object({ format: z.enum(['html', 'text', 'docx', 'pdf']).default('html') })
  .strict();
export type DocumentFormat = z.output<typeof documentFormatSchema>['format'];
