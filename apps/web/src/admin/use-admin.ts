import type { paths } from '../api/schema';

export type AccountView =
  paths['/api/admin/accounts/{username}']['get']['responses'][200]['content']['application/json'];
export type AccountSort = NonNullable<
  NonNullable<paths['/api/admin/accounts']['get']['parameters']['query']>['sort']
>;
export type MemberView =
  paths['/api/admin/wards/{wardCode}/committee']['get']['responses'][200]['content']['application/json']['items'][number];
export type AuditEntry =
  paths['/api/admin/audit']['get']['responses'][200]['content']['application/json']['items'][number];
export type WardRoleName = AccountView['wardRoles'][number]['role'];
export const WARD_ROLES: readonly WardRoleName[] = ['secretary', 'reviewer'];
