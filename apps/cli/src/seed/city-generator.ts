/**
 * Generates the (non-public) part of the registry below Hanoi's 126 real communes and wards: Party cells,
 * committees, member counts and officers, realistic and deterministic from a seed number. Pure: no I/O.
 * Five places follow the seed report's numbers as they stood BEFORE their restructuring (see seed-places.ts).
 */
import { NO_OFFICERS, type Officers, type RegistryUnit, type UnitKind } from '@kientoan/domain';
import { personName } from './person-names';
import { SeededRandom } from './seeded-random';
import { SEED_PLACES } from './seed-places';
import { typicalWard } from './typical-ward';
import type { WardFact } from './unit-spec';

/** Builds the officers the Statute allows for a unit of this size. */
export const officersFor = (random: SeededRandom, kind: UnitKind, members: number): Officers => {
  if (kind === 'ward_committee' || kind === 'legacy_committee') return NO_OFFICERS;
  const deputies = members >= 9 ? random.int(1, 2) : random.next() < 0.7 ? 1 : 0;
  const committee =
    members >= 9 ? Math.max(0, Math.min(random.int(1, 5), Math.floor(members / 5)) - deputies) : 0;
  return {
    secretary: personName(random),
    deputies: Array.from({ length: deputies }, () => personName(random)),
    committee: Array.from({ length: committee }, () => personName(random)),
  };
};

/** The registry units of one ward: its Party committee first, then every unit below it. */
export const generateWard = (ward: WardFact, seed: number, shapeOf: string = ward.code): RegistryUnit[] => {
  const random = new SeededRandom(seed * 1_000_003 + ward.ordinal);
  // `shapeOf` lets tests build a throwaway ward shaped like one of the seed report's places.
  const special = SEED_PLACES[shapeOf];
  const specs = special ? special(ward, random) : typicalWard(ward, random);
  const idOf = (key: string) => `${ward.code}.${key}`;
  const committeeId = idOf('dang-bo');
  const units: RegistryUnit[] = [
    {
      id: committeeId,
      wardCode: ward.code,
      kind: 'ward_committee',
      setting: 'administrative',
      name: `Đảng bộ ${ward.kind === 'phuong' ? 'phường' : 'xã'} ${ward.name}`,
      parentId: null,
      fullMembers: 0,
      status: 'active',
      officers: NO_OFFICERS,
    },
  ];
  for (const spec of specs) {
    units.push({
      id: idOf(spec.key),
      wardCode: ward.code,
      kind: spec.kind,
      setting: spec.setting,
      name: spec.name,
      parentId: spec.parent ? idOf(spec.parent) : committeeId,
      fullMembers: spec.fullMembers,
      status: 'active',
      officers: spec.withoutOfficers ? NO_OFFICERS : officersFor(random, spec.kind, spec.fullMembers),
    });
  }
  // The ward committee's membership is everyone below it (subordinate cells are inside their committee's count).
  units[0] = {
    ...units[0]!,
    fullMembers: units
      .filter(
        (u) =>
          u.kind === 'grassroots_cell' ||
          u.kind === 'grassroots_committee' ||
          (u.kind === 'subordinate_cell' &&
            units.find((p) => p.id === u.parentId)?.kind === 'legacy_committee'),
      )
      .reduce((sum, u) => sum + u.fullMembers, 0),
  };
  return units;
};
