import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';
import { type Language, textsReady } from './resources';

const LANGUAGE_KEY = 'kientoan.language';
const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
/** The language the app starts in: Vietnamese unless the person chose English before. */
export const initialLanguage: Language = saved === 'en' ? 'en' : 'vi';

// The Vietnamese base texts are part of the first load (the sign-in page reads them); everything else is
// added by textsReady() (resources.ts).
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: initialLanguage,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  react: { bindI18nStore: 'added' },
});
dayjs.locale(initialLanguage);
if (typeof document !== 'undefined') document.documentElement.lang = initialLanguage;

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'vi');
});

/** Switches the language once its texts are here (no flash of keys or of the other language). */
export const changeLanguage = async (language: Language): Promise<void> => {
  await textsReady(language);
  await i18n.changeLanguage(language);
};

export default i18n;
