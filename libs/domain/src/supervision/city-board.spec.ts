import { type BoardWard, boardTotals, filterBoard, sortBoard, weekStartInVietnam } from './city-board';

const ward = (code: string, over: Partial<BoardWard> = {}): BoardWard => ({
  code,
  name: code,
  kind: 'phuong',
  ordinal: 1,
  area: null,
  running: { review: 0, draft_resolution: 0, committee_approval: 0, issue_decision: 0, announce: 0 },
  runningTotal: 0,
  overdue: 0,
  stalled: 0,
  failed: 0,
  completedThisWeek: 0,
  ...over,
});

const wards = [
  ward('Ô Chợ Dừa', { ordinal: 13, area: { code: 'dong-da', name: 'Đống Đa' }, overdue: 2, runningTotal: 3 }),
  ward('Ba Đình', {
    ordinal: 3,
    area: { code: 'ba-dinh', name: 'Ba Đình' },
    runningTotal: 5,
    running: { review: 0, draft_resolution: 0, committee_approval: 5, issue_decision: 0, announce: 0 },
  }),
  ward('Kim Liên', {
    ordinal: 10,
    area: { code: 'dong-da', name: 'Đống Đa' },
    failed: 1,
    completedThisWeek: 4,
  }),
  ward('Thử', { ordinal: 900 }),
];

describe('filterBoard', () => {
  it('keeps the wards of one area', () => {
    expect(filterBoard(wards, { area: 'dong-da' }).map((w) => w.code)).toEqual(['Ô Chợ Dừa', 'Kim Liên']);
  });

  it('keeps the wards with running procedures at a step', () => {
    expect(filterBoard(wards, { step: 'committee_approval' }).map((w) => w.code)).toEqual(['Ba Đình']);
  });

  it('keeps the wards with overdue, stalled or failed procedures', () => {
    expect(filterBoard(wards, { overdueOnly: true }).map((w) => w.code)).toEqual(['Ô Chợ Dừa', 'Kim Liên']);
  });

  it('combines filters', () => {
    expect(filterBoard(wards, { area: 'dong-da', step: 'review' })).toEqual([]);
  });
});

describe('sortBoard', () => {
  it('sorts by official order, by Vietnamese name, and counts biggest first', () => {
    expect(sortBoard(wards, 'ordinal').map((w) => w.ordinal)).toEqual([3, 10, 13, 900]);
    expect(sortBoard(wards, 'name').map((w) => w.code)).toEqual(['Ba Đình', 'Kim Liên', 'Ô Chợ Dừa', 'Thử']);
    expect(sortBoard(wards, 'running').map((w) => w.code)[0]).toBe('Ba Đình');
    expect(sortBoard(wards, 'overdue').map((w) => w.code)[0]).toBe('Ô Chợ Dừa');
    expect(sortBoard(wards, 'completed').map((w) => w.code)[0]).toBe('Kim Liên');
  });

  it('puts wards without an area last when sorting by area', () => {
    expect(sortBoard(wards, 'area').map((w) => w.code)).toEqual(['Ba Đình', 'Kim Liên', 'Ô Chợ Dừa', 'Thử']);
  });
});

describe('boardTotals', () => {
  it('adds up the wards shown', () => {
    expect(boardTotals(wards)).toMatchObject({
      runningTotal: 5,
      overdue: 2,
      failed: 1,
      completedThisWeek: 4,
    });
  });
});

describe('weekStartInVietnam', () => {
  it('is Monday 00:00 in Hà Nội (Sunday 17:00 UTC), also late on Sunday and early on Monday', () => {
    expect(weekStartInVietnam(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe(
      '2026-11-22T17:00:00.000Z',
    );
    expect(weekStartInVietnam(new Date('2026-11-22T16:59:00Z')).toISOString()).toBe(
      '2026-11-15T17:00:00.000Z',
    );
    expect(weekStartInVietnam(new Date('2026-11-22T17:00:00Z')).toISOString()).toBe(
      '2026-11-22T17:00:00.000Z',
    );
  });
});
