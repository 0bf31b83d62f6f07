/**
 * Who may do what, deny by default. Roles are held per ward (secretary, reviewer; approver is derived from
 * the registry: a member of the ward's standing committee) plus city-wide supervisor and admin. Supervisors
 * read everything and act only through supervision actions. Pure: the actor is passed in.
 */
import { DomainError } from '../errors/domain-error';

export type WardRoleName = 'secretary' | 'reviewer' | 'approver';

export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly supervisor: boolean;
  readonly admin: boolean;
  /** Ward code → the roles held there. */
  readonly wardRoles: Readonly<Record<string, readonly WardRoleName[]>>;
  /** The standing-committee member this account votes as. */
  readonly memberId: string | null;
  /** Members this account may vote for while a delegation lasts (acting approver). */
  readonly actingForMembers?: readonly string[];
}

/** May the actor cast the vote of `voterId`: their own member, or one delegated to them. */
export const mayVoteAs = (actor: Actor, voterId: string): boolean =>
  voterId === actor.memberId || (actor.actingForMembers ?? []).includes(voterId);

export type Action =
  | 'procedure.start'
  | 'procedure.read'
  | 'procedure.review'
  | 'procedure.resubmit'
  | 'procedure.submit_draft'
  | 'procedure.withdraw'
  | 'procedure.vote'
  | 'procedure.acknowledge'
  | 'registry.read'
  | 'registry.preview'
  | 'supervision.read'
  | 'supervision.act'
  | 'accounts.administer';

/** Ward roles that allow each ward-scoped action. */
const WARD_ROLES_FOR: Readonly<Record<Action, readonly WardRoleName[]>> = {
  'procedure.start': ['secretary'],
  'procedure.read': ['secretary', 'reviewer', 'approver'],
  'procedure.review': ['reviewer'],
  'procedure.resubmit': ['secretary'],
  'procedure.submit_draft': ['secretary'],
  'procedure.withdraw': ['secretary'],
  'procedure.vote': ['approver'],
  'procedure.acknowledge': ['secretary'],
  'registry.read': ['secretary', 'reviewer', 'approver'],
  'registry.preview': ['secretary', 'reviewer'],
  'supervision.read': [],
  'supervision.act': [],
  'accounts.administer': [],
};

const SUPERVISOR_MAY: ReadonlySet<Action> = new Set([
  'procedure.read',
  'registry.read',
  'supervision.read',
  'supervision.act',
]);

/** Admins administer accounts, ward roles and standing committees; they take no part in procedures. */
const ADMIN_MAY: ReadonlySet<Action> = new Set(['accounts.administer']);

/** May `actor` do `action` in `wardCode` (undefined: a city-wide action)? */
export const isAllowed = (actor: Actor, action: Action, wardCode?: string): boolean => {
  if (actor.supervisor && SUPERVISOR_MAY.has(action)) return true;
  if (actor.admin && ADMIN_MAY.has(action)) return true;
  if (!wardCode) return false;
  const held = actor.wardRoles[wardCode] ?? [];
  return WARD_ROLES_FOR[action].some((role) => held.includes(role));
};

/** The role an audit entry names: a ward role, or the city-wide supervisor. */
export type AuditRole = WardRoleName | 'supervisor';

/**
 * The role under which `actor` does `action` (in `wardCode`): the ward role that allows it (held or acting
 * under a delegation), else supervisor. The audit trail takes role names from here, never from literals.
 */
export const roleFor = (actor: Actor, action: Action, wardCode?: string): AuditRole | undefined => {
  const held = wardCode ? (actor.wardRoles[wardCode] ?? []) : [];
  const wardRole = WARD_ROLES_FOR[action].find((role) => held.includes(role));
  if (wardRole) return wardRole;
  return actor.supervisor && SUPERVISOR_MAY.has(action) ? 'supervisor' : undefined;
};

export const forbidden = (action: Action, wardCode?: string) =>
  new DomainError(
    'FORBIDDEN',
    'forbidden',
    wardCode
      ? 'Tài khoản không có quyền thực hiện thao tác này tại xã, phường này.'
      : 'Tài khoản không có quyền thực hiện thao tác này.',
    `This account may not perform ${action}${wardCode ? ` in ${wardCode}` : ''}.`,
    { action, ...(wardCode ? { wardCode } : {}) },
  );

export const authorize = (actor: Actor, action: Action, wardCode?: string): void => {
  if (!isAllowed(actor, action, wardCode)) throw forbidden(action, wardCode);
};

/** Wards where the actor holds any of the roles that allow `action` (for list filters). */
export const wardsAllowing = (actor: Actor, action: Action): string[] =>
  Object.entries(actor.wardRoles)
    .filter(([, roles]) => WARD_ROLES_FOR[action].some((r) => roles.includes(r)))
    .map(([ward]) => ward);
