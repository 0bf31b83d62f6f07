import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import en from './en.json';
import vi from './vi.json';

type Texts = Record<string, unknown>;

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

const featuresDir = path.join(__dirname, 'features');
const featureFiles = (language: 'vi' | 'en'): Texts[] =>
  readdirSync(featuresDir)
    .filter((f) => f.endsWith(`.${language}.json`))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(featuresDir, f), 'utf8')) as Texts);

// The same merge as resources.ts (which uses Vite's import.meta.glob, not available under Jest).
const all = (language: 'vi' | 'en'): Texts =>
  Object.assign({}, language === 'vi' ? vi : en, ...featureFiles(language));

describe('translations', () => {
  it('given the Vietnamese texts, then English has exactly the same keys', () => {
    expect(keys(all('en')).sort()).toEqual(keys(all('vi')).sort());
  });

  it('given any text, then it is NFC (Vietnamese is data)', () => {
    const texts = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : texts(v as object)));
    expect(texts(all('vi')).filter((t) => t !== t.normalize('NFC'))).toEqual([]);
  });

  it('given the feature files, then none redefines a top-level key of the base texts or of another feature', () => {
    const seen = new Set(Object.keys(vi));
    const clashes: string[] = [];
    for (const texts of featureFiles('vi')) {
      for (const key of Object.keys(texts)) {
        if (seen.has(key)) clashes.push(key);
        seen.add(key);
      }
    }
    expect(clashes).toEqual([]);
  });
});
