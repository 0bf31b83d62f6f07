import {
  checkCongressChange,
  congressListProblems,
  congressOrdinalName,
  documentsMovedByCongresses,
  documentsRenamedByCongresses,
} from './ward-congresses';

const first = { ordinal: 1, name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Nhất', closedOn: '2025-08-31' };
const second = { ordinal: 2, name: 'Đại hội Đảng bộ phường Kim Liên lần thứ Hai', closedOn: '2030-07-20' };

describe("A ward's congresses and the documents already numbered", () => {
  it('given congresses in order, then the list has no problem; an empty list has none either', () => {
    expect(congressListProblems([first, second])).toEqual([]);
    expect(congressListProblems([])).toEqual([]);
  });

  it('given a congress closing on or before the one before it, then that date is named, in Vietnamese', () => {
    const problems = congressListProblems([first, { ...second, closedOn: '2025-08-31' }]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'congresses[1].closedOn',
        reason: 'Đại hội lần thứ 2 phải bế mạc sau đại hội lần thứ 1 (31/08/2025).',
      }),
    ]);
  });

  it('given ordinals with a gap, then the ordinal is named', () => {
    expect(congressListProblems([first, { ...second, ordinal: 3 }]).map((p) => p.field)).toEqual([
      'congresses[1].ordinal',
    ]);
  });

  it('given a document numbered in the first term, when its congress moves to after it, then the document would move and the change is refused with 409', () => {
    const numbered = [{ symbol: 'Số 01-QĐ/ĐU', docType: 'QĐ', day: '2025-09-05', term: '2025-09-01' }];
    expect(documentsMovedByCongresses([first, second], numbered)).toEqual([]);
    const later = [{ ...first, closedOn: '2025-09-10' }];
    expect(documentsMovedByCongresses(later, numbered)).toEqual([{ ...numbered[0], newTerm: 'start' }]);
    expect(() => checkCongressChange(later, numbered)).toThrow(
      expect.objectContaining({
        code: 'CONGRESS_MOVES_NUMBERED_DOCUMENTS',
        kind: 'conflict',
        messageVi: expect.stringContaining(
          'văn bản Số 01-QĐ/ĐU ban hành ngày 05/09/2025 đã được đánh số trong nhiệm kỳ bắt đầu ngày 01/09/2025',
        ),
      }),
    );
  });

  it('given a move that keeps every numbered document in its term, then it is allowed (the boundary moves within the gap)', () => {
    const numbered = [
      { symbol: 'Số 01-NQ/ĐU', docType: 'NQ', day: '2025-07-07', term: 'start' },
      { symbol: 'Số 01-QĐ/ĐU', docType: 'QĐ', day: '2025-09-05', term: '2025-09-01' },
    ];
    // Moving the first congress from 31/8 to 20/8 would rename the term (its first day): refused.
    expect(() => checkCongressChange([{ ...first, closedOn: '2025-08-20' }], numbered)).toThrow(
      expect.objectContaining({ code: 'CONGRESS_MOVES_NUMBERED_DOCUMENTS' }),
    );
    // Adding the second congress after the last document: allowed.
    expect(() => checkCongressChange([first, second], numbered)).not.toThrow();
  });

  it('given a name giving a term that ends before it starts, then the name is refused, in Vietnamese', () => {
    expect(congressListProblems([{ ...first, name: `${first.name}, nhiệm kỳ 2030 - 2025` }])).toEqual([
      expect.objectContaining({
        field: 'congresses[0].name',
        reason: 'Tên đại hội lần thứ 1 ghi nhiệm kỳ 2030 - 2025: năm kết thúc phải sau năm bắt đầu.',
      }),
    ]);
  });

  it('given documents numbered in a term, when a new name would give that term other years, then it is refused with 409; a name that keeps the years is allowed', () => {
    const named = { ...first, name: `${first.name}, nhiệm kỳ 2025 - 2030` };
    const numbered = [
      { symbol: 'Số 01-NQ/ĐU', docType: 'NQ', day: '2025-07-07', term: 'start' },
      { symbol: 'Số 01-QĐ/ĐU', docType: 'QĐ', day: '2025-09-05', term: '2025-09-01' },
    ];
    const renamed = [{ ...first, name: `${first.name}, nhiệm kỳ 2026 - 2031` }];
    expect(documentsRenamedByCongresses([named], renamed, numbered)).toEqual([
      expect.objectContaining({
        symbol: 'Số 01-QĐ/ĐU',
        years: { from: 2025, to: 2030 },
        newYears: { from: 2026, to: 2031 },
      }),
    ]);
    expect(() => checkCongressChange(renamed, numbered, [named])).toThrow(
      expect.objectContaining({
        code: 'CONGRESS_RENAMES_NUMBERED_TERM',
        kind: 'conflict',
        messageVi: expect.stringContaining(
          'văn bản Số 01-QĐ/ĐU ban hành ngày 05/09/2025 ghi căn cứ nhiệm kỳ 2025 - 2030',
        ),
      }),
    );
    // Without the term in the name, the congress of 2025 still opens 2025 - 2030: the same years, allowed.
    expect(() => checkCongressChange([first], numbered, [named])).not.toThrow();
    // With no document in the term yet, it may be renamed.
    expect(() => checkCongressChange(renamed, numbered.slice(0, 1), [named])).not.toThrow();
  });

  it('given the register of a term with no document yet, then its congress may move freely', () => {
    expect(() => checkCongressChange([{ ...first, closedOn: '2025-08-20' }], [])).not.toThrow();
  });

  it('given bad dates, then the 400 lists every field', () => {
    expect(() => checkCongressChange([first, { ...second, ordinal: 3, closedOn: '2020-01-01' }], [])).toThrow(
      expect.objectContaining({
        code: 'CONGRESSES_INVALID',
        details: {
          fieldErrors: [
            expect.objectContaining({ field: 'congresses[1].ordinal' }),
            expect.objectContaining({ field: 'congresses[1].closedOn' }),
          ],
        },
      }),
    );
  });

  it('names ordinals as congresses are named', () => {
    expect(congressOrdinalName(1)).toBe('lần thứ Nhất');
    expect(congressOrdinalName(2)).toBe('lần thứ Hai');
  });
});
