import { checkText, nameSkeleton } from './clean-text';

const refused = (raw: string, kind: 'name' | 'line' | 'paragraph' = 'name') => {
  const result = checkText(raw, kind);
  if (result.ok) throw new Error(`expected "${raw}" to be refused, got "${result.value}"`);
  return result;
};

describe('text hygiene', () => {
  it('given a decomposed name with inner and outer spaces (NBSP too), when cleaned, then it is NFC and collapsed', () => {
    expect(checkText('  Chi\u00a0 bộ   1 '.normalize('NFD'), 'name')).toEqual({
      ok: true,
      value: 'Chi bộ 1',
    });
  });

  it('given a paragraph, when cleaned, then line breaks stay, spaces collapse and at most one empty line remains', () => {
    expect(checkText(' Lý do 1:\r\n  thiếu   hồ sơ\n\n\n\nLý do 2 ', 'paragraph')).toEqual({
      ok: true,
      value: 'Lý do 1:\nthiếu hồ sơ\n\nLý do 2',
    });
  });

  it('given a name with a zero-width space, then it is refused with its position', () => {
    const result = refused('Chi bộ 2\u200b');
    expect(result.problem).toBe('invisible_character');
    expect(result.position).toBe(9);
    expect(result.vi).toContain('ký tự vô hình');
  });

  it('given a name made only of invisible characters (Hangul filler, Braille blank, word joiner), then it is refused', () => {
    expect(refused('\u3164').problem).toBe('invisible_character');
    expect(refused('\u2800\u2800').problem).toBe('invisible_character');
    expect(refused('\u2060').problem).toBe('invisible_character');
  });

  it('given a name of combining marks only, then it is refused as invisible', () => {
    expect(refused('\u0301\u0301').problem).toBe('invisible');
  });

  it('given a name with only spaces, then it is refused as empty', () => {
    expect(refused(' \u00a0 \u3000').problem).toBe('empty');
  });

  it('given a control character, then it is refused in names, titles and paragraphs', () => {
    expect(refused('Chi bộ\u0007 2').problem).toBe('control');
    expect(refused('Trích yếu\u0000', 'line').problem).toBe('control');
    expect(refused('Lý do\u001b[31m', 'paragraph').vi).toContain('ký tự điều khiển');
  });

  it('given a right-to-left override or an isolate, then it is refused', () => {
    expect(refused('Chi bộ \u202e2 ốs').problem).toBe('bidi');
    expect(refused('Quyết định \u2067x\u2069', 'paragraph').problem).toBe('bidi');
    expect(refused('Chi bộ \u202e2').vi).toContain('đảo chiều');
  });

  it('given a name with a Cyrillic look-alike letter, then it is refused naming the script', () => {
    const result = refused('\u0421hi bộ 2');
    expect(result.problem).toBe('foreign_script');
    expect(result.vi).toContain('Kirin');
    expect(refused('Chi bộ Ο').vi).toContain('Hy Lạp');
  });

  it('given a title in another script, then it is accepted (only names must be Latin)', () => {
    expect(checkText('Đổi tên chi bộ (α)', 'line').ok).toBe(true);
  });

  it('given Vietnamese names with every diacritic and đ, then they are accepted', () => {
    expect(checkText('Đảng bộ Phường Ô Chợ Dừa – Tổ 5/3', 'name')).toEqual({
      ok: true,
      value: 'Đảng bộ Phường Ô Chợ Dừa – Tổ 5/3',
    });
  });

  it('skeletons fold case, width, NFD, NBSP and Cyrillic/Greek look-alikes but keep diacritics', () => {
    const key = nameSkeleton('Chi bộ 2');
    expect(nameSkeleton('CHI BỘ 2'.normalize('NFD'))).toBe(key);
    expect(nameSkeleton('Chi\u00a0bộ 2')).toBe(key);
    expect(nameSkeleton('Chi bộ ２')).toBe(key);
    expect(nameSkeleton('\u0421hi b\u043e\u0323\u0302 2')).toBe(key);
    expect(nameSkeleton('Chi bộ 2\u200b')).toBe(key);
    expect(nameSkeleton('Chi bo 2')).not.toBe(key);
  });
});
