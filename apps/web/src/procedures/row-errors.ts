/**
 * Field errors of resolution items ("items.3.newName", "items[3].unitId") grouped by row, so each message
 * is shown on the row it concerns.
 */
export const rowErrors = (fields: Record<string, string>): Map<number, string> => {
  const rows = new Map<number, string>();
  for (const [field, reason] of Object.entries(fields)) {
    const match = /^items(?:\.|\[)(\d+)/.exec(field);
    if (!match?.[1]) continue;
    const row = Number(match[1]);
    rows.set(row, rows.has(row) ? `${rows.get(row)} ${reason}` : reason);
  }
  return rows;
};
