/**
 * The registry against a real PostgreSQL: a Kim Liên-shaped ward takes one resolution of 26 establishments
 * and 70 renames; the tree, the history (as of any date) and the lineage are checked in the database, and the
 * preview the API showed beforehand must have predicted exactly that.
 */
import type { App } from 'supertest/types';
import { type ResolutionItem, compareVietnamese, planResolution } from '@kientoan/domain';
import { applyChangeSet, loadSnapshot } from '@kientoan/platform';
import { type Client, client, login } from '../support/http-client';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenSupervisor, givenWardShapedLike } from '../support/factories';
import { signIn } from '../support/procedure-driver';
import { importUnitsFromCsv } from '../../apps/cli/src/import/import-units.command';

describe('Organization registry (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let supervisor: Client;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given Kim Liên before its restructuring, when 26 establishments and 70 renames are applied, then the ward has 114 organizations and preview predicted it exactly', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-kim-lien');
    const residential = ward.units
      .filter((u) => u.setting === 'residential_group')
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    expect(residential).toHaveLength(70);
    const items: ResolutionItem[] = [
      {
        kind: 'establish',
        name: 'Chi bộ Hành chính - Sự nghiệp phường Kim Liên',
        unitKind: 'grassroots_cell',
        setting: 'public_service_unit',
        parentId: ward.committeeId,
        fullMembers: 21,
      },
      {
        kind: 'establish',
        name: 'Chi bộ Trạm Y tế phường Kim Liên',
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: ward.committeeId,
        fullMembers: 6,
      },
      ...Array.from({ length: 24 }, (_, k): ResolutionItem => ({
        kind: 'establish',
        name: `Chi bộ Khu dân cư số ${k + 1}`,
        unitKind: 'grassroots_cell',
        setting: 'residential_group',
        parentId: ward.committeeId,
        fullMembers: 10 + (k % 15),
      })),
      ...residential.map((u, k): ResolutionItem => ({
        kind: 'rename',
        unitId: u.id,
        newName: `Chi bộ Tổ dân phố số ${k + 1}`,
      })),
    ];

    const preview = await (
      await signIn(http, ward)
    ).secretary
      .post('/api/registry/preview')
      .send({ wardCode: ward.code, items })
      .expect(200);
    expect(preview.body).toMatchObject({
      organizationsBefore: 88,
      organizationsAfter: 114,
      countsByChange: { establish: 26, rename: 70 },
    });
    const writtenByPreview = await stack.prisma.orgUnit.count({ where: { wardCode: ward.code } });
    expect(writtenByPreview).toBe(ward.units.length);

    // Apply: what the issue-decision step does, in one transaction, with the decision's reference.
    let n = 0;
    const planned = planResolution(await loadSnapshot(stack.prisma, ward.code), items, {
      wardCode: ward.code,
      newUnitId: () => `${ward.code}.new-${++n}`,
    });
    if (!planned.ok) throw new Error(JSON.stringify(planned.violations));
    await stack.prisma.$transaction((tx) =>
      applyChangeSet(tx, planned.changeSet, { effectiveDate: '2025-07-07', decisionRef: 'Số 1-QĐ/ĐU' }),
    );

    const tree = await supervisor.get(`/api/registry/wards/${ward.code}/tree`).expect(200);
    expect(tree.body.organizations).toBe(114);
    // Preview and apply agree: every unit the preview showed is in the database exactly so.
    const after = await loadSnapshot(stack.prisma, ward.code);
    const shown = preview.body.entries as {
      change: string;
      before: { id: string } | null;
      after: { name: string; kind: string; fullMembers: number; parentName: string };
    }[];
    const stored = planned.changeSet.changes.map((c) => after.get(c.after.id)!);
    expect(stored.map((u) => [u.name, u.kind, u.fullMembers, after.get(u.parentId!)!.name])).toEqual(
      shown.map((e) => [e.after.name, e.after.kind, e.after.fullMembers, e.after.parentName]),
    );

    // History: the tree as of the day before still has the old names; the unit knows its former name.
    const before = await supervisor.get(`/api/registry/wards/${ward.code}/tree?asOf=2025-07-06`).expect(200);
    expect(before.body.organizations).toBe(88);
    const first = residential[0]!;
    const unit = await supervisor
      .get(`/api/registry/units/${encodeURIComponent(first.id)}?asOf=2025-07-02`)
      .expect(200);
    expect(unit.body).toMatchObject({
      name: 'Chi bộ Tổ dân phố số 1',
      formerNames: [first.name],
      asOf: { date: '2025-07-02', version: { name: first.name } },
    });
    expect(
      unit.body.history.map(
        (h: { validFrom: string; validTo: string | null; decisionRef: string | null }) => [
          h.validFrom,
          h.validTo,
          h.decisionRef,
        ],
      ),
    ).toEqual([
      ['2025-07-01', '2025-07-07', null],
      ['2025-07-07', null, 'Số 1-QĐ/ĐU'],
    ]);
  });

  it('given two cells merged, then lineage links both predecessors to the successor', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const [a, b] = ward.units.filter((u) => u.setting === 'residential_group');
    const planned = planResolution(
      await loadSnapshot(stack.prisma, ward.code),
      [
        {
          kind: 'merge',
          unitIds: [a!.id, b!.id],
          name: 'Chi bộ Khu dân cư Hào Nam',
          unitKind: 'grassroots_cell',
          setting: 'residential_group',
          parentId: ward.committeeId,
        },
      ],
      { wardCode: ward.code, newUnitId: () => `${ward.code}.merged` },
    );
    if (!planned.ok || a!.fullMembers + b!.fullMembers >= 30)
      return expect(planned.ok).toBe(a!.fullMembers + b!.fullMembers < 30);
    await stack.prisma.$transaction((tx) =>
      applyChangeSet(tx, planned.changeSet, { effectiveDate: '2025-08-01', decisionRef: 'Số 2-QĐ/ĐU' }),
    );
    const merged = await supervisor.get(`/api/registry/units/${ward.code}.merged`).expect(200);
    expect(merged.body.lineage.predecessors.map((p: { id: string }) => p.id).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
    const old = await supervisor.get(`/api/registry/units/${encodeURIComponent(a!.id)}`).expect(200);
    expect(old.body).toMatchObject({
      status: 'dissolved',
      lineage: { successors: [{ id: `${ward.code}.merged`, change: 'merge' }] },
    });
  });

  it('given "tổ 34 is the new name of tổ 6", when searching without diacritics, then both the unit and its history are found', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const tdp6 = `${ward.code}.tdp6`;
    const planned = planResolution(
      await loadSnapshot(stack.prisma, ward.code),
      [{ kind: 'rename', unitId: tdp6, newName: 'Chi bộ Tổ dân phố số 34' }],
      {
        wardCode: ward.code,
        newUnitId: () => 'unused',
      },
    );
    if (!planned.ok) throw new Error('rename refused');
    await stack.prisma.$transaction((tx) =>
      applyChangeSet(tx, planned.changeSet, { effectiveDate: '2025-07-15', decisionRef: 'Số 5-QĐ/ĐU' }),
    );
    const found = await supervisor
      .get(
        `/api/registry/units/search?q=${encodeURIComponent('CHI BO TO DAN PHO SO 34')}&wardCode=${ward.code}`,
      )
      .expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([tdp6]);
    const unit = await supervisor.get(`/api/registry/units/${tdp6}`).expect(200);
    expect(unit.body.formerNames).toEqual(['Chi bộ Tổ dân phố số 6']);
  });

  it('sorts search results in Vietnamese order with numbers as numbers, and pages them', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const page1 = await supervisor
      .get(`/api/registry/units/search?q=to dan pho so&wardCode=${ward.code}&limit=3`)
      .expect(200);
    expect(page1.body.items.map((i: { name: string }) => i.name)).toEqual([
      'Chi bộ Tổ dân phố số 1',
      'Chi bộ Tổ dân phố số 2',
      'Chi bộ Tổ dân phố số 3',
    ]);
    expect(page1.body.total).toBe(33);
    const page4 = await supervisor
      .get(`/api/registry/units/search?q=to dan pho so&wardCode=${ward.code}&limit=3&offset=9`)
      .expect(200);
    expect(page4.body.items[0].name).toBe('Chi bộ Tổ dân phố số 10');
    expect(page4.body.total).toBe(33);
    // Past the last match: no items, the total still counted.
    const beyond = await supervisor
      .get(`/api/registry/units/search?q=to dan pho so&wardCode=${ward.code}&limit=3&offset=40`)
      .expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 33 });
    const none = await supervisor
      .get(`/api/registry/units/search?q=khong co to nao&wardCode=${ward.code}`)
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
  });

  it('given a resolution that breaks rules, when previewed, then 400 lists every violation with its field and nothing is written', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const response = await (
      await signIn(http, ward)
    ).secretary
      .post('/api/registry/preview')
      .send({
        wardCode: ward.code,
        items: [
          { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 7'.normalize('NFD') },
          {
            kind: 'establish',
            name: 'Chi bộ Mới',
            unitKind: 'grassroots_cell',
            setting: 'village',
            parentId: ward.committeeId,
            fullMembers: 2,
          },
        ],
      })
      .expect(400);
    expect(response.body.code).toBe('RESOLUTION_INVALID');
    expect(response.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['items[0].newName', 'DUPLICATE_SIBLING_NAME'],
      ['items[1].fullMembers', 'BELOW_MINIMUM_MEMBERS'],
    ]);
    expect(await stack.prisma.orgUnit.count({ where: { wardCode: ward.code } })).toBe(ward.units.length);
  });

  it('answers bad input with 400 and unknown things with 404', async () => {
    await supervisor.get('/api/registry/wards/khong-co/tree').expect(404);
    await supervisor.get('/api/registry/units/khong-co').expect(404);
    const badDate = await supervisor
      .get('/api/registry/wards/phuong-kim-lien/tree?asOf=07-07-2025')
      .expect(400);
    expect(badDate.body.errors[0].field).toBe('asOf');
    const badItem = await supervisor
      .post('/api/registry/preview')
      .send({ wardCode: 'phuong-kim-lien', items: [{ kind: 'abolish', unitId: 'x' }] })
      .expect(400);
    expect(badItem.body.errors[0].field).toMatch(/^items\[0\]/);
    await supervisor.get('/api/registry/units/search').expect(400);
  });

  it('the database itself refuses two live units with the same name under one parent', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    await expect(
      stack.prisma.orgUnit.update({
        where: { id: `${ward.code}.tdp7` },
        data: {
          name: 'Chi bộ Tổ dân phố số 6',
          nameKey: 'chi bộ tổ dân phố số 6',
          liveNameKey: 'chi bộ tổ dân phố số 6',
        },
      }),
    ).rejects.toThrow(/Unique constraint/);
    await expect(
      stack.prisma.orgUnit.update({ where: { id: `${ward.code}.tdp7` }, data: { fullMembers: -1 } }),
    ).rejects.toThrow();
  });

  it('lists the 126 communes and wards in Vietnamese order with their organization counts', async () => {
    // Suites that test the board add wards of their own after the 126 (codes "test-…", ordinals from 200, kept
    // between runs): in the official order the seeded ones come first.
    const inOrder = await supervisor.get('/api/registry/wards?limit=200').expect(200);
    const seeded = (inOrder.body.items as { code: string; organizations: number }[]).filter(
      (w) => !w.code.startsWith('test-'),
    );
    expect(seeded).toHaveLength(126);
    expect(seeded.find((w) => w.code === 'phuong-kim-lien')?.organizations).toBe(88);
    const byName = await supervisor.get('/api/registry/wards?sort=name&limit=200').expect(200);
    const names = (byName.body.items as { code: string; name: string }[]).map((w) => w.name);
    // Numbers inside names go by value ("Thử 16866…" before "Thử 136867…"), as the product collates them.
    expect(names).toEqual([...names].sort(compareVietnamese));
    const seededNames = (byName.body.items as { code: string; name: string }[])
      .filter((w) => !w.code.startsWith('test-'))
      .map((w) => w.name);
    expect(seededNames).toEqual([...seededNames].sort((a, b) => a.localeCompare(b, 'vi')));
  });

  it('given a CSV with one bad row, when imported, then nothing is imported and the row is named; the corrected file imports', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const header = 'ma,ten,loai,linh_vuc,ma_cap_tren,so_dang_vien_chinh_thuc,bi_thu,pho_bi_thu,chi_uy';
    const rows = [
      'n1,Chi bộ Trường Mầm non Hoa Sen,Chi bộ cơ sở,Trường học,,11,Nguyễn Thị Lan,,',
      'n2,Chi bộ Công ty Hào Nam,Chi bộ cơ sở,Doanh nghiệp,,2,,,',
    ];
    const bad = await importUnitsFromCsv(stack.prisma, ward.code, [header, ...rows].join('\n'), '2025-09-01');
    expect(bad).toEqual({
      ok: false,
      problems: [expect.objectContaining({ line: 3, field: 'fullMembers' })],
    });
    expect(await stack.prisma.orgUnit.count({ where: { wardCode: ward.code } })).toBe(ward.units.length);
    const good = await importUnitsFromCsv(
      stack.prisma,
      ward.code,
      [header, rows[0], rows[1]!.replace(',2,', ',5,')].join('\n'),
      '2025-09-01',
    );
    expect(good).toEqual({ ok: true, created: 2 });
    const imported = await supervisor.get(`/api/registry/units/${ward.code}.n1`).expect(200);
    expect(imported.body.officers).toEqual([
      expect.objectContaining({ role: 'secretary', personName: 'Nguyễn Thị Lan', since: '2025-09-01' }),
    ]);
  });
});
