/**
 * GET /api/procedures against the real API and PostgreSQL: only the wards an account may read, filters,
 * and a keyset cursor that walks every procedure exactly once.
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Listing procedures (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const rename = (wardCode: string, group: number) => [
    {
      kind: 'rename' as const,
      unitId: `${wardCode}.tdp${group}`,
      newName: `Chi bộ Tổ dân phố số ${group + 100}`,
    },
  ];

  it('given procedures in two wards, when a secretary lists them, then she sees her ward only, newest first, page by page', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const other = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);
    const otherAs = await signIn(http, other);
    const ids: string[] = [];
    for (const group of [1, 2, 3]) ids.push(await driver.start(as, ward.code, rename(ward.code, group)));
    await driver.start(otherAs, other.code, rename(other.code, 1));

    const first = await as.secretary.get('/api/procedures?limit=2').expect(200);
    const second = await as.secretary
      .get(`/api/procedures?limit=2&after=${encodeURIComponent(first.body.next)}`)
      .expect(200);

    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(second.body.next).toBeNull();
    expect(first.body.items[0]).toMatchObject({
      ward: { code: ward.code },
      status: 'running',
      kind: 'rename',
    });
  });

  it('given filters, when listing, then only matching procedures come back', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);
    await driver.start(as, ward.code, rename(ward.code, 4));

    const running = await as.secretary
      .get(`/api/procedures?wardCode=${ward.code}&status=running`)
      .expect(200);
    const completed = await as.secretary
      .get(`/api/procedures?wardCode=${ward.code}&status=completed`)
      .expect(200);

    expect(running.body.items).toHaveLength(1);
    expect(completed.body.items).toEqual([]);
  });

  it('given another ward, when a secretary asks for it, then 403; and a bad filter is a 400 naming the field', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const other = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);

    await as.secretary.get(`/api/procedures?wardCode=${other.code}`).expect(403);
    const bad = await as.secretary.get('/api/procedures?status=sleeping').expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });
});
