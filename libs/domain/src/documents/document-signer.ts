/**
 * Who signs a ward committee's documents: the secretary on behalf of the standing committee ("T/M BAN THƯỜNG
 * VỤ / BÍ THƯ"), or, when the registry has no secretary serving, a deputy secretary ("K/T BÍ THƯ / PHÓ BÍ
 * THƯ"). None: the name is left blank for the office to write in.
 */
export interface CommitteeMemberPosition {
  readonly fullName: string;
  readonly position: string;
}

const normalized = (position: string) => position.normalize('NFC').trim().toLocaleLowerCase('vi');

export const documentSigner = (
  members: readonly CommitteeMemberPosition[],
): { readonly fullName: string; readonly deputy: boolean } | undefined => {
  const secretary = members.find((m) => normalized(m.position) === 'bí thư');
  if (secretary) return { fullName: secretary.fullName, deputy: false };
  const deputy = members.find((m) => normalized(m.position).startsWith('phó bí thư'));
  return deputy ? { fullName: deputy.fullName, deputy: true } : undefined;
};
