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
import {
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  UNIT_SETTINGS,
  UNIT_SETTING_LABELS,
  type UnitKind,
  type UnitSetting,
} from '../registry/unit-kind';
import { checkText } from '../text/clean-text';

export const SHEET_ITEM_KINDS = [
  'rename',
  'dissolve',
  'transfer',
  'appoint',
  'establish',
  'upgrade',
  'merge',
] as const;
export type SheetItemKind = (typeof SHEET_ITEM_KINDS)[number];
/**
 * The kinds that act on one existing unit per row: what a row without a kind column is read as (the start
 * page's choice). Establish, upgrade and merge rows say so in their kind column.
 */
export const UNIT_ROW_KINDS = ['rename', 'dissolve', 'transfer', 'appoint'] as const;

export type ItemColumn =
  'kind' | 'unit' | 'newName' | 'parent' | 'secretary' | 'unitKind' | 'setting' | 'members';
/** The template's column order. */
export const ITEM_COLUMNS: readonly ItemColumn[] = [
  'kind',
  'unit',
  'newName',
  'parent',
  'secretary',
  'unitKind',
  'setting',
  'members',
];

/** The heading each column has in the template (the first name it is known by). */
export const ITEM_COLUMN_TITLES: Readonly<Record<ItemColumn, { readonly vi: string; readonly en: string }>> =
  {
    kind: { vi: 'Loại thay đổi', en: 'Kind' },
    unit: { vi: 'Tổ chức đảng', en: 'Unit' },
    newName: { vi: 'Tên mới', en: 'New name' },
    parent: { vi: 'Cấp trên mới', en: 'New parent' },
    secretary: { vi: 'Bí thư', en: 'Secretary' },
    unitKind: { vi: 'Loại tổ chức', en: 'Unit kind' },
    setting: { vi: 'Loại hình', en: 'Setting' },
    members: { vi: 'Số đảng viên', en: 'Full members' },
  };

/** The words each kind is written as in the kind column (the template's drop-down offers the first). */
export const SHEET_KIND_TITLES: Readonly<
  Record<SheetItemKind, { readonly vi: string; readonly en: string }>
> = {
  rename: { vi: 'Đổi tên', en: 'Rename' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
  transfer: { vi: 'Điều chuyển', en: 'Transfer' },
  appoint: { vi: 'Chỉ định', en: 'Appoint' },
  establish: { vi: 'Thành lập', en: 'Establish' },
  upgrade: { vi: 'Nâng cấp', en: 'Upgrade' },
  merge: { vi: 'Hợp nhất', en: 'Merge' },
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
  unitKind: ['loai to chuc', 'loai to chuc dang', 'cap to chuc', 'nang len', 'unit kind'],
  setting: ['loai hinh', 'loai hinh to chuc', 'linh vuc', 'setting'],
  members: ['so dang vien', 'dang vien', 'so dang vien chinh thuc', 'full members', 'members'],
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
  'thanh lap': 'establish',
  'thanh lap moi': 'establish',
  establish: 'establish',
  'nang cap': 'upgrade',
  'nang len': 'upgrade',
  upgrade: 'upgrade',
  'hop nhat': 'merge',
  'sap nhap': 'merge',
  merge: 'merge',
};

/** A unit kind as written: its Vietnamese or English label, or its code. */
const UNIT_KIND_WORDS: ReadonlyMap<string, UnitKind> = new Map(
  UNIT_KINDS.flatMap((k) => [
    [foldVietnamese(UNIT_KIND_LABELS[k].vi), k],
    [foldVietnamese(UNIT_KIND_LABELS[k].en), k],
    [k.replace('_', ' '), k],
    [k, k],
  ]),
);
const SETTING_WORDS: ReadonlyMap<string, UnitSetting> = new Map(
  UNIT_SETTINGS.flatMap((k) => [
    [foldVietnamese(UNIT_SETTING_LABELS[k].vi), k],
    [foldVietnamese(UNIT_SETTING_LABELS[k].en), k],
    [k.replaceAll('_', ' '), k],
    [k, k],
  ]),
);
/** Other words offices use for a setting. */
const SETTING_ALIASES: Readonly<Record<string, UnitSetting>> = {
  'khu dan cu': 'residential_group',
  'to dan pho': 'residential_group',
  'khu tap the': 'residential_group',
  lang: 'village',
  'truong hoc': 'school',
  truong: 'school',
  'tram y te': 'health_station',
  'doanh nghiep': 'enterprise',
  'co quan': 'agency',
};
const settingOfWord = (word: string): UnitSetting | undefined =>
  SETTING_WORDS.get(foldVietnamese(word)) ?? SETTING_ALIASES[foldVietnamese(word)];
/** What a new organization can be (not a ward committee, nor a former one). */
const NEW_UNIT_KINDS: readonly UnitKind[] = ['grassroots_committee', 'grassroots_cell', 'subordinate_cell'];
const UPGRADE_KINDS = ['grassroots_cell', 'grassroots_committee'] as const;

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
  /** Merge: the units merged (ids when matched), at least two; `unitId` is the first. */
  readonly unitIds?: readonly string[];
  readonly unitNames?: readonly string[];
  /** Establish, merge: the new organization's name. */
  readonly name?: string;
  /** Establish, merge: what the new organization is; upgrade: what the subordinate cell becomes (a cell by default). */
  readonly unitKind?: UnitKind;
  readonly setting?: UnitSetting;
  /** Establish: its full members. */
  readonly fullMembers?: number;
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

  /** Several units in one cell ("A, B" or "A + B", one a line): each found, or why not; two at least. */
  const resolveMany = (value: string): { units: KnownUnit[]; reasons: Reason[] } => {
    const whole = resolve(value);
    const parts =
      'unit' in whole
        ? [value]
        : value
            .split(/\s*(?:[,+\n]|\r\n)\s*/)
            .map((p) => p.trim())
            .filter(Boolean);
    const found = parts.map(resolve);
    const units = found.flatMap((f) => ('unit' in f ? [f.unit] : []));
    const reasons = found.flatMap((f) => ('reason' in f ? [f.reason] : []));
    if (new Set(units.map((u) => u.id)).size < 2 && reasons.length === 0)
      reasons.push({
        vi: 'Hợp nhất cần ít nhất hai tổ chức khác nhau, cách nhau bằng dấu phẩy hoặc dấu "+".',
        en: 'A merge needs at least two different units, separated by a comma or "+".',
      });
    return { units, reasons };
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

      // Establish: the unit does not exist yet (its name may stand in this column when "Tên mới" is empty).
      // Merge: the units merged, separated by "," "+" or a line break (two at least).
      const unitText =
        rowKind === 'establish'
          ? raw('unit').trim()
          : text(
              'unit',
              {
                vi: rowKind === 'merge' ? 'Chưa ghi các tổ chức hợp nhất.' : 'Chưa ghi tổ chức đảng.',
                en: rowKind === 'merge' ? 'No units to merge given.' : 'No unit given.',
              },
              rowKind === 'merge' ? 20 * NAME_MAX : NAME_MAX,
            );
      const merged = rowKind === 'merge' && unitText ? resolveMany(unitText) : undefined;
      const unit = rowKind !== 'establish' && rowKind !== 'merge' && unitText ? resolve(unitText) : undefined;
      if (unit && 'reason' in unit) problem('unit', unit.reason);
      merged?.reasons.forEach((r) => problem('unit', r));
      const matched = unit && 'unit' in unit ? unit.unit : merged?.units[0];

      /** Establish, upgrade, merge: the new organization's name, kind, setting, parent and members. */
      const newOrganization = (k: 'establish' | 'upgrade' | 'merge'): Partial<DraftRow> => {
        const kindCell = raw('unitKind').trim();
        const unitKind: UnitKind | undefined = kindCell
          ? UNIT_KIND_WORDS.get(foldVietnamese(kindCell))
          : k === 'upgrade'
            ? 'grassroots_cell'
            : undefined;
        const allowed: readonly UnitKind[] = k === 'upgrade' ? UPGRADE_KINDS : NEW_UNIT_KINDS;
        if (!kindCell && k !== 'upgrade')
          problem('unitKind', {
            vi: `Chưa ghi loại tổ chức (${allowed.map((u) => UNIT_KIND_LABELS[u].vi).join(', ')}).`,
            en: `No unit kind given (${allowed.map((u) => UNIT_KIND_LABELS[u].en).join(', ')}).`,
          });
        else if (kindCell && (!unitKind || !allowed.includes(unitKind)))
          problem('unitKind', {
            vi: `Không hiểu loại tổ chức "${kindCell}"; ghi một trong: ${allowed.map((u) => UNIT_KIND_LABELS[u].vi).join(', ')}.`,
            en: `Unknown unit kind "${kindCell}"; write one of: ${allowed.map((u) => UNIT_KIND_LABELS[u].en).join(', ')}.`,
          });
        const parentText =
          k === 'upgrade'
            ? text('parent', undefined)
            : text('parent', {
                vi: 'Chưa ghi tổ chức cấp trên (trực thuộc).',
                en: 'No parent given.',
              });
        const parent = parentText ? resolve(parentText) : undefined;
        if (parent && 'reason' in parent) problem('parent', parent.reason);
        const parentId = parent && 'unit' in parent ? parent.unit.id : parentText || undefined;
        if (k === 'upgrade') return { ...(unitKind ? { unitKind } : {}), ...(parentId ? { parentId } : {}) };

        const name =
          text('newName', undefined) ||
          (k === 'establish' ? unitText : '') ||
          (problem('newName', {
            vi: k === 'merge' ? 'Chưa ghi tên tổ chức sau hợp nhất.' : 'Chưa ghi tên tổ chức thành lập.',
            en: k === 'merge' ? 'No name for the merged unit given.' : 'No name for the new unit given.',
          }),
          '');
        const settingCell = raw('setting').trim();
        const setting = settingCell ? settingOfWord(settingCell) : undefined;
        if (!settingCell || !setting)
          problem('setting', {
            vi: settingCell
              ? `Không hiểu loại hình "${settingCell}"; ghi một trong: ${UNIT_SETTINGS.map((u) => UNIT_SETTING_LABELS[u].vi).join(', ')}.`
              : `Chưa ghi loại hình (ví dụ: ${UNIT_SETTING_LABELS.residential_group.vi}, ${UNIT_SETTING_LABELS.school.vi}).`,
            en: settingCell
              ? `Unknown setting "${settingCell}"; write one of: ${UNIT_SETTINGS.map((u) => UNIT_SETTING_LABELS[u].en).join(', ')}.`
              : `No setting given (e.g. ${UNIT_SETTING_LABELS.residential_group.en}).`,
          });
        let fullMembers: number | undefined;
        if (k === 'establish') {
          const membersCell = raw('members').trim();
          fullMembers = /^\d{1,6}$/.test(membersCell) ? Number(membersCell) : undefined;
          if (fullMembers === undefined || fullMembers > 100_000)
            problem('members', {
              vi: membersCell
                ? `Số đảng viên "${membersCell}" không phải số nguyên từ 0 đến 100000.`
                : 'Chưa ghi số đảng viên.',
              en: membersCell
                ? `"${membersCell}" is not a whole number from 0 to 100000.`
                : 'No number of full members given.',
            });
        }
        return {
          name,
          ...(unitKind && allowed.includes(unitKind) ? { unitKind } : {}),
          ...(setting ? { setting } : {}),
          ...(parentId ? { parentId } : {}),
          ...(fullMembers !== undefined && fullMembers <= 100_000 ? { fullMembers } : {}),
          ...(merged
            ? {
                unitIds: merged.units.map((u) => u.id),
                unitNames: merged.units.map((u) => u.name),
              }
            : {}),
        };
      };

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
      if (rowKind === 'establish' || rowKind === 'merge' || rowKind === 'upgrade') {
        change = newOrganization(rowKind);
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
        unitId: rowKind === 'establish' ? '' : (matched?.id ?? unitText),
        ...(rowKind === 'establish'
          ? { unitName: change.name ?? '' }
          : merged
            ? { unitName: merged.units.map((u) => u.name).join(' + ') }
            : matched
              ? { unitName: matched.name }
              : {}),
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
    case 'establish':
      return {
        kind: 'establish' as const,
        name: row.name ?? '',
        unitKind: row.unitKind ?? 'grassroots_cell',
        setting: row.setting ?? 'residential_group',
        parentId: row.parentId ?? '',
        fullMembers: row.fullMembers ?? 0,
      };
    case 'upgrade':
      return {
        kind: 'upgrade' as const,
        unitId: row.unitId,
        toKind:
          row.unitKind === 'grassroots_cell'
            ? ('grassroots_cell' as const)
            : ('grassroots_committee' as const),
        ...(row.parentId ? { parentId: row.parentId } : {}),
      };
    case 'merge':
      return {
        kind: 'merge' as const,
        unitIds: [...(row.unitIds ?? [row.unitId])],
        name: row.name ?? '',
        unitKind: row.unitKind ?? 'grassroots_cell',
        setting: row.setting ?? 'residential_group',
        parentId: row.parentId ?? '',
      };
  }
};
