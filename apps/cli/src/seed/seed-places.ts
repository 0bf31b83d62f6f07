/**
 * The five places of the seed report, as they stood BEFORE the restructuring the report describes, so that
 * each of their procedures can be run against the registry:
 * - Kim Liên: 88 organizations, 70 residential-group cells under their old names (26 establishments and 70
 *   renames bring it to 114);
 * - Văn Miếu – Quốc Tử Giám: 61 cells under their old names, still under the former wards' committees
 *   (renumbered "Chi bộ 1" … "Chi bộ 61", then 13 upgraded and 5 established);
 * - Đan Phượng: 66 grassroots organizations (7 Party committees, 59 cells: 33 in agencies, units and schools,
 *   26 in villages and residential groups), over 2,300 members; the 26 village cells await their officers;
 * - Phúc Lộc: 37 cells of schools, cooperatives, enterprises and credit funds still under the former communes'
 *   committees and the former Phúc Thọ district enterprise bloc; no village cells yet;
 * - Ô Chợ Dừa: residential group 6 (to become group 34).
 */
import type { UnitSetting } from '@kientoan/domain';
import { typicalWard } from './typical-ward';
import type { UnitSpec, WardFact } from './unit-spec';
import type { SeededRandom } from './seeded-random';

type PlaceGenerator = (ward: WardFact, random: SeededRandom) => UnitSpec[];

const cell = (
  key: string,
  name: string,
  setting: UnitSetting,
  fullMembers: number,
  extra: Partial<UnitSpec> = {},
): UnitSpec => ({
  key,
  kind: 'grassroots_cell',
  setting,
  name,
  fullMembers,
  ...extra,
});

const kimLien: PlaceGenerator = (_ward, random) => {
  const formerWards = ['Kim Liên', 'Trung Tự', 'Phương Liên', 'Nam Đồng', 'Khương Thượng'];
  const specs: UnitSpec[] = [];
  for (let k = 0; k < 70; k += 1) {
    const former = formerWards[k % formerWards.length]!;
    const number = Math.floor(k / formerWards.length) + 1;
    specs.push(
      cell(
        `tdp${k + 1}`,
        `Chi bộ Tổ dân phố số ${number} phường ${former} cũ`,
        'residential_group',
        random.int(10, 29),
      ),
    );
  }
  [
    'Mầm non Kim Liên',
    'Mầm non Trung Tự',
    'Tiểu học Kim Liên',
    'Tiểu học Trung Tự',
    'Trung học cơ sở Phương Mai',
    'Trung học cơ sở Tô Vĩnh Diện',
    'Tiểu học Phương Liên',
    'Mầm non Nam Đồng',
  ].forEach((school, k) =>
    specs.push(cell(`school${k}`, `Chi bộ Trường ${school} (cũ)`, 'school', random.int(5, 20))),
  );
  [
    'Cơ quan Đảng phường Kim Liên cũ',
    'Cơ quan Đảng phường Trung Tự cũ',
    'Cơ quan Ủy ban nhân dân phường Phương Liên cũ',
    'Quân sự phường Kim Liên cũ',
    'Cơ quan Ủy ban nhân dân phường Nam Đồng cũ',
    'Cơ quan Đảng phường Khương Thượng cũ',
  ].forEach((agency, k) => specs.push(cell(`agency${k}`, `Chi bộ ${agency}`, 'agency', random.int(6, 18))));
  for (let k = 1; k <= 4; k += 1)
    specs.push(cell(`ent${k}`, `Chi bộ Công ty cổ phần Kim Liên ${k}`, 'enterprise', random.int(3, 12)));
  return specs; // 70 + 8 + 6 + 4 = 88
};

const vanMieu: PlaceGenerator = (_ward, random) => {
  const former: readonly [string, number][] = [
    ['Văn Miếu', 15],
    ['Quốc Tử Giám', 14],
    ['Văn Chương', 16],
    ['Hàng Bột', 16],
  ];
  const specs: UnitSpec[] = [];
  for (const [name, count] of former) {
    const key = `cu-${name}`;
    const members = Array.from({ length: count }, () => random.int(8, 28));
    specs.push({
      key,
      kind: 'legacy_committee',
      setting: 'administrative',
      name: `Đảng bộ phường ${name} (cũ)`,
      fullMembers: members.reduce((a, b) => a + b, 0),
    });
    members.forEach((m, k) =>
      specs.push({
        key: `${key}-${k + 1}`,
        kind: 'subordinate_cell',
        setting: 'residential_group',
        name: `Chi bộ Khu dân cư số ${k + 1} phường ${name}`,
        fullMembers: m,
        parent: key,
      }),
    );
  }
  return specs; // 4 former committees, 61 cells
};

const danPhuong: PlaceGenerator = (_ward, random) => {
  const specs: UnitSpec[] = [];
  [
    'Công an xã',
    'Quân sự xã',
    'Trường Trung học phổ thông Đan Phượng',
    'Trung tâm Y tế',
    'Cơ quan Ủy ban nhân dân xã',
    'Công ty Môi trường Đan Phượng',
    'Cơ quan Đảng - Mặt trận - Đoàn thể xã',
  ].forEach((name, c) => {
    // Sizes chosen so the commune has over 2,300 full members whatever the seed (the report's figure).
    const members = Array.from({ length: 6 }, () => random.int(35, 45));
    specs.push({
      key: `dbcs${c}`,
      kind: 'grassroots_committee',
      setting: c === 5 ? 'enterprise' : 'agency',
      name: `Đảng bộ ${name}`,
      fullMembers: members.reduce((a, b) => a + b, 0),
    });
    members.forEach((m, k) =>
      specs.push({
        key: `dbcs${c}-cb${k}`,
        kind: 'subordinate_cell',
        setting: 'agency',
        name: `Chi bộ ${k + 1}`,
        fullMembers: m,
        parent: `dbcs${c}`,
      }),
    );
  });
  const institutions: readonly [string, UnitSetting][] = [
    ...['Mầm non', 'Tiểu học', 'Trung học cơ sở'].flatMap((level) =>
      ['Đan Phượng', 'Tân Hội', 'Thượng Mỗ', 'Đồng Tháp', 'Song Phượng'].map(
        (place): [string, UnitSetting] => [`Trường ${level} ${place}`, 'school'],
      ),
    ),
    ['Trạm Y tế xã Đan Phượng', 'health_station'],
    ['Trạm Y tế Tân Hội', 'health_station'],
    ['Trung tâm Phục vụ hành chính công', 'public_service_unit'],
    ['Ban Quản lý dự án', 'public_service_unit'],
    ['Kho bạc Nhà nước', 'agency'],
    ['Chi cục Thuế', 'agency'],
    ['Bảo hiểm xã hội', 'agency'],
    ['Ngân hàng Chính sách xã hội', 'agency'],
    ['Điện lực Đan Phượng', 'enterprise'],
    ['Hợp tác xã Nông nghiệp Đan Phượng', 'cooperative'],
    ['Hợp tác xã Nông nghiệp Tân Hội', 'cooperative'],
    ['Quỹ tín dụng nhân dân Đan Phượng', 'credit_fund'],
    ['Quỹ tín dụng nhân dân Tân Hội', 'credit_fund'],
    ['Công ty cổ phần Xây dựng Đan Phượng', 'enterprise'],
    ['Nhà văn hóa xã', 'public_service_unit'],
    ['Trung tâm Văn hóa - Thể thao', 'public_service_unit'],
    ['Đài Truyền thanh xã', 'public_service_unit'],
    ['Trường Mầm non Hạ Mỗ', 'school'],
  ];
  institutions.forEach(([name, setting], k) =>
    specs.push(cell(`inst${k}`, `Chi bộ ${name}`, setting, random.int(8, 22))),
  );
  const villages = [
    'Thôn Thượng Thụy',
    'Thôn Hạ Mỗ',
    'Thôn Thọ Xuân',
    'Thôn Thọ An',
    'Thôn Bắc Hợp',
    'Thôn Nam Hải',
    'Thôn Đông Khê',
    'Thôn Đoài Khê',
    'Thôn Tháp Thượng',
    'Thôn Tháp Hạ',
    'Thôn Phương Mạc',
    'Thôn Song Phượng',
    'Thôn Đại Phú',
    'Thôn Ích Vịnh',
    'Thôn Bồng Lai',
    'Thôn Thuận Thượng',
    'Thôn Tân Hội',
    'Thôn Đan Hội',
  ];
  villages.forEach((name, k) =>
    specs.push(cell(`thon${k}`, `Chi bộ ${name}`, 'village', random.int(24, 29), { withoutOfficers: true })),
  );
  for (let k = 1; k <= 8; k += 1)
    specs.push(
      cell(`tdp${k}`, `Chi bộ Tổ dân phố số ${k}`, 'residential_group', random.int(24, 29), {
        withoutOfficers: true,
      }),
    );
  return specs; // 7 committees + 33 institutions + 26 village/residential cells = 66 grassroots organizations
};

const phucLoc: PlaceGenerator = (_ward, random) => {
  const former = [
    'Đảng bộ xã Phúc Hòa (cũ)',
    'Đảng bộ xã Tam Thuấn (cũ)',
    'Đảng bộ xã Liên Hiệp (cũ)',
    'Đảng bộ Khối Doanh nghiệp huyện Phúc Thọ (cũ)',
  ];
  const specs: UnitSpec[] = former.map((name, k) => ({
    key: `cu${k}`,
    kind: 'legacy_committee',
    setting: k === 3 ? 'enterprise' : 'administrative',
    name,
    fullMembers: 0,
  }));
  const cells: readonly [string, UnitSetting, number][] = [
    ...['Phúc Hòa', 'Tam Thuấn', 'Liên Hiệp'].flatMap(
      (place, p) =>
        [
          [`Trường Mầm non ${place}`, 'school', p],
          [`Trường Tiểu học ${place}`, 'school', p],
          [`Trường Trung học cơ sở ${place}`, 'school', p],
          [`Hợp tác xã Nông nghiệp ${place}`, 'cooperative', p],
          [`Hợp tác xã Dịch vụ điện ${place}`, 'cooperative', p],
          [`Quỹ tín dụng nhân dân ${place}`, 'credit_fund', p],
          [`Trạm Y tế xã ${place}`, 'health_station', p],
        ] as [string, UnitSetting, number][],
    ),
    ...Array.from({ length: 16 }, (_, k): [string, UnitSetting, number] => [
      `Công ty ${['TNHH', 'cổ phần'][k % 2]} ${['Phúc Thọ', 'Sông Hồng', 'Hát Môn', 'Vân Nam', 'Xuân Đình', 'Long Xuyên', 'Thọ Lộc', 'Hiệp Thuận'][k % 8]} ${Math.floor(k / 8) + 1}`,
      'enterprise',
      3,
    ]),
  ];
  cells.forEach(([name, setting, parent], k) =>
    specs.push({
      key: `cb${k + 1}`,
      kind: 'subordinate_cell',
      setting,
      name: `Chi bộ ${name}`,
      fullMembers: random.int(4, 25),
      parent: `cu${parent}`,
    }),
  );
  return specs; // 4 former committees, 21 + 16 = 37 cells
};

// Residential groups 1–33 before the renumbering: group 6 is there, the name "group 34" is still free.
const oChoDua: PlaceGenerator = (ward, random) =>
  typicalWard(ward, random).filter((spec) => !/^tdp(\d+)$/.test(spec.key) || Number(spec.key.slice(3)) <= 33);

export const SEED_PLACES: Readonly<Record<string, PlaceGenerator>> = {
  'phuong-kim-lien': kimLien,
  'phuong-van-mieu-quoc-tu-giam': vanMieu,
  'xa-dan-phuong': danPhuong,
  'xa-phuc-loc': phucLoc,
  'phuong-o-cho-dua': oChoDua,
};
