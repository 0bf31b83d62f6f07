import en from './en.json';
import vi from './vi.json';

type Texts = Record<string, unknown>;

// Feature texts live in their own files so features can be added without touching one shared file.
const featureFiles = import.meta.glob<Texts>('./features/*.json', { eager: true, import: 'default' });

const featureTexts = (language: 'vi' | 'en'): Texts[] =>
  Object.entries(featureFiles)
    .filter(([file]) => file.endsWith(`.${language}.json`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, texts]) => texts);

/** The base texts with every feature's top-level keys added. */
export const textsFor = (language: 'vi' | 'en'): Texts => {
  const base: Texts = language === 'vi' ? vi : en;
  return Object.assign({}, base, ...featureTexts(language)) as Texts;
};
