import { numberingSeriesLabel } from './numbering-series';

describe('numberingSeriesLabel', () => {
  it('given a term key (its first day), then it names the term by that day', () => {
    expect(numberingSeriesLabel('2025-09-01')).toBe('nhiệm kỳ từ ngày 01/09/2025');
  });

  it('given "start", then it is the term before the first congress', () => {
    expect(numberingSeriesLabel('start')).toBe('trước Đại hội lần thứ nhất');
  });

  it('given a year (decisions numbered before term registers), then it names the year', () => {
    expect(numberingSeriesLabel('2025')).toBe('năm 2025');
  });
});
