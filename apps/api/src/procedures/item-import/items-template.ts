/**
 * The blank sheet offices fill in to import resolution items: the domain's column headings (the ones the
 * import and the paste box read), in Vietnamese, as .xlsx (with a drop-down of kinds and a guide sheet) or as
 * .csv (UTF-8 with BOM and ";", as Excel in Vietnam opens it).
 */
import { loadExcelJs } from '@kientoan/platform';
import {
  ITEM_COLUMNS,
  ITEM_COLUMN_TITLES,
  SHEET_ITEM_KINDS,
  SHEET_KIND_TITLES,
  UNIT_KIND_LABELS,
  UNIT_SETTINGS,
  UNIT_SETTING_LABELS,
  type UnitKind,
} from '@kientoan/domain';

export const TEMPLATE_FILE_NAME = 'mau-nhap-danh-sach-kien-toan';

const headings = () => ITEM_COLUMNS.map((c) => ITEM_COLUMN_TITLES[c].vi);

export const itemsTemplateCsv = (): Buffer => Buffer.from(`\uFEFF${headings().join(';')}\r\n`, 'utf8');

const GUIDE: readonly (readonly [string, string])[] = [
  [
    ITEM_COLUMN_TITLES.kind.vi,
    `${SHEET_ITEM_KINDS.map((k) => SHEET_KIND_TITLES[k].vi).join(', ')}; để trống: theo loại chọn trên trang.`,
  ],
  [
    ITEM_COLUMN_TITLES.unit.vi,
    'Tên tổ chức đảng như trong danh sách của phường, xã (không cần dấu) hoặc mã đơn vị.',
  ],
  [ITEM_COLUMN_TITLES.newName.vi, 'Khi đổi tên: tên mới đầy đủ, ví dụ "Chi bộ Tổ dân phố số 34".'],
  [ITEM_COLUMN_TITLES.parent.vi, 'Khi điều chuyển: tổ chức đảng cấp trên mới (tên hoặc mã).'],
  [ITEM_COLUMN_TITLES.secretary.vi, 'Khi chỉ định: họ và tên bí thư.'],
  [
    `Dòng ${SHEET_KIND_TITLES.establish.vi}`,
    'Ghi "Tên mới" (tên tổ chức thành lập), "Cấp trên mới" (trực thuộc), "Loại tổ chức", "Loại hình", "Số đảng viên"; để trống "Tổ chức đảng".',
  ],
  [
    `Dòng ${SHEET_KIND_TITLES.upgrade.vi}`,
    'Ghi "Tổ chức đảng" (chi bộ trực thuộc) được nâng cấp; "Loại tổ chức" là loại sau nâng cấp: Chi bộ cơ sở (để trống) hoặc Đảng bộ cơ sở (từ 30 đảng viên); "Cấp trên mới" nếu không trực thuộc Đảng ủy xã, phường.',
  ],
  [
    `Dòng ${SHEET_KIND_TITLES.merge.vi}`,
    'Ghi các tổ chức hợp nhất trong cột "Tổ chức đảng", cách nhau bằng dấu phẩy hoặc "+"; "Tên mới", "Cấp trên mới", "Loại tổ chức", "Loại hình" của tổ chức sau hợp nhất.',
  ],
  [
    ITEM_COLUMN_TITLES.unitKind.vi,
    `Thành lập, hợp nhất, nâng cấp: ${['grassroots_committee', 'grassroots_cell', 'subordinate_cell'].map((k) => UNIT_KIND_LABELS[k as UnitKind].vi).join(', ')}.`,
  ],
  [
    ITEM_COLUMN_TITLES.setting.vi,
    `Thành lập, hợp nhất: ${UNIT_SETTINGS.map((k) => UNIT_SETTING_LABELS[k].vi).join('; ')}.`,
  ],
  [ITEM_COLUMN_TITLES.members.vi, 'Thành lập: số đảng viên chính thức (số nguyên).'],
];

export const itemsTemplateXlsx = async (): Promise<Buffer> => {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'kientoan';
  const sheet = workbook.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ITEM_COLUMNS.map((c) => ({
    header: ITEM_COLUMN_TITLES[c].vi,
    key: c,
    width:
      c === 'kind'
        ? 16
        : c === 'secretary' || c === 'unitKind' || c === 'setting'
          ? 24
          : c === 'members'
            ? 14
            : 40,
  }));
  sheet.getRow(1).font = { bold: true };
  const kindList = `"${SHEET_ITEM_KINDS.map((k) => SHEET_KIND_TITLES[k].vi).join(',')}"`;
  for (let row = 2; row <= 1001; row += 1)
    sheet.getCell(row, 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [kindList],
      showErrorMessage: true,
      errorTitle: 'Loại thay đổi',
      error: `Chọn một trong: ${SHEET_ITEM_KINDS.map((k) => SHEET_KIND_TITLES[k].vi).join(', ')}.`,
    };
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [
    { header: 'Cột', key: 'column', width: 20 },
    { header: 'Ghi gì', key: 'what', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const [column, what] of GUIDE) guide.addRow({ column, what });
  guide.addRow({});
  guide.addRow({
    column: 'Lưu ý',
    what: 'Điền vào trang "Danh sách"; mỗi dòng là một tổ chức. Không đổi tên các cột.',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
