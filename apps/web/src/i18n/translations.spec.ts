import en from './en.json';
import vi from './vi.json';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

describe('translations', () => {
  it('given the Vietnamese texts, then English has exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('given any text, then it is NFC (Vietnamese is data)', () => {
    const texts = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : texts(v as object)));
    expect(texts(vi).filter((t) => t !== t.normalize('NFC'))).toEqual([]);
  });
});
