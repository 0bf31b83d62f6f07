import type { TFunction } from 'i18next';
import type { Procedure } from './use-procedure';

export type ResolutionItem = Procedure['items'][number];

/** One line per resolution item, for tables and reasons ("Đổi tên: tdp6 → Chi bộ Tổ dân phố số 34"). */
export const itemSummary = (item: ResolutionItem, t: TFunction): string => {
  const kind = t(`kinds.${item.kind}`);
  switch (item.kind) {
    case 'rename':
      return `${kind}: ${item.unitId} → ${item.newName}`;
    case 'establish':
      return `${kind}: ${item.name}`;
    case 'renumber':
      return `${kind}: ${item.unitIds.length} → ${item.pattern}`;
    case 'upgrade':
      return `${kind}: ${item.unitId}`;
    case 'merge':
      return `${kind}: ${item.unitIds.join(', ')} → ${item.name}`;
    case 'dissolve':
      return `${kind}: ${item.unitId}`;
    case 'transfer':
      return `${kind}: ${item.unitId} → ${item.parentId}`;
    case 'appoint':
      return `${kind}: ${item.unitId} — ${item.secretary}`;
  }
};
