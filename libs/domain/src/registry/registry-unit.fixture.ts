/** Test data for the registry's specs: a grassroots cell of ward "phuong-thu" unless told otherwise. */
import { NO_OFFICERS, type RegistryUnit } from './registry-unit';

export const aUnit = (id: string, overrides: Partial<RegistryUnit> = {}): RegistryUnit => ({
  id,
  wardCode: 'phuong-thu',
  kind: 'grassroots_cell',
  setting: 'residential_group',
  name: `Chi bộ ${id}`,
  parentId: 'ward',
  fullMembers: 12,
  status: 'active',
  officers: NO_OFFICERS,
  ...overrides,
});
