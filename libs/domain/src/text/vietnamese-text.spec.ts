import { cleanText, compareVietnamese, nameKey, searchKey } from './vietnamese-text';

describe('Vietnamese text', () => {
  it('given a decomposed (NFD) name, then its name key equals the precomposed one', () => {
    expect(nameKey('Chi bộ 1'.normalize('NFD'))).toBe(nameKey('Chi bộ 1'));
    expect(cleanText('  Chi  bộ 1 '.normalize('NFD'))).toBe('Chi bộ 1');
  });

  it('name keys ignore case but keep diacritics', () => {
    expect(nameKey('CHI BỘ 1')).toBe(nameKey('chi bộ 1'));
    expect(nameKey('Chi bo 1')).not.toBe(nameKey('Chi bộ 1'));
  });

  it('search keys drop diacritics and map đ to d', () => {
    expect(searchKey('Chi bộ 5')).toBe('chi bo 5');
    expect(searchKey('Đan Phượng')).toBe('dan phuong');
  });

  it('sorts in Vietnamese order with numbers in numeric order', () => {
    const names = ['Chi bộ 10', 'Chi bộ 2', 'Đan Phượng', 'Dương Nội', 'Ba Đình'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'Ba Đình',
      'Chi bộ 2',
      'Chi bộ 10',
      'Dương Nội',
      'Đan Phượng',
    ]);
  });
});
