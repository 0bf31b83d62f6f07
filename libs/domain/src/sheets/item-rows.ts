/**
 * Resolution items from spreadsheet rows: rows pasted on the start page (Excel, Google Sheets or LibreOffice
 * copy tab-separated text; CSV exports in Vietnam use ";") and files uploaded to the import API (.xlsx, .csv)
 * go through these same rules, so both accept the same headers and name the same problems. Pure: the API
 * reads the file's cells (exceljs, csv-parse) and hands the records here.
 *
 * A first row of Vietnamese (or English) headers names the columns, in any order; without one the columns are
 * unit, new name. Units are matched in the ward's registry by id, or by name ignoring diacritics and case.
 * Every bad cell is a problem naming the row as the spreadsheet numbers it and the column by its heading.
 */
import { checkText } from '../text/clean-text';

export const SHEET_ITEM_KINDS = ['rename', 'dissolve', 'transfer', 'appoint'] as const;
export type SheetItemKind = (typeof SHEET_ITEM_KINDS)[number];

export type ItemColumn = 'kind' | 'unit' | 'newName' | 'parent' | 'secretary';
/** The template's column order. */
export const ITEM_COLUMNS: readonly ItemColumn[] = ['kind', 'unit', 'newName', 'parent', 'secretary'];

/** The heading each column has in the template (the first name it is known by). */
export const ITEM_COLUMN_TITLES: Readonly<Record<ItemColumn, { readonly vi: string; readonly en: string }>> =
  {
    kind: { vi: 'Loại thay đổi', en: 'Kind' },
    unit: { vi: 'Tổ chức đảng', en: 'Unit' },
    newName: { vi: 'Tên mới', en: 'New name' },
    parent: { vi: 'Cấp trên mới', en: 'New parent' },
    secretary: { vi: 'Bí thư', en: 'Secretary' },
  };

/** The words each kind is written as in the kind column (the template's drop-down offers the first). */
export const SHEET_KIND_TITLES: Readonly<
  Record<SheetItemKind, { readonly vi: string; readonly en: string }>
> = {
  rename: { vi: 'Đổi tên', en: 'Rename' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
  transfer: { vi: 'Điều chuyển', en: 'Transfer' },
  appoint: { vi: 'Chỉ định', en: 'Appoint' },
};

/** Lower case without diacritics ("Chi bộ Tổ dân phố số 6" → "chi bo to dan pho so 6"). */
export const foldVietnamese = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Every heading a column is known by, folded (see foldVietnamese). */
const HEADERS: Readonly<Record<ItemColumn, readonly string[]>> = {
  unit: ['don vi', 'to chuc', 'to chuc dang', 'ten hien tai', 'ten cu', 'ma don vi', 'ma', 'unit', 'unit id'],
  newName: ['ten moi', 'new name'],
  kind: ['loai', 'loai thay doi', 'thay doi', 'kind'],
  parent: ['cap tren moi', 'truc thuoc', 'don vi cap tren', 'parent', 'new parent'],
  secretary: ['bi thu', 'secretary'],
};
const KIND_WORDS: Readonly<Record<string, SheetItemKind>> = {
  'doi ten': 'rename',
  rename: 'rename',
  'giai the': 'dissolve',
  dissolve: 'dissolve',
  'dieu chuyen': 'transfer',
  chuyen: 'transfer',
  transfer: 'transfer',
  'chi dinh': 'appoint',
  'bo nhiem': 'appoint',
  appoint: 'appoint',
};

export const columnOfHeader = (header: string): ItemColumn | undefined =>
  ITEM_COLUMNS.find((c) => HEADERS[c].includes(foldVietnamese(header)));

export const kindOfWord = (word: string): SheetItemKind | undefined => KIND_WORDS[foldVietnamese(word)];

/** One row of a sheet: its number as the spreadsheet shows it (1-based) and its cells as text. */
export interface SheetRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Pasted text → records: tab-separated when any line has a tab, otherwise ";" (quotes around a cell dropped). */
export const splitPastedText = (text: string): SheetRecord[] => {
  const lines = text.split(/\r?\n/);
  const delimiter = lines.some((l) => l.includes('\t')) ? '\t' : ';';
  return lines
    .map((l, i) => ({
      line: i + 1,
      cells: l.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1')),
    }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
};

export interface KnownUnit {
  readonly id: string;
  readonly name: string;
}

/** A row as the start page's table shows it, before it becomes a wire item (rowToItem). */
export interface DraftRow {
  readonly kind: SheetItemKind;
  /** Unit id when matched; otherwise what was written (the API's rules then say it is not found). */
  readonly unitId: string;
  readonly unitName?: string;
  readonly newName?: string;
  readonly parentId?: string;
  readonly secretary?: string;
  /** The row's number in the sheet. */
  readonly line?: number;
  /** What is wrong with the row as read (Vietnamese), shown on its row. */
  readonly problem?: string;
}

export interface SheetRowProblem {
  /** The row as the spreadsheet numbers it; 0 for the file as a whole. */
  readonly line: number;
  readonly column: ItemColumn | 'header' | 'file';
  /** The column's heading as the sheet writes it (or the template's). */
  readonly heading: string;
  readonly reason: string;
  readonly reasonEn: string;
}

/** "Dòng 3, cột "Tên mới": Chưa ghi tên mới." — the row and column as the person sees them. */
export const describeRowProblem = (p: SheetRowProblem): { readonly vi: string; readonly en: string } =>
  p.line === 0
    ? { vi: p.reason, en: p.reasonEn }
    : p.column === 'header'
      ? { vi: `Dòng tiêu đề: ${p.reason}`, en: `Header row: ${p.reasonEn}` }
      : {
          vi: `Dòng ${p.line}, cột "${p.heading}": ${p.reason}`,
          en: `Row ${p.line}, column "${p.heading}": ${p.reasonEn}`,
        };

export interface ItemRows {
  readonly rows: DraftRow[];
  readonly problems: SheetRowProblem[];
}

const NAME_MAX = 300;
const PERSON_MAX = 200;

type Reason = { readonly vi: string; readonly en: string };

/**
 * Reads records (the first may be the header row) into draft rows and the problems of each cell. A row keeps
 * what could be read even when a cell is wrong, so the page can show it with its problem.
 */
export const readItemRows = (
  records: readonly SheetRecord[],
  units: readonly KnownUnit[],
  defaultKind: SheetItemKind = 'rename',
): ItemRows => {
  const problems: SheetRowProblem[] = [];
  const first = records[0];
  if (!first) return { rows: [], problems };
  const headerColumns = first.cells.map(columnOfHeader);
  const hasHeader = headerColumns.some((c) => c !== undefined);
  const columns: (ItemColumn | undefined)[] = hasHeader ? headerColumns : ['unit', 'newName'];
  const headingOf = (c: ItemColumn) => {
    const at = columns.indexOf(c);
    return hasHeader && at >= 0 ? (first.cells[at] ?? '').trim() : ITEM_COLUMN_TITLES[c].vi;
  };
  // Other columns (a row number, notes, member counts) are left alone: offices keep more in their sheets.
  if (hasHeader && !columns.includes('unit'))
    problems.push({
      line: first.line,
      column: 'header',
      heading: '',
      reason: `Thiếu cột "${ITEM_COLUMN_TITLES.unit.vi}" (hoặc "Đơn vị", "Mã đơn vị").`,
      reasonEn: `The "${ITEM_COLUMN_TITLES.unit.en}" column is missing.`,
    });

  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, KnownUnit[]>();
  for (const u of units) {
    const key = foldVietnamese(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u]);
  }
  /** The unit written in a cell, or why it cannot be found. */
  const resolve = (value: string): { unit: KnownUnit } | { reason: Reason } => {
    const exact = byId.get(value);
    if (exact) return { unit: exact };
    const named = byName.get(foldVietnamese(value)) ?? [];
    if (named.length === 1) return { unit: named[0]! };
    if (named.length > 1)
      return {
        reason: {
          vi: `Có ${named.length} tổ chức cùng tên "${value}"; hãy ghi mã đơn vị (${named.map((u) => u.id).join(', ')}).`,
          en: `${named.length} units are named "${value}"; write the unit id (${named.map((u) => u.id).join(', ')}).`,
        },
      };
    return {
      reason: {
        vi: `Không có tổ chức "${value}" trong danh sách của phường, xã này.`,
        en: `There is no unit "${value}" in this ward's registry.`,
      },
    };
  };

  const rows = (hasHeader ? records.slice(1) : records)
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((record): DraftRow => {
      const found: SheetRowProblem[] = [];
      const problem = (column: ItemColumn, reason: Reason) =>
        found.push({
          line: record.line,
          column,
          heading: headingOf(column),
          reason: reason.vi,
          reasonEn: reason.en,
        });
      const raw = (c: ItemColumn) => {
        const i = columns.indexOf(c);
        return i >= 0 ? (record.cells[i] ?? '') : '';
      };
      /** The cell's text cleaned like every input (NFC, spaces collapsed); hostile text refused. */
      const text = (c: ItemColumn, required: Reason | undefined, max = NAME_MAX): string => {
        const value = raw(c);
        if (!value.trim()) {
          if (required) problem(c, required);
          return '';
        }
        const checked = checkText(value, 'name');
        if (!checked.ok) {
          problem(c, { vi: checked.vi, en: checked.en });
          return value.trim();
        }
        // What Excel would run as a formula when the name is exported again (CSV injection).
        if (/^[=+@]/.test(checked.value)) {
          problem(c, {
            vi: `Ô bắt đầu bằng "${checked.value[0]}" như một công thức Excel; hãy ghi tên bằng chữ.`,
            en: `The cell starts with "${checked.value[0]}" like an Excel formula; write the name as text.`,
          });
          return checked.value;
        }
        if (checked.value.length > max)
          problem(c, { vi: `Dài quá ${max} ký tự.`, en: `Longer than ${max} characters.` });
        return checked.value;
      };

      const kindText = raw('kind').trim();
      const kind = kindText ? kindOfWord(kindText) : defaultKind;
      if (!kind)
        problem('kind', {
          vi: `Không hiểu loại thay đổi "${kindText}"; ghi một trong: ${SHEET_ITEM_KINDS.map((k) => SHEET_KIND_TITLES[k].vi).join(', ')}.`,
          en: `Unknown kind "${kindText}"; write one of: ${SHEET_ITEM_KINDS.map((k) => SHEET_KIND_TITLES[k].en).join(', ')}.`,
        });
      const rowKind = kind ?? defaultKind;

      const unitText = text('unit', { vi: 'Chưa ghi tổ chức đảng.', en: 'No unit given.' });
      const unit = unitText ? resolve(unitText) : undefined;
      if (unit && 'reason' in unit) problem('unit', unit.reason);
      const matched = unit && 'unit' in unit ? unit.unit : undefined;

      let change: Partial<DraftRow> = {};
      if (rowKind === 'rename')
        change = { newName: text('newName', { vi: 'Chưa ghi tên mới.', en: 'No new name given.' }) };
      if (rowKind === 'transfer') {
        const parentText = text('parent', {
          vi: 'Chưa ghi tổ chức cấp trên mới.',
          en: 'No new parent given.',
        });
        const parent = parentText ? resolve(parentText) : undefined;
        if (parent && 'reason' in parent) problem('parent', parent.reason);
        change = { parentId: parent && 'unit' in parent ? parent.unit.id : parentText };
      }
      if (rowKind === 'appoint')
        change = {
          secretary: text(
            'secretary',
            { vi: 'Chưa ghi họ tên bí thư.', en: 'No secretary given.' },
            PERSON_MAX,
          ),
        };

      problems.push(...found);
      return {
        kind: rowKind,
        unitId: matched?.id ?? unitText,
        ...(matched ? { unitName: matched.name } : {}),
        ...change,
        line: record.line,
        ...(found.length
          ? { problem: found.map((p) => `${p.heading ? `${p.heading}: ` : ''}${p.reason}`).join(' ') }
          : {}),
      };
    });
  return { rows, problems };
};

/** The wire item of a row (apps/api resolution-items.schema.ts). */
export const rowToItem = (row: DraftRow) => {
  switch (row.kind) {
    case 'rename':
      return { kind: 'rename' as const, unitId: row.unitId, newName: row.newName ?? '' };
    case 'dissolve':
      return { kind: 'dissolve' as const, unitId: row.unitId };
    case 'transfer':
      return { kind: 'transfer' as const, unitId: row.unitId, parentId: row.parentId ?? '' };
    case 'appoint':
      return { kind: 'appoint' as const, unitId: row.unitId, secretary: row.secretary ?? '' };
  }
};
