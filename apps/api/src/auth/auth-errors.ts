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
  throttled: (retryAfterSeconds: number) =>
    new DomainError(
      'LOGIN_THROTTLED',
      'throttled',
      `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
      `Too many failed sign-ins. Try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    ),
  passwordChangeRequired: () =>
    new DomainError(
      'PASSWORD_CHANGE_REQUIRED',
      'forbidden',
      'Mật khẩu hiện tại là mật khẩu tạm thời: hãy đổi mật khẩu (POST /api/auth/password) rồi đăng nhập.',
      'This is a temporary password: change it first (POST /api/auth/password).',
      { field: 'password' },
    ),
  samePassword: () =>
    new DomainError(
      'PASSWORD_UNCHANGED',
      'invalid',
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
      'The new password must differ from the current one.',
      { field: 'newPassword' },
    ),
  badRefresh: () =>
    new DomainError(
      'BAD_REFRESH_TOKEN',
      'unauthenticated',
      'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
      'The refresh token is invalid or expired.',
    ),
};
