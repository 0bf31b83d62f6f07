import { parseRecipient, recipientAddress } from './recipients';

describe('recipient addresses', () => {
  it('reads back every address it builds', () => {
    expect(parseRecipient(recipientAddress.member('phuong-kim-lien-btv-01'))).toEqual({
      to: 'member',
      memberId: 'phuong-kim-lien-btv-01',
    });
    expect(parseRecipient(recipientAddress.unit('phuong-o-cho-dua.tdp6'))).toEqual({
      to: 'unit',
      unitId: 'phuong-o-cho-dua.tdp6',
    });
    expect(parseRecipient(recipientAddress.wardRole('xa-phuc-loc', 'reviewer'))).toEqual({
      to: 'ward_role',
      wardCode: 'xa-phuc-loc',
      role: 'reviewer',
    });
    expect(parseRecipient(recipientAddress.supervisors())).toEqual({ to: 'supervisors' });
  });

  it.each([
    ['an unknown scheme', 'email:someone'],
    ['a ward role that cannot be addressed', 'ward:xa-phuc-loc:committee'],
    ['a ward without a role', 'ward:xa-phuc-loc'],
    ['another city role', 'role:admin'],
    ['an empty member', 'member:'],
    ['extra parts', 'member:a:b'],
  ])('reaches nobody with %s', (_case, address) => {
    expect(parseRecipient(address)).toBeNull();
  });
});
