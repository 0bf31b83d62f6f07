import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** `wardRoles[0].wardCode` (the API's field path) → `['wardRoles', 0, 'wardCode']` (an antd name path). */
export const namePath = (field: string): (string | number)[] =>
  field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Puts each field error of an API answer next to its form field (in the user's language) and answers
 * whether any was placed: when none was, the caller shows the error above the form.
 */
export const usePlaceFieldErrors = () => {
  const { i18n } = useTranslation();
  return (form: FormInstance, error: unknown, known: readonly string[]): boolean => {
    if (!(error instanceof ApiError) || !error.body.errors) return false;
    const placed = error.body.errors.filter((e) => known.includes(String(namePath(e.field)[0])));
    form.setFields(
      placed.map((e) => ({
        name: namePath(e.field),
        errors: [i18n.language === 'en' ? e.reasonEn : e.reason],
      })),
    );
    return placed.length > 0;
  };
};
