import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deadlinePolicyFrom, validateEnvironment } from '../config/environment';
import { lunarYearDates } from './vietnam-holidays';

describe('Vietnam holidays from the lunar calendar', () => {
  it("given 2027, then Tết is Saturday 6 February and Hùng Kings' day Friday 16 April", () => {
    expect(lunarYearDates(2027)).toEqual({ year: 2027, tet: '2027-02-06', hungKings: '2027-04-16' });
  });

  it('given 2007, then Tết is 17 February in Vietnam (the Chinese calendar, at UTC+8, says the 18th)', () => {
    expect(lunarYearDates(2007).tet).toBe('2007-02-17');
  });

  it('given a start in late December 2026, then Tết 2027 is off and 2027 is reported as not announced', () => {
    const policy = deadlinePolicyFrom(validateEnvironment({}), new Date('2026-12-28T02:00:00Z'));
    expect(policy.holidays).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-08', '2027-02-11']));
    expect(policy.unannouncedYears).toEqual([2027]);
  });

  it('given a start in November 2026, then every deadline falls in an announced year and nothing is reported', () => {
    const policy = deadlinePolicyFrom(validateEnvironment({}), new Date('2026-11-25T02:00:00Z'));
    expect(policy.unannouncedYears).toEqual([]);
    expect(policy.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-09-02']));
  });

  it('given an announcements file for 2027, then its days are used and nothing is reported', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-')), 'announced.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ '2027': { daysOff: ['2027-02-04', '2027-02-05'], workingDays: ['2027-02-20'] } }),
    );
    const env = validateEnvironment({ VN_ANNOUNCED_DAYS_FILE: file });
    const policy = deadlinePolicyFrom(env, new Date('2026-12-28T02:00:00Z'));
    expect(policy.unannouncedYears).toEqual([]);
    expect(policy.holidays).toContain('2027-02-04');
    expect(policy.holidays).not.toContain('2027-02-08');
    expect(policy.workingDays).toEqual(['2027-02-20']);
  });

  it('given VN_HOLIDAYS, then that list replaces everything', () => {
    const policy = deadlinePolicyFrom(validateEnvironment({ VN_HOLIDAYS: '2027-01-04' }));
    expect(policy.holidays).toEqual(['2027-01-04']);
  });
});
