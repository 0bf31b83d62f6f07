import { Inject, Injectable } from '@nestjs/common';
import { type Actor, TREE_EXPORT_COLUMNS, authorize, shortVietnameseDate, treeRows } from '@kientoan/domain';
import { type TableFile, type TableFormat, tableFile } from '../common/export/table-file';
import { GetWardTreeUseCase } from './get-ward-tree.use-case';

const WIDTHS: Partial<Record<string, number>> = { name: 42, parentName: 36, scheduled: 48, id: 30, kind: 22 };

/** A ward's tree on a date (default today in Hà Nội) as a spreadsheet: one row per live unit, in tree order. */
@Injectable()
export class ExportWardTreeUseCase {
  constructor(@Inject(GetWardTreeUseCase) private readonly wardTree: GetWardTreeUseCase) {}

  async execute(actor: Actor, wardCode: string, format: TableFormat, asOf?: string): Promise<TableFile> {
    authorize(actor, 'registry.read', wardCode);
    const tree = await this.wardTree.execute(wardCode, asOf);
    const rows = treeRows(tree.tree);
    return tableFile({
      format,
      name: `cay-to-chuc-${wardCode}-${tree.onDate}`,
      title: `Tổ chức đảng trực thuộc ${tree.ward.name} tại ngày ${shortVietnameseDate(tree.onDate)} (${tree.organizations} tổ chức cơ sở đảng)`,
      columns: TREE_EXPORT_COLUMNS.map((c) => ({ ...c, width: WIDTHS[c.key] ?? 14 })),
      rows: rows.map((r) => ({ ...r })),
    });
  }
}
