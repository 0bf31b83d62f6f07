import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { textsFor } from './resources';

const LANGUAGE_KEY = 'kientoan.language';
const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
const language = saved === 'en' ? 'en' : 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: textsFor('vi') }, en: { translation: textsFor('en') } },
  lng: language,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
dayjs.locale(language);

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(LANGUAGE_KEY, lng);
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'vi');
});

export default i18n;
