/**
 * Series of names ("đánh số lại 61 chi bộ thành Chi bộ 1…61"): the chosen units, in registry order or by
 * their current name (Vietnamese collation, numbers by value: "số 2" before "số 10"), get the pattern's name
 * with consecutive numbers. Pure: the start page previews the rows before they replace or join its rows.
 */
import type { DraftRow } from '../paste-rows';

/** The number's place in a pattern ("Chi bộ Tổ dân phố số {n}"). */
export const NUMBER_PLACEHOLDER = '{n}';
export type SeriesOrder = 'registry' | 'name';
export type SeriesMode = 'replace' | 'append';

export interface SeriesUnit {
  readonly id: string;
  readonly name: string;
}

export interface SeriesInput {
  /** The chosen units in registry order. */
  readonly units: readonly SeriesUnit[];
  readonly pattern: string;
  readonly start: number;
  readonly order: SeriesOrder;
  /**
   * The least number of digits, zeros in front ("Chi bộ 01" … "Chi bộ 61" with 2); 1 or absent: the numbers
   * as they are. A number with more digits keeps them all.
   */
  readonly width?: number;
}

/** The widest zero-padding a pattern may ask for ("000001" is already more than any ward needs). */
export const MAX_SERIES_WIDTH = 6;

export interface SeriesRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly newName: string;
  /** The unit already has this name: no rename row is made for it. */
  readonly unchanged: boolean;
}

export type SeriesProblem = 'noUnits' | 'noPlaceholder' | 'manyPlaceholders' | 'badStart' | 'badWidth';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** What keeps a series from being made, or null. */
export const seriesProblem = (input: SeriesInput): SeriesProblem | null => {
  if (input.units.length === 0) return 'noUnits';
  const places = input.pattern.split(NUMBER_PLACEHOLDER).length - 1;
  if (places === 0) return 'noPlaceholder';
  if (places > 1) return 'manyPlaceholders';
  if (!Number.isSafeInteger(input.start) || input.start < 0) return 'badStart';
  const width = input.width ?? 1;
  if (!Number.isInteger(width) || width < 1 || width > MAX_SERIES_WIDTH) return 'badWidth';
  return null;
};

const sameName = (a: string, b: string) => a.normalize('NFC').trim() === b.normalize('NFC').trim();

/** The new name of each unit, in the series' order; [] when the input has a problem. */
export const makeSeries = (input: SeriesInput): SeriesRow[] => {
  if (seriesProblem(input)) return [];
  const ordered =
    input.order === 'name'
      ? // A stable sort: units of equal names keep their registry order.
        [...input.units].sort((a, b) => collator.compare(a.name, b.name))
      : [...input.units];
  const pattern = input.pattern.normalize('NFC').replace(/\s+/g, ' ').trim();
  const width = input.width ?? 1;
  return ordered.map((unit, i) => {
    const newName = pattern.replace(NUMBER_PLACEHOLDER, String(input.start + i).padStart(width, '0'));
    return { unitId: unit.id, unitName: unit.name, newName, unchanged: sameName(unit.name, newName) };
  });
};

/**
 * The rows after a series: `replace` keeps only the series' rename rows; `append` renames again the units
 * that already have a rename row (in place) and adds the others after the existing rows.
 */
export const applySeries = (
  rows: readonly DraftRow[],
  series: readonly SeriesRow[],
  mode: SeriesMode,
): DraftRow[] => {
  const renames: DraftRow[] = series
    .filter((s) => !s.unchanged)
    .map((s) => ({ kind: 'rename', unitId: s.unitId, unitName: s.unitName, newName: s.newName }));
  if (mode === 'replace') return renames;
  const byUnit = new Map(renames.map((r) => [r.unitId, r]));
  const kept = rows.map((row) => {
    const renamed = row.kind === 'rename' ? byUnit.get(row.unitId) : undefined;
    if (!renamed) return row;
    byUnit.delete(row.unitId);
    return { ...row, newName: renamed.newName };
  });
  // Units of the series whose existing rename row now names them unchanged are dropped from the rows.
  const unchanged = new Set(series.filter((s) => s.unchanged).map((s) => s.unitId));
  return [
    ...kept.filter((row) => !(row.kind === 'rename' && unchanged.has(row.unitId))),
    ...renames.filter((r) => byUnit.has(r.unitId)),
  ];
};

/** The units of the current rows (each once, in row order), for renumbering what is already listed. */
export const unitsOfRows = (rows: readonly DraftRow[]): SeriesUnit[] => {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.unitId)) return [];
    seen.add(row.unitId);
    return [{ id: row.unitId, name: row.unitName ?? row.unitId }];
  });
};

/** The checked units in registry order (the tree's order), whatever order they were checked in. */
export const inRegistryOrder = (
  registry: readonly SeriesUnit[],
  checked: readonly string[],
): SeriesUnit[] => {
  const chosen = new Set(checked);
  return registry.filter((u) => chosen.has(u.id));
};
