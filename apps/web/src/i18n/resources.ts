import i18n from 'i18next';

type Texts = Record<string, unknown>;
export type Language = 'vi' | 'en';

// Feature texts live in their own files so features can be added without touching one shared file. They are
// not part of the first load: the sign-in page needs only the base texts (vi.json); each language's feature
// files (and the English base) are fetched as small chunks when a page that uses them, or the language, is
// first needed.
const featureFiles = import.meta.glob<Texts>('./features/*.json', { import: 'default' });
const englishBase = () => import('./en.json').then((m) => m.default as Texts);

const loadFeatureTexts = async (language: Language): Promise<Texts> => {
  const files = Object.entries(featureFiles)
    .filter(([file]) => file.endsWith(`.${language}.json`))
    .sort(([a], [b]) => a.localeCompare(b));
  const texts = await Promise.all(files.map(([, load]) => load()));
  return Object.assign({}, ...texts) as Texts;
};

const loaded = new Map<Language, Promise<void>>();

/**
 * Every text of `language` (base and features) added to i18next; once per language, the same promise for
 * every caller. A failed fetch (a deploy replaced the chunks, the network dropped) is forgotten so the next
 * caller tries again.
 */
export const textsReady = (language: Language): Promise<void> => {
  const known = loaded.get(language);
  if (known) return known;
  const loading = Promise.all([
    language === 'en' ? englishBase() : Promise.resolve({}),
    loadFeatureTexts(language),
  ]).then(([base, features]) => {
    i18n.addResourceBundle(language, 'translation', { ...base, ...features }, true, true);
  });
  loading.catch(() => loaded.delete(language));
  loaded.set(language, loading);
  return loading;
};

/** The language the app shows now. */
export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'vi');
