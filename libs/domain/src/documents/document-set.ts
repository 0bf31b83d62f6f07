/**
 * The document set of a resolution (DOMAIN.md, "Documents"): one resolution (NQ) for the whole procedure,
 * and the decisions (QĐ) that carry it out, planned by a configurable rule. By default each newly established,
 * upgraded or merged organization receives its own founding decision (with the appointment of its provisional
 * committee or secretary when the items name one), each other appointment is a decision of its own, and
 * renames, renumberings and the remaining changes are one collective decision whose units are listed in an
 * annex. The order is fixed (NQ, founding decisions in item order, appointments, collective), so the issue
 * step numbers the set the same way on every retry.
 */
import type { ChangeKind } from '../procedure/change-kind';

/** One planned change as the documents see it. */
export interface DocumentEntry {
  readonly itemIndex: number;
  readonly change: ChangeKind;
  readonly unitId: string;
  readonly unitName: string;
  readonly article: string;
}

/** Where a kind of change goes: a decision per unit, a decision per item, or the collective decision. */
export type DocumentGrouping = 'per_unit' | 'per_item' | 'collective';

export type DocumentSetRule = Readonly<Record<ChangeKind, DocumentGrouping>>;

export const DEFAULT_DOCUMENT_SET_RULE: DocumentSetRule = {
  establish: 'per_unit',
  upgrade: 'per_unit',
  merge: 'per_unit',
  appoint: 'per_item',
  rename: 'collective',
  renumber: 'collective',
  dissolve: 'collective',
  transfer: 'collective',
};

export interface PlannedDocument {
  readonly type: 'NQ' | 'QĐ';
  /** Why this document exists: the resolution, a unit's own decision, an appointment, the collective one. */
  readonly purpose: 'resolution' | 'founding' | 'appointment' | 'collective';
  /** The unit that receives it (a unit's own decision or an appointment). */
  readonly unitId?: string;
  readonly entries: readonly DocumentEntry[];
}

export const planDocumentSet = (
  entries: readonly DocumentEntry[],
  rule: DocumentSetRule = DEFAULT_DOCUMENT_SET_RULE,
): PlannedDocument[] => {
  const byItem = [...entries].sort((a, b) => a.itemIndex - b.itemIndex);
  const founding = new Map<string, DocumentEntry[]>();
  const perItem = new Map<number, DocumentEntry[]>();
  const collective: DocumentEntry[] = [];
  for (const entry of byItem)
    if (rule[entry.change] === 'per_unit')
      founding.set(entry.unitId, [...(founding.get(entry.unitId) ?? []), entry]);
  for (const entry of byItem) {
    const grouping = rule[entry.change];
    switch (grouping) {
      case 'per_unit':
        break;
      case 'per_item': {
        // An appointment in a unit that gets its own founding decision goes into that decision.
        const own = founding.get(entry.unitId);
        if (entry.change === 'appoint' && own) own.push(entry);
        else perItem.set(entry.itemIndex, [...(perItem.get(entry.itemIndex) ?? []), entry]);
        break;
      }
      case 'collective':
        collective.push(entry);
        break;
      default: {
        const unreachable: never = grouping;
        throw new RangeError(`Unknown grouping ${String(unreachable)}`);
      }
    }
  }
  return [
    { type: 'NQ', purpose: 'resolution', entries: byItem },
    ...[...founding].map(([unitId, own]): PlannedDocument => ({
      type: 'QĐ',
      purpose: 'founding',
      unitId,
      entries: own,
    })),
    ...[...perItem.values()].map((own): PlannedDocument => ({
      type: 'QĐ',
      purpose: 'appointment',
      ...(new Set(own.map((e) => e.unitId)).size === 1 ? { unitId: own[0]!.unitId } : {}),
      entries: own,
    })),
    ...(collective.length
      ? [{ type: 'QĐ' as const, purpose: 'collective' as const, entries: collective }]
      : []),
  ];
};
