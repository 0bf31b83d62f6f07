import { useTranslation } from 'react-i18next';

/** The API's rules for a new password (passwordSchema and the change-password use case). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export interface PasswordRuleInput {
  readonly username: string;
  readonly currentPassword: string;
  readonly newPassword: string;
}

export type PasswordRule = 'length' | 'notUsername' | 'notCurrent';

/** Which rules the new password meets now (all true: the API will accept it as far as the rules go). */
export const checkPasswordRules = ({
  username,
  currentPassword,
  newPassword,
}: PasswordRuleInput): Record<PasswordRule, boolean> => ({
  length: newPassword.length >= MIN_PASSWORD_LENGTH && newPassword.length <= MAX_PASSWORD_LENGTH,
  notUsername: newPassword.length > 0 && newPassword.toLowerCase() !== username.trim().toLowerCase(),
  notCurrent: newPassword.length > 0 && (currentPassword === '' || newPassword !== currentPassword),
});

/** The rules, explained, each ticked as the person types (announced politely to screen readers). */
export function PasswordRules(props: PasswordRuleInput & { id?: string }) {
  const { t } = useTranslation();
  const met = checkPasswordRules(props);
  return (
    <ul className="password-rules" id={props.id} aria-live="polite">
      {(Object.keys(met) as PasswordRule[]).map((rule) => (
        <li key={rule} className={met[rule] ? 'rule-met' : 'rule-unmet'}>
          <span aria-hidden className="rule-mark">
            {met[rule] ? '✓' : '✗'}
          </span>{' '}
          <span>{t(`password.rules.${rule}`, { min: MIN_PASSWORD_LENGTH })}</span>
          <span className="visually-hidden">
            {' '}
            ({met[rule] ? t('password.rules.met') : t('password.rules.unmet')})
          </span>
        </li>
      ))}
    </ul>
  );
}
