import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/**
 * An error in the user's language: a translation of the API's stable code when we have one, otherwise the
 * API's own message in that language (the API answers in Vietnamese and English).
 */
export const useErrorText = () => {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const fromApi = english ? error.body.messageEn : error.body.message;
      return t(`errors.${error.code}`, { defaultValue: fromApi || t('errors.unknown') });
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.unknown');
  };
};

/** Field → reason (in the user's language) from a 400, for the form item the field belongs to. */
export const useFieldErrors = () => {
  const { i18n } = useTranslation();
  return (error: unknown): Record<string, string> => {
    if (!(error instanceof ApiError) || !error.body.errors) return {};
    return Object.fromEntries(
      error.body.errors.map((e) => [e.field, i18n.language === 'en' ? e.reasonEn : e.reason]),
    );
  };
};
