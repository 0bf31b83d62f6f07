/** The sign-in counters' clean-up runs while the API runs and stops with it. */
import type { ConfigService } from '@nestjs/config';
import type { PrismaClient } from '@kientoan/platform';
import { LoginThrottle } from './login-throttle';

const FIVE_MINUTES = 5 * 60_000;
const config = { get: () => undefined } as unknown as ConfigService;

const givenThrottle = () => {
  const deleteMany = jest.fn().mockResolvedValue({ count: 2 });
  const prisma = { loginThrottle: { deleteMany } } as unknown as PrismaClient;
  return { throttle: new LoginThrottle(prisma, config), deleteMany };
};

describe('LoginThrottle clean-up', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-06T08:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('given rows, when it cleans up, then only rows expired an hour ago or more are removed', async () => {
    const { throttle, deleteMany } = givenThrottle();

    await expect(throttle.removeExpired()).resolves.toBe(2);

    expect(deleteMany).toHaveBeenCalledWith({
      where: { expire: { lt: new Date('2026-12-06T07:00:00Z') } },
    });
    throttle.onModuleDestroy();
  });

  it('given a running API, when five minutes pass, then the clean-up runs', () => {
    const { throttle, deleteMany } = givenThrottle();

    jest.advanceTimersByTime(FIVE_MINUTES);

    expect(deleteMany).toHaveBeenCalledTimes(1);
    throttle.onModuleDestroy();
  });

  it('given the API closed, when five minutes pass, then nothing queries the closed database', () => {
    const { throttle, deleteMany } = givenThrottle();

    throttle.onModuleDestroy();
    jest.advanceTimersByTime(FIVE_MINUTES * 3);

    expect(deleteMany).not.toHaveBeenCalled();
  });
});
