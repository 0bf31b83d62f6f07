import { WARD_AREAS, wardAreaOf } from './ward-areas';

describe('ward areas (derived former districts)', () => {
  it('puts each of the 126 wards in exactly one area', () => {
    for (let ordinal = 1; ordinal <= 126; ordinal += 1) {
      const holders = WARD_AREAS.filter((a) => a.ranges.some(([f, t]) => ordinal >= f && ordinal <= t));
      expect({ ordinal, areas: holders.length }).toEqual({ ordinal, areas: 1 });
    }
  });

  it('names 30 areas, as Hà Nội had 30 district-level units before 1 July 2025', () => {
    expect(WARD_AREAS).toHaveLength(30);
    expect(new Set(WARD_AREAS.map((a) => a.code)).size).toBe(30);
  });

  it('finds Kim Liên in Đống Đa and Đan Phượng commune in Đan Phượng; a ward outside the list in none', () => {
    expect(wardAreaOf(10)?.name).toBe('Đống Đa');
    expect(wardAreaOf(106)?.name).toBe('Đan Phượng');
    expect(wardAreaOf(500)).toBeNull();
  });
});
