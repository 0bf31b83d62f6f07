import { formatDocumentNumber } from './decision-number';
import { yearInVietnam } from '../calendar/vietnam-time';

describe('decision numbers', () => {
  it('formats the register number as printed', () => {
    expect(formatDocumentNumber(12, 'QĐ')).toBe('Số 12-QĐ/ĐU');
    expect(formatDocumentNumber(3, 'NQ')).toBe('Số 03-NQ/ĐU');
  });

  it('refuses a number that is not a positive integer', () => {
    expect(() => formatDocumentNumber(0, 'QĐ')).toThrow(RangeError);
    expect(() => formatDocumentNumber(1.5, 'QĐ')).toThrow(RangeError);
  });

  it('takes the year in Vietnam time: 31 Dec 18:00 UTC is already next year in Hà Nội', () => {
    expect(yearInVietnam(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
    expect(yearInVietnam(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
  });
});
