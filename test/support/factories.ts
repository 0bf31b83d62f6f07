/** Test data with unique ids, so tests never depend on each other or on the seeded city. */
import { randomUUID } from 'node:crypto';
import { type ResolutionItem, planResolution } from '@kientoan/domain';
import { type PrismaClient, applyChangeSet, hashPassword, loadSnapshot } from '@kientoan/platform';
import { TEST_PASSWORD } from './http-client';

export interface TestWard {
  readonly code: string;
  readonly name: string;
  readonly voters: readonly string[];
  /** Usernames: the ward's secretary, its reviewer, and one account per committee member (same order as voters). */
  readonly users: {
    readonly secretary: string;
    readonly reviewer: string;
    readonly approvers: readonly string[];
  };
}

let passwordHash: Promise<string> | undefined;
/** scrypt is deliberately slow: hash the test password once per test file. */
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** A city-level supervisor account (created once per database). */
export const givenSupervisor = async (prisma: PrismaClient): Promise<string> => {
  const username = 'giam-sat-thu-nghiem';
  await prisma.userAccount.upsert({
    where: { username },
    create: {
      id: username,
      username,
      displayName: 'Giám sát (thử nghiệm)',
      passwordHash: await testPasswordHash(),
      supervisor: true,
    },
    update: { failedLogins: 0, lockedUntil: null },
  });
  return username;
};

let ordinal = 100_000;
let boardOrdinal = 200;

/**
 * A ward of its own with a standing committee of `committeeSize` members. `onBoard`: an ordinal among the
 * city's real wards (≤ 1000, after the 126), so the supervisors' board and progress list it.
 */
export const givenWard = async (
  prisma: PrismaClient,
  { committeeSize = 3, onBoard = false } = {},
): Promise<TestWard> => {
  const suffix = randomUUID().slice(0, 8);
  const code = `test-${suffix}`;
  const name = `Phường Thử ${suffix}`;
  // Ordinals are unique: take the next free one (test wards stay in the test database between runs).
  for (let attempt = 0; ; attempt += 1) {
    const { _max } = await prisma.ward.aggregate({
      _max: { ordinal: true },
      ...(onBoard ? { where: { ordinal: { gte: 200, lte: 1000 } } } : {}),
    });
    if (onBoard) boardOrdinal = Math.max(boardOrdinal, (_max.ordinal ?? 0) + 1);
    else ordinal = Math.max(ordinal, (_max.ordinal ?? 0) + 1);
    if (boardOrdinal > 1000) throw new Error('No free board ordinal: clear the test wards (200…1000)');
    try {
      await prisma.ward.create({
        data: { code, ordinal: onBoard ? boardOrdinal : ordinal, kind: 'phuong', name },
      });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
  const voters = Array.from(
    { length: committeeSize },
    (_, i) => `${code}-btv-${String(i + 1).padStart(2, '0')}`,
  );
  await prisma.wardCommitteeMember.createMany({
    data: voters.map((id, i) => ({
      id,
      wardCode: code,
      fullName: `Ủy viên ${i + 1}`,
      position: 'Ủy viên Ban Thường vụ',
    })),
  });
  const hash = await testPasswordHash();
  const users = {
    secretary: `bi-thu-${suffix}`,
    reviewer: `van-phong-${suffix}`,
    approvers: voters.map((v) => `uv-${v}`),
  };
  await prisma.userAccount.createMany({
    data: [
      { id: users.secretary, username: users.secretary, displayName: 'Bí thư', passwordHash: hash },
      { id: users.reviewer, username: users.reviewer, displayName: 'Văn phòng Đảng ủy', passwordHash: hash },
      ...voters.map((memberId, i) => ({
        id: users.approvers[i]!,
        username: users.approvers[i]!,
        displayName: `Ủy viên ${i + 1}`,
        passwordHash: hash,
        memberId,
      })),
    ],
  });
  await prisma.userWardRole.createMany({
    data: [
      { userId: users.secretary, wardCode: code, role: 'secretary' },
      { userId: users.reviewer, wardCode: code, role: 'reviewer' },
    ],
  });
  return { code, name, voters, users };
};

export const anIdempotencyKey = (): string => `test-${randomUUID()}`;

/** A throwaway ward shaped like one of the seed report's places (as it stood before its restructuring). */
export const givenWardShapedLike = async (
  prisma: PrismaClient,
  place:
    'phuong-kim-lien' | 'phuong-van-mieu-quoc-tu-giam' | 'xa-dan-phuong' | 'xa-phuc-loc' | 'phuong-o-cho-dua',
  { committeeSize = 3, onBoard = false } = {},
) => {
  const ward = await givenWard(prisma, { committeeSize, onBoard });
  const { generateWard } = await import('../../apps/cli/src/seed/city-generator');
  const { insertUnits } = await import('@kientoan/platform');
  const units = generateWard(
    { code: ward.code, ordinal: 7, kind: place.startsWith('xa') ? 'xa' : 'phuong', name: ward.name },
    2025,
    place,
  );
  await prisma.$transaction((tx) =>
    insertUnits(tx, units, { effectiveDate: '2025-07-01', decisionRef: null, change: 'seed' }),
  );
  return { ...ward, units, committeeId: `${ward.code}.dang-bo` };
};

/** Another decision changes the ward's registry now (planned and applied as the issue step does). */
export const givenRegistryChanged = async (
  prisma: PrismaClient,
  wardCode: string,
  items: ResolutionItem[],
  decisionRef = 'Số 99-QĐ/ĐU',
): Promise<void> => {
  const planned = planResolution(await loadSnapshot(prisma, wardCode), items, {
    wardCode,
    newUnitId: () => `${wardCode}.other-${randomUUID().slice(0, 8)}`,
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.violations));
  await prisma.$transaction((tx) =>
    applyChangeSet(tx, planned.changeSet, { effectiveDate: '2025-07-10', decisionRef }),
  );
};

/**
 * A client address of its own (sent as X-Forwarded-For, which the API trusts from loopback): sign-in
 * failures are throttled per address, so tests that fail on purpose never slow each other down.
 */
export const aClientAddress = (): string => {
  const bytes = randomUUID().replace(/-/g, '').slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
};

/** A city-level admin account (created once per database), ready to sign in with the test password. */
export const givenAdmin = async (prisma: PrismaClient): Promise<string> => {
  const username = 'quan-tri-thu-nghiem';
  await prisma.userAccount.upsert({
    where: { username },
    create: {
      id: username,
      username,
      displayName: 'Quản trị (thử nghiệm)',
      passwordHash: await testPasswordHash(),
      admin: true,
    },
    update: { disabledAt: null, mustChangePassword: false },
  });
  return username;
};

/**
 * A ward's measured history for the board's projection: `samples` completed procedures whose every step took
 * `days` days, finished more than a week ago (so not "completed this week") and within the measured window.
 * Other suites leave quick (seconds-long) completed procedures in the shared test database; with these, the
 * ward's own medians decide its projection.
 */
export const givenMeasuredStepDurations = async (
  prisma: PrismaClient,
  wardCode: string,
  { days, samples = 3 }: { days: number; samples?: number },
): Promise<void> => {
  const steps = ['review', 'draft_resolution', 'committee_approval', 'issue_decision', 'announce'];
  for (let i = 0; i < samples; i += 1) {
    const id = randomUUID();
    const started = new Date(Date.now() - (steps.length * days + 8) * 86_400_000);
    const completed = new Date(started.getTime() + steps.length * days * 86_400_000);
    await prisma.$executeRaw`
      INSERT INTO procedure (id, ward_code, kind, title, workflow_id, status, round, created_at, updated_at,
                             completed_at)
      VALUES (${id}::uuid, ${wardCode}, 'rename', 'đo thời gian các bước', ${`measured-${id}`},
              'completed', 1, ${started}, ${completed}, ${completed})`;
    for (const [n, step] of steps.entries()) {
      const from = new Date(started.getTime() + n * days * 86_400_000);
      const to = new Date(from.getTime() + days * 86_400_000);
      await prisma.$executeRaw`
        INSERT INTO procedure_step (procedure_id, step, round, status, started_at, completed_at)
        VALUES (${id}::uuid, ${step}::"ProcedureStepName", 1, 'completed', ${from}, ${to})`;
    }
  }
};
