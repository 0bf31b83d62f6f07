import type { SeededRandom } from './seeded-random';

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Phan',
  'Trịnh',
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Ngọc', 'Thanh'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Phương'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
];
const GIVEN_FEMALE = [
  'Anh',
  'Châu',
  'Giang',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Phương',
  'Thảo',
  'Trang',
  'Yến',
];

/** A realistic Vietnamese full name. */
export const personName = (random: SeededRandom): string =>
  random.next() < 0.5
    ? `${random.pick(SURNAMES)} ${random.pick(MIDDLE_MALE)} ${random.pick(GIVEN_MALE)}`
    : `${random.pick(SURNAMES)} ${random.pick(MIDDLE_FEMALE)} ${random.pick(GIVEN_FEMALE)}`;
