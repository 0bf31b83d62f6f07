/**
 * The credentials of a sign-in refused with PASSWORD_CHANGE_REQUIRED, held in memory only (never in storage or
 * browser history) so the change-password page does not ask for the temporary password a second time.
 */
export interface PendingChange {
  readonly username: string;
  readonly currentPassword: string;
}

let pending: PendingChange | null = null;

export const pendingPasswordChange = {
  set: (value: PendingChange) => {
    pending = value;
  },
  get: (): PendingChange | null => pending,
  clear: () => {
    pending = null;
  },
};
