/** A typical ward or commune of the generated city (not public data: realistic, deterministic). */
import type { UnitSetting } from '@kientoan/domain';
import type { SeededRandom } from './seeded-random';
import type { UnitSpec, WardFact } from './unit-spec';

const SCHOOLS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường Trung học cơ sở'];
const AGENCIES: readonly [string, UnitSetting][] = [
  ['Cơ quan Đảng - Mặt trận - Đoàn thể', 'agency'],
  ['Cơ quan Ủy ban nhân dân', 'agency'],
  ['Quân sự', 'agency'],
  ['Trung tâm Phục vụ hành chính công', 'public_service_unit'],
];
const VILLAGES = [
  'Đông',
  'Đoài',
  'Nam',
  'Bắc',
  'Thượng',
  'Hạ',
  'Trung',
  'Cầu',
  'Chùa',
  'Đình',
  'Gạo',
  'Mía',
  'Vực',
  'Thôn Mới',
  'Bến',
  'Đồng',
  'Giữa',
  'Ngoài',
  'Trong',
  'Hòa',
  'An',
  'Phú',
  'Quý',
  'Lộc',
  'Thọ',
  'Khang',
  'Ninh',
  'Yên',
  'Tân',
  'Vĩnh',
];

/** A typical ward or commune: residential/village cells, schools, health, agencies, a few committees. */
export const typicalWard = (ward: WardFact, random: SeededRandom): UnitSpec[] => {
  const specs: UnitSpec[] = [];
  const cell = (key: string, name: string, setting: UnitSetting, min = 8, max = 29): UnitSpec => ({
    key,
    kind: 'grassroots_cell',
    setting,
    name,
    fullMembers: random.int(min, max),
  });
  const groups = ward.kind === 'phuong' ? random.int(55, 75) : random.int(10, 18);
  for (let k = 1; k <= groups; k += 1)
    specs.push(cell(`tdp${k}`, `Chi bộ Tổ dân phố số ${k}`, 'residential_group', 10, 29));
  if (ward.kind === 'xa') {
    const villages = random.int(28, 40);
    for (let k = 0; k < villages; k += 1) {
      const name = k < VILLAGES.length ? `Chi bộ thôn ${VILLAGES[k]}` : `Chi bộ thôn ${k + 1}`;
      specs.push(cell(`thon${k}`, name, 'village', 12, 29));
    }
  }
  SCHOOLS.forEach((school, k) =>
    specs.push(cell(`school${k}`, `Chi bộ ${school} ${ward.name}`, 'school', 5, 25)),
  );
  specs.push(
    cell(
      'health',
      `Chi bộ Trạm Y tế ${ward.kind === 'phuong' ? 'phường' : 'xã'} ${ward.name}`,
      'health_station',
      3,
      12,
    ),
  );
  AGENCIES.forEach(([agency, setting], k) =>
    specs.push(cell(`agency${k}`, `Chi bộ ${agency}`, setting, 6, 25)),
  );
  const enterprises = random.int(1, 4);
  for (let k = 1; k <= enterprises; k += 1) {
    specs.push(cell(`ent${k}`, `Chi bộ Công ty cổ phần ${ward.name} ${k}`, 'enterprise', 3, 15));
  }
  if (ward.kind === 'xa') {
    specs.push(cell('htx', `Chi bộ Hợp tác xã Nông nghiệp ${ward.name}`, 'cooperative', 4, 15));
    specs.push(cell('qtd', `Chi bộ Quỹ tín dụng nhân dân ${ward.name}`, 'credit_fund', 3, 10));
  }
  // Grassroots Party committees (≥ 30 full members) with their subordinate cells.
  const committees = [
    `Đảng bộ Công an ${ward.kind === 'phuong' ? 'phường' : 'xã'} ${ward.name}`,
    `Đảng bộ Trường Trung học phổ thông ${ward.name}`,
  ];
  committees.slice(0, random.int(1, 2)).forEach((name, c) => {
    const subs = random.int(3, 6);
    const members = Array.from({ length: subs }, () => random.int(6, 20));
    specs.push({
      key: `dbcs${c}`,
      kind: 'grassroots_committee',
      setting: c === 0 ? 'agency' : 'school',
      name,
      fullMembers: Math.max(
        30,
        members.reduce((a, b) => a + b, 0),
      ),
    });
    members.forEach((m, k) =>
      specs.push({
        key: `dbcs${c}-cb${k}`,
        kind: 'subordinate_cell',
        setting: c === 0 ? 'agency' : 'school',
        name: `Chi bộ ${c === 0 ? 'Đội' : 'Tổ chuyên môn'} ${k + 1}`,
        fullMembers: m,
        parent: `dbcs${c}`,
      }),
    );
  });
  return specs;
};
