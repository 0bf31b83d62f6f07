import { z } from 'zod';
import { type TextKind, checkText } from '@kientoan/domain';

/**
 * The one zod type for text people type (names, titles, reasons, comments, draft bodies): cleaned and checked
 * by the domain's text hygiene (NFC, trimmed, no control/bidi/invisible characters, names in Latin letters),
 * then measured as it will be stored. A refusal carries the domain's Vietnamese and English reasons.
 */
export const cleanTextSchema = (kind: TextKind, max: number) =>
  z
    .string()
    .transform((raw, ctx) => {
      const checked = checkText(raw, kind);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: 'custom', message: checked.vi, input: raw, params: { en: checked.en } });
      return z.NEVER;
    })
    .pipe(z.string().max(max));
