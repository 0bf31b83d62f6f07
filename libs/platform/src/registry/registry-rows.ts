import { type Officers, type RegistryUnit, nameKey, searchKey } from '@kientoan/domain';
import type { OfficerRole } from '../../../../prisma/generated/client/client';

/** YYYY-MM-DD → the Date Prisma stores in a `date` column (UTC midnight). */
export const toDbDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000Z`);
export const fromDbDate = (date: Date): string => date.toISOString().slice(0, 10);

export const unitRow = (unit: RegistryUnit) => ({
  id: unit.id,
  wardCode: unit.wardCode,
  kind: unit.kind,
  setting: unit.setting,
  name: unit.name,
  nameKey: nameKey(unit.name),
  liveNameKey: unit.status === 'active' ? nameKey(unit.name) : null,
  searchKey: searchKey(unit.name),
  parentId: unit.parentId,
  fullMembers: unit.fullMembers,
  status: unit.status,
});

export const versionRow = (
  unit: RegistryUnit,
  validFrom: Date,
  change: string | null,
  decisionRef: string | null,
) => ({
  unitId: unit.id,
  wardCode: unit.wardCode,
  validFrom,
  kind: unit.kind,
  setting: unit.setting,
  name: unit.name,
  nameKey: nameKey(unit.name),
  searchKey: searchKey(unit.name),
  parentId: unit.parentId,
  fullMembers: unit.fullMembers,
  status: unit.status,
  change,
  decisionRef,
});

export const officerRows = (
  unitId: string,
  officers: Officers,
  validFrom: Date,
  decisionRef: string | null,
) =>
  [
    ...(officers.secretary ? [officer('secretary', officers.secretary)] : []),
    ...officers.deputies.map((personName) => officer('deputy_secretary', personName)),
    ...officers.committee.map((personName) => officer('committee_member', personName)),
  ].map((o) => ({ ...o, unitId, validFrom, decisionRef }));

const officer = (role: OfficerRole, personName: string) => ({ role, personName });

export const officersFrom = (rows: readonly { role: OfficerRole; personName: string }[]): Officers => ({
  secretary: rows.find((r) => r.role === 'secretary')?.personName ?? null,
  deputies: rows.filter((r) => r.role === 'deputy_secretary').map((r) => r.personName),
  committee: rows.filter((r) => r.role === 'committee_member').map((r) => r.personName),
});

export const sameOfficers = (a: Officers, b: Officers): boolean => JSON.stringify(a) === JSON.stringify(b);
