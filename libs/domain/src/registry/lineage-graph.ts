/**
 * A unit's lineage as a small graph: the unit's own names and kinds over time (renames and upgrades keep its
 * id, so each name/kind it carried is a node), and the units merged into it or it was merged into (from the
 * lineage links, any number of hops). Every edge carries its change, date and decision. Pure; the same edges
 * serve as the text list beside the drawing.
 */
import type { UnitKind } from './unit-kind';
import type { UnitVersionFacts } from './unit-history';

export interface LineageUnitFacts {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly status: 'active' | 'dissolved';
}

export interface LineageLinkFacts {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly change: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
  readonly decisionRef: string | null;
}

export interface LineageNode {
  /** Unique in the graph: the unit id, or `<unit id>@<date>` for one of the focus unit's states. */
  readonly key: string;
  readonly unitId: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly status: 'active' | 'dissolved';
  /** The unit the graph is about (each of its states). */
  readonly focus: boolean;
  /** For a state of the focus unit: YYYY-MM-DD it started. */
  readonly since: string | null;
}

export interface LineageEdge {
  readonly source: string;
  readonly target: string;
  readonly change: string;
  readonly effectiveDate: string;
  readonly decisionRef: string | null;
}

export interface LineageGraph {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/** The focus unit's states: consecutive versions with one name and kind are one state (versions oldest first). */
const statesOf = (versions: readonly UnitVersionFacts[]) => {
  const states: UnitVersionFacts[] = [];
  for (const v of versions) {
    const last = states.at(-1);
    if (!last || last.name !== v.name || last.kind !== v.kind) states.push(v);
    else if (v.status !== last.status) states[states.length - 1] = { ...last, status: v.status };
  }
  return states;
};

export const lineageGraph = (input: {
  readonly focus: { readonly id: string; readonly versions: readonly UnitVersionFacts[] };
  readonly units: readonly LineageUnitFacts[];
  readonly links: readonly LineageLinkFacts[];
}): LineageGraph => {
  const { focus } = input;
  const states = statesOf(focus.versions);
  const stateKey = (i: number) => (states.length > 1 ? `${focus.id}@${states[i]!.validFrom}` : focus.id);
  const nodes: LineageNode[] = states.map((s, i) => ({
    key: stateKey(i),
    unitId: focus.id,
    name: s.name,
    kind: s.kind,
    status: s.status,
    focus: true,
    since: s.validFrom,
  }));
  const edges: LineageEdge[] = states.slice(1).map((s, i) => ({
    source: stateKey(i),
    target: stateKey(i + 1),
    change: s.change ?? (s.kind !== states[i]!.kind ? 'upgrade' : 'rename'),
    effectiveDate: s.validFrom,
    decisionRef: s.decisionRef,
  }));
  // A link touches the focus unit in the state it was in on the link's date (the last state begun by then).
  const focusKeyOn = (date: string) => {
    let index = 0;
    states.forEach((s, i) => {
      if (s.validFrom <= date) index = i;
    });
    return stateKey(index);
  };
  const seen = new Set<string>([focus.id]);
  for (const unit of input.units) {
    if (seen.has(unit.id)) continue;
    seen.add(unit.id);
    nodes.push({ key: unit.id, unitId: unit.id, ...pickUnit(unit), focus: false, since: null });
  }
  const keyOf = (unitId: string, date: string) => (unitId === focus.id ? focusKeyOn(date) : unitId);
  const linkSeen = new Set<string>();
  for (const link of [...input.links].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))) {
    const id = `${link.predecessorId}>${link.successorId}`;
    if (linkSeen.has(id) || !seen.has(link.predecessorId) || !seen.has(link.successorId)) continue;
    linkSeen.add(id);
    edges.push({
      source: keyOf(link.predecessorId, link.effectiveDate),
      target: keyOf(link.successorId, link.effectiveDate),
      change: link.change,
      effectiveDate: link.effectiveDate,
      decisionRef: link.decisionRef,
    });
  }
  return { nodes, edges };
};

const pickUnit = (u: LineageUnitFacts) => ({ name: u.name, kind: u.kind, status: u.status });
