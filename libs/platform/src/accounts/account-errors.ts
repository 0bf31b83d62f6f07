import { DomainError, wardNotFound } from '@kientoan/domain';

/** The rules of account and committee administration, one definition per code. */
export const AccountErrors = {
  accountNotFound: (username: string) =>
    new DomainError(
      'ACCOUNT_NOT_FOUND',
      'not_found',
      `Không có tài khoản "${username}".`,
      `There is no account "${username}".`,
      { username },
    ),
  usernameTaken: (username: string) =>
    new DomainError(
      'USERNAME_TAKEN',
      'conflict',
      `Tên đăng nhập "${username}" đã được dùng.`,
      `The username "${username}" is already taken.`,
      { field: 'username' },
    ),
  wardNotFound,
  memberNotFound: (memberId: string) =>
    new DomainError(
      'MEMBER_NOT_FOUND',
      'not_found',
      `Không có ủy viên Ban Thường vụ "${memberId}".`,
      `There is no standing-committee member "${memberId}".`,
      { field: 'memberId' },
    ),
  memberTaken: (memberId: string) =>
    new DomainError(
      'MEMBER_ALREADY_LINKED',
      'conflict',
      `Ủy viên "${memberId}" đã gắn với một tài khoản khác.`,
      `The member "${memberId}" is already linked to another account.`,
      { field: 'memberId' },
    ),
  memberIdTaken: (memberId: string) =>
    new DomainError(
      'MEMBER_ID_TAKEN',
      'conflict',
      `Mã ủy viên "${memberId}" đã có.`,
      `The member id "${memberId}" already exists.`,
      { field: 'id' },
    ),
  termOrder: () =>
    new DomainError(
      'TERM_DATES_OUT_OF_ORDER',
      'invalid',
      'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.',
      'The end of the term must be after its start.',
      { field: 'servedTo' },
    ),
  selfLockout: () =>
    new DomainError(
      'CANNOT_DISABLE_SELF',
      'invalid',
      'Không thể tự khóa tài khoản của chính mình.',
      'An admin cannot disable their own account.',
      { field: 'username' },
    ),
  weakPassword: (field = 'newPassword') =>
    new DomainError(
      'WEAK_PASSWORD',
      'invalid',
      'Mật khẩu phải có ít nhất 12 ký tự và khác tên đăng nhập.',
      'The password needs at least 12 characters and must differ from the username.',
      { field },
    ),
};
