/**
 * Rows pasted from a spreadsheet (Excel, Google Sheets, LibreOffice copy as tab-separated text; CSV exports
 * in Vietnam use ";") into resolution items. A first row of Vietnamese (or English) headers names the columns;
 * without one the columns are: unit, new name. Units are matched by id, or by name ignoring diacritics and case.
 */
export type PastedKind = 'rename' | 'dissolve' | 'transfer' | 'appoint';
export const PASTE_KINDS: readonly PastedKind[] = ['rename', 'dissolve', 'transfer', 'appoint'];

export interface DraftRow {
  kind: PastedKind;
  /** Unit id when matched; otherwise what was pasted (the API's rules then say it is not found). */
  unitId: string;
  unitName?: string;
  newName?: string;
  parentId?: string;
  secretary?: string;
}

export interface KnownUnit {
  readonly id: string;
  readonly name: string;
}

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

type Column = 'unit' | 'newName' | 'kind' | 'parent' | 'secretary';
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  unit: ['don vi', 'to chuc', 'to chuc dang', 'ten hien tai', 'ten cu', 'ma don vi', 'ma', 'unit', 'unit id'],
  newName: ['ten moi', 'new name'],
  kind: ['loai', 'loai thay doi', 'thay doi', 'kind'],
  parent: ['cap tren moi', 'truc thuoc', 'don vi cap tren', 'parent'],
  secretary: ['bi thu', 'secretary'],
};
const KIND_WORDS: Readonly<Record<string, PastedKind>> = {
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

const columnOf = (header: string): Column | undefined =>
  (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(foldVietnamese(header)));

export const parsePastedRows = (
  text: string,
  units: readonly KnownUnit[],
  defaultKind: PastedKind = 'rename',
): DraftRow[] => {
  const lines = text
    .normalize('NFC')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  if (lines.length === 0) return [];
  const delimiter = lines.some((l) => l.includes('\t')) ? '\t' : ';';
  const cells = lines.map((l) => l.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
  const headerColumns = (cells[0] ?? []).map(columnOf);
  const hasHeader = headerColumns.some((c) => c !== undefined);
  const columns: (Column | undefined)[] = hasHeader ? headerColumns : ['unit', 'newName'];
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map(units.map((u) => [foldVietnamese(u.name), u]));
  const resolve = (value: string) => byId.get(value) ?? byName.get(foldVietnamese(value));
  return (hasHeader ? cells.slice(1) : cells).map((row) => {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i >= 0 ? (row[i] ?? '').trim() : '';
    };
    const unitText = cell('unit');
    const unit = resolve(unitText);
    const kind = KIND_WORDS[foldVietnamese(cell('kind'))] ?? defaultKind;
    const parentText = cell('parent');
    return {
      kind,
      unitId: unit?.id ?? unitText,
      ...(unit ? { unitName: unit.name } : {}),
      ...(kind === 'rename' ? { newName: cell('newName') } : {}),
      ...(kind === 'transfer' ? { parentId: resolve(parentText)?.id ?? parentText } : {}),
      ...(kind === 'appoint' ? { secretary: cell('secretary') } : {}),
    };
  });
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
