import { type Actor, authorize, isAllowed, roleFor, wardsAllowing } from './access-policy';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  supervisor: false,
  admin: false,
  wardRoles: {},
  memberId: null,
  ...overrides,
});

describe('access policy (deny by default)', () => {
  const secretaryOfA = actor({ wardRoles: { 'ward-a': ['secretary'] } });

  it('given a secretary of ward A, then they start procedures in A and nothing in B', () => {
    expect(isAllowed(secretaryOfA, 'procedure.start', 'ward-a')).toBe(true);
    expect(isAllowed(secretaryOfA, 'procedure.start', 'ward-b')).toBe(false);
    expect(isAllowed(secretaryOfA, 'procedure.read', 'ward-b')).toBe(false);
    expect(isAllowed(secretaryOfA, 'procedure.review', 'ward-a')).toBe(false);
    expect(isAllowed(secretaryOfA, 'procedure.vote', 'ward-a')).toBe(false);
  });

  it('given an action, then the audit role is the ward role that allows it, else supervisor', () => {
    const acting = actor({ wardRoles: { 'ward-a': ['secretary', 'approver'] }, supervisor: true });
    expect(roleFor(acting, 'procedure.withdraw', 'ward-a')).toBe('secretary');
    expect(roleFor(acting, 'procedure.vote', 'ward-a')).toBe('approver');
    expect(roleFor(acting, 'supervision.act', 'ward-a')).toBe('supervisor');
    expect(roleFor(secretaryOfA, 'procedure.review', 'ward-a')).toBeUndefined();
  });

  it('given a supervisor, then they read everything and act only through supervision', () => {
    const supervisor = actor({ supervisor: true });
    expect(isAllowed(supervisor, 'procedure.read', 'ward-a')).toBe(true);
    expect(isAllowed(supervisor, 'supervision.act')).toBe(true);
    expect(isAllowed(supervisor, 'procedure.start', 'ward-a')).toBe(false);
    expect(isAllowed(supervisor, 'procedure.vote', 'ward-a')).toBe(false);
  });

  it('given no roles, then everything is refused with a 403-kind error naming the action', () => {
    expect(() => authorize(actor(), 'registry.read', 'ward-a')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', kind: 'forbidden' }),
    );
  });

  it('lists the wards where an action is allowed', () => {
    expect(
      wardsAllowing(actor({ wardRoles: { a: ['reviewer'], b: ['secretary'] } }), 'procedure.review'),
    ).toEqual(['a']);
  });
});
