import { DomainError } from '@kientoan/domain';

export const AuthErrors = {
  unauthenticated: () =>
    new DomainError(
      'UNAUTHENTICATED',
      'unauthenticated',
      'Cần đăng nhập.',
      'Sign-in required: send a valid bearer token.',
    ),
  badCredentials: () =>
    new DomainError(
      'BAD_CREDENTIALS',
      'unauthenticated',
      'Tên đăng nhập hoặc mật khẩu không đúng.',
      'Wrong username or password.',
    ),
  locked: (until: Date) =>
    new DomainError(
      'ACCOUNT_LOCKED',
      'throttled',
      `Tài khoản tạm khóa đến ${until.toISOString()} do đăng nhập sai nhiều lần.`,
      `The account is locked until ${until.toISOString()} after repeated failed sign-ins.`,
      { lockedUntil: until.toISOString() },
    ),
  badRefresh: () =>
    new DomainError(
      'BAD_REFRESH_TOKEN',
      'unauthenticated',
      'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
      'The refresh token is invalid or expired.',
    ),
};
