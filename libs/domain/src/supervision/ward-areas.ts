/**
 * District-level areas for the city board. The registry keeps no grouping above the 126 communes and wards
 * (the districts were abolished on 1 July 2025), so the board groups them by the former district
 * (quận, huyện, thị xã cũ) most of each was formed from. DERIVED, not from the registry: the official list
 * (data/hanoi-communes-wards-2025.tsv, in the order of Nghị quyết 1656/NQ-UBTVQH15) runs district by district,
 * so each area is a range of ordinals. Wards formed across several former districts (e.g. Hồng Hà, Thanh Liệt)
 * sit in one of them. Wards outside the list (ordinal > 126) belong to no area.
 */
export interface WardArea {
  readonly code: string;
  readonly name: string;
  /** Ordinals in the official list, inclusive. */
  readonly ranges: readonly (readonly [number, number])[];
}

const area = (code: string, name: string, ...ranges: [number, number][]): WardArea => ({
  code,
  name,
  ranges,
});

export const WARD_AREAS: readonly WardArea[] = [
  area('hoan-kiem', 'Hoàn Kiếm', [1, 2], [14, 14]),
  area('ba-dinh', 'Ba Đình', [3, 5]),
  area('hai-ba-trung', 'Hai Bà Trưng', [6, 8]),
  area('dong-da', 'Đống Đa', [9, 13]),
  area('hoang-mai', 'Hoàng Mai', [15, 21]),
  area('thanh-xuan', 'Thanh Xuân', [22, 24]),
  area('cau-giay', 'Cầu Giấy', [25, 27]),
  area('tay-ho', 'Tây Hồ', [28, 29]),
  area('bac-tu-liem', 'Bắc Từ Liêm', [30, 34]),
  area('nam-tu-liem', 'Nam Từ Liêm', [35, 38]),
  area('long-bien', 'Long Biên', [39, 42]),
  area('ha-dong', 'Hà Đông', [43, 47]),
  area('son-tay', 'Sơn Tây', [50, 51], [89, 89]),
  area('thanh-tri', 'Thanh Trì', [48, 48], [52, 55]),
  area('thuong-tin', 'Thường Tín', [56, 59]),
  area('phu-xuyen', 'Phú Xuyên', [60, 63]),
  area('thanh-oai', 'Thanh Oai', [64, 67]),
  area('ung-hoa', 'Ứng Hòa', [68, 71]),
  area('my-duc', 'Mỹ Đức', [72, 75]),
  area('chuong-my', 'Chương Mỹ', [49, 49], [76, 80]),
  area('ba-vi', 'Ba Vì', [81, 88]),
  area('phuc-tho', 'Phúc Thọ', [90, 92]),
  area('thach-that', 'Thạch Thất', [93, 97]),
  area('quoc-oai', 'Quốc Oai', [98, 101]),
  area('hoai-duc', 'Hoài Đức', [102, 105]),
  area('dan-phuong', 'Đan Phượng', [106, 108]),
  area('gia-lam', 'Gia Lâm', [109, 112]),
  area('dong-anh', 'Đông Anh', [113, 117]),
  area('me-linh', 'Mê Linh', [118, 121]),
  area('soc-son', 'Sóc Sơn', [122, 126]),
];

/** The area of the ward with this ordinal in the official list, or null (not one of the 126). */
export const wardAreaOf = (ordinal: number): WardArea | null =>
  WARD_AREAS.find((a) => a.ranges.some(([from, to]) => ordinal >= from && ordinal <= to)) ?? null;
