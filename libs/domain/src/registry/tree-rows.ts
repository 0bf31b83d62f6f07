/**
 * A ward's tree as rows of a table (the .xlsx/.csv export): depth-first in the tree's own order, each row
 * numbered by its place ("1", "1.2", "1.2.3") so the hierarchy survives a flat file. Pure.
 */
import { UNIT_KIND_LABELS, UNIT_SETTING_LABELS, type UnitKind, type UnitSetting } from './unit-kind';

export interface TreeRowSource {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly setting: UnitSetting;
  readonly fullMembers: number;
  readonly secretary: string | null;
  readonly scheduled?: readonly {
    readonly effectiveDate: string;
    readonly change: string | null;
    readonly name: string;
    readonly decision: { readonly symbol: string | null };
  }[];
  readonly children: readonly TreeRowSource[];
}

export interface TreeRow {
  /** "1.2.3": the place in the tree. */
  readonly order: string;
  /** 1 for the ward committee's level. */
  readonly level: number;
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly setting: string;
  readonly parentName: string;
  readonly fullMembers: number;
  readonly secretary: string;
  /** Changes issued and not yet in effect, one line each: "01/9/2025: đổi tên → … (Số 02-QĐ/ĐU)". */
  readonly scheduled: string;
}

/** The export's columns, in order, with their Vietnamese headings. */
export const TREE_EXPORT_COLUMNS: readonly { readonly key: keyof TreeRow; readonly header: string }[] = [
  { key: 'order', header: 'STT' },
  { key: 'level', header: 'Cấp' },
  { key: 'id', header: 'Mã tổ chức' },
  { key: 'name', header: 'Tên tổ chức đảng' },
  { key: 'kind', header: 'Loại hình' },
  { key: 'setting', header: 'Lĩnh vực' },
  { key: 'parentName', header: 'Trực thuộc' },
  { key: 'fullMembers', header: 'Số đảng viên chính thức' },
  { key: 'secretary', header: 'Bí thư' },
  { key: 'scheduled', header: 'Thay đổi sắp có hiệu lực' },
];

const CHANGE_WORDS: Readonly<Record<string, string>> = {
  establish: 'thành lập',
  rename: 'đổi tên',
  renumber: 'đổi tên (đánh số)',
  upgrade: 'nâng cấp',
  merge: 'sáp nhập',
  dissolve: 'giải thể',
  transfer: 'điều chuyển',
  appoint: 'chỉ định',
};

/** "2025-09-01" → "01/9/2025" (Vietnamese short date: day with a leading zero, month without). */
export const shortVietnameseDate = (isoDate: string): string => {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${Number(m)}/${y}`;
};

export const treeRows = (tree: readonly TreeRowSource[]): TreeRow[] => {
  const rows: TreeRow[] = [];
  const visit = (nodes: readonly TreeRowSource[], prefix: string, level: number, parent: string) =>
    nodes.forEach((node, i) => {
      const order = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      rows.push({
        order,
        level,
        id: node.id,
        name: node.name,
        kind: UNIT_KIND_LABELS[node.kind].vi,
        setting: UNIT_SETTING_LABELS[node.setting].vi,
        parentName: parent,
        fullMembers: node.fullMembers,
        secretary: node.secretary ?? '',
        scheduled: (node.scheduled ?? [])
          .map(
            (c) =>
              `${shortVietnameseDate(c.effectiveDate)}: ${CHANGE_WORDS[c.change ?? ''] ?? c.change ?? 'thay đổi'} → ${c.name}${c.decision.symbol ? ` (${c.decision.symbol})` : ''}`,
          )
          .join('\n'),
      });
      visit(node.children, order, level + 1, node.name);
    });
  visit(tree, '', 1, '');
  return rows;
};
