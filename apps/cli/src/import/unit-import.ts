/**
 * Importing a ward's units from a spreadsheet (.csv or .xlsx, read by the platform's readSheet), the way offices keep them in spreadsheets. All or nothing: every bad
 * row is reported with its line number and the field, and nothing is imported while any row is bad. The
 * Statute rules are the registry's own (planResolution), so an import can never create what a resolution
 * could not.
 */
import {
  type ChangeSet,
  type RegistrySnapshot,
  type SheetRecord,
  type ResolutionItem,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  UNIT_SETTINGS,
  UNIT_SETTING_LABELS,
  type UnitKind,
  type UnitSetting,
  applyChangeSet,
  cleanText,
  planResolution,
  searchKey,
} from '@kientoan/domain';

export interface RowProblem {
  readonly line: number;
  readonly field: string;
  readonly message: string;
  readonly messageEn: string;
}

export type ImportPlan =
  | { readonly ok: true; readonly changeSet: ChangeSet }
  | { readonly ok: false; readonly problems: RowProblem[] };

const COLUMNS = {
  id: ['id', 'ma'],
  name: ['name', 'ten'],
  kind: ['kind', 'loai'],
  setting: ['setting', 'linh_vuc'],
  parent: ['parent_id', 'ma_cap_tren'],
  members: ['full_members', 'so_dang_vien_chinh_thuc'],
  secretary: ['secretary', 'bi_thu'],
  deputies: ['deputies', 'pho_bi_thu'],
  committee: ['committee', 'chi_uy'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['id', 'name', 'kind', 'setting', 'members'];

/** Accepts the code ("grassroots_cell") or the Vietnamese label ("Chi bộ cơ sở"), with or without diacritics. */
const lookup = <T extends string>(
  value: string,
  codes: readonly T[],
  labels: Readonly<Record<T, { vi: string }>>,
): T | undefined => {
  const key = searchKey(value);
  return codes.find((c) => c === value.trim() || searchKey(labels[c].vi) === key);
};

const list = (value: string | undefined): string[] => (value ?? '').split(';').map(cleanText).filter(Boolean);

/** Plans the import of a sheet's records (read by readSheet from .csv or .xlsx; the first is the header). */
export const planImport = (
  records: readonly SheetRecord[],
  wardCode: string,
  snapshot: RegistrySnapshot,
): ImportPlan => {
  const problems: RowProblem[] = [];
  const problem = (line: number, field: string, message: string, messageEn: string) =>
    problems.push({ line, field, message, messageEn });
  const [header, ...rows] = records;
  if (!header)
    return {
      ok: false,
      problems: [{ line: 1, field: 'header', message: 'Tệp trống.', messageEn: 'The file is empty.' }],
    };

  const names = header.cells.map((f) => f.trim().toLowerCase());
  const index: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = names.findIndex((n) => (COLUMNS[column] as readonly string[]).includes(n));
    if (at >= 0) index[column] = at;
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          field: 'header',
          message: `Thiếu cột: ${missing.map((c) => COLUMNS[c].join('/')).join(', ')}.`,
          messageEn: `Missing column(s): ${missing.map((c) => COLUMNS[c][0]).join(', ')}.`,
        },
      ],
    };
  }

  const wardCommittee = [...snapshot.values()].find(
    (u) => u.kind === 'ward_committee' && u.status === 'active',
  );
  const unitId = (rowId: string) => `${wardCode}.${rowId}`;
  const establish: ResolutionItem[] = [];
  const appoint: ResolutionItem[] = [];
  const lines: number[] = [];
  const appointLines: number[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const get = (c: Column) => (index[c] === undefined ? '' : cleanText(row.cells[index[c]] ?? ''));
    // Fewer cells is fine (a spreadsheet drops empty trailing cells); more means a separator inside a cell.
    const width = row.cells.findLastIndex((c) => c.trim() !== '') + 1;
    if (width > header.cells.length) {
      problem(
        row.line,
        'row',
        `Dòng có ${width} cột, tiêu đề có ${header.cells.length} (có dấu phân cách trong ô? hãy đặt ô trong ngoặc kép).`,
        `The row has ${width} columns; the header has ${header.cells.length} (a separator inside a cell? quote it).`,
      );
      continue;
    }
    const before = problems.length;
    const id = get('id');
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id))
      problem(
        row.line,
        'id',
        'Mã phải gồm 1–40 chữ, số, "-" hoặc "_".',
        'The id must be 1–40 letters, digits, "-" or "_".',
      );
    else if (seen.has(id))
      problem(
        row.line,
        'id',
        `Mã "${id}" trùng với dòng ${seen.get(id)}.`,
        `Id "${id}" repeats line ${seen.get(id)}.`,
      );
    else if (snapshot.has(unitId(id)))
      problem(row.line, 'id', `Mã "${id}" đã có trong sổ đăng ký.`, `Id "${id}" is already in the registry.`);
    seen.set(id, row.line);
    const kind = lookup<UnitKind>(get('kind'), UNIT_KINDS, UNIT_KIND_LABELS);
    if (!kind || kind === 'ward_committee')
      problem(
        row.line,
        'kind',
        `Loại tổ chức "${get('kind')}" không hợp lệ.`,
        `Unknown unit kind "${get('kind')}".`,
      );
    const setting = lookup<UnitSetting>(get('setting'), UNIT_SETTINGS, UNIT_SETTING_LABELS);
    if (!setting)
      problem(
        row.line,
        'setting',
        `Lĩnh vực "${get('setting')}" không hợp lệ.`,
        `Unknown setting "${get('setting')}".`,
      );
    const members = Number(get('members'));
    if (!/^\d+$/.test(get('members')) || members > 100_000)
      problem(
        row.line,
        'full_members',
        'Số đảng viên chính thức phải là số nguyên không âm.',
        'Full members must be a whole number ≥ 0.',
      );
    if (problems.length > before || !kind || !setting) continue;

    const parent = get('parent');
    const parentId = parent
      ? seen.has(parent) && parent !== id
        ? parent
        : snapshot.has(unitId(parent))
          ? unitId(parent)
          : parent
      : (wardCommittee?.id ?? '');
    establish.push({
      kind: 'establish',
      ref: id,
      name: get('name'),
      unitKind: kind,
      setting,
      parentId,
      fullMembers: members,
    });
    lines.push(row.line);
    if (get('secretary')) {
      appoint.push({
        kind: 'appoint',
        unitId: id,
        secretary: get('secretary'),
        deputies: list(get('deputies')),
        committee: list(get('committee')),
      });
      appointLines.push(row.line);
    }
  }

  const ids = establish.map((item) => (item.kind === 'establish' ? unitId(item.ref ?? '') : ''));
  let next = 0;
  const planned = planResolution(snapshot, establish, { wardCode, newUnitId: () => ids[next++] ?? '' });
  if (!planned.ok) {
    for (const v of planned.violations)
      problem(lines[v.itemIndex] ?? 0, v.field.replace(/^items\[\d+\]\./, ''), v.message, v.messageEn);
  }
  if (problems.length || !planned.ok)
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  // Officers are planned against the registry with the new units in it, under the same Statute rules.
  const withUnits = applyChangeSet(snapshot, planned.changeSet);
  const officers = planResolution(
    withUnits,
    appoint.map((a) => (a.kind === 'appoint' ? { ...a, unitId: unitId(a.unitId) } : a)),
    { wardCode, newUnitId: () => '' },
  );
  if (!officers.ok) {
    return {
      ok: false,
      problems: officers.violations.map((v) => ({
        line: appointLines[v.itemIndex] ?? 0,
        field: v.field.replace(/^items\[\d+\]\./, ''),
        message: v.message,
        messageEn: v.messageEn,
      })),
    };
  }
  const appointed = new Map(officers.changeSet.changes.map((c) => [c.after.id, c.after.officers]));
  return {
    ok: true,
    changeSet: {
      changes: planned.changeSet.changes.map((c) => ({
        ...c,
        after: { ...c.after, officers: appointed.get(c.after.id) ?? c.after.officers },
      })),
      lineage: [],
    },
  };
};
