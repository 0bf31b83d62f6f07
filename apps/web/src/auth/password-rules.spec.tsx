/**
 * The password rules of the forced change (jest project `web`, jsdom): the same rules as the API's
 * (at least 12 characters, not the username, not the current password), each explained and ticked as the
 * person types. The page around them (an error next to the field, nothing sent) is driven in the browser story.
 */
import { render, screen } from '@testing-library/react';
import { PasswordRules, checkPasswordRules } from './password-rules';

const state = (text: string) => screen.getByText(text).closest('li')?.className;

describe('checkPasswordRules', () => {
  it('given 12 characters other than the username and the current password, then every rule is met', () => {
    expect(
      checkPasswordRules({
        username: 'bithu.moi',
        currentPassword: 'tam-thoi-1234567',
        newPassword: 'mot-hai-ba-bon',
      }),
    ).toEqual({ length: true, notUsername: true, notCurrent: true });
  });

  it('given 11 characters, the username in capitals, or the temporary password again, then that rule fails', () => {
    const rules = (newPassword: string) =>
      checkPasswordRules({ username: 'bithu.moi.abc', currentPassword: 'tam-thoi-1234567', newPassword });
    expect(rules('12345678901').length).toBe(false);
    expect(rules('x'.repeat(201)).length).toBe(false);
    expect(rules('BITHU.MOI.ABC').notUsername).toBe(false);
    expect(rules('tam-thoi-1234567').notCurrent).toBe(false);
  });
});

describe('PasswordRules', () => {
  it('given nothing typed yet, then every rule is shown, none met', () => {
    render(<PasswordRules username="bithu.moi" currentPassword="tam-thoi-1234567" newPassword="" />);
    expect(screen.getAllByRole('listitem').map((li) => li.className)).toEqual([
      'rule-unmet',
      'rule-unmet',
      'rule-unmet',
    ]);
    expect(screen.getByText('Ít nhất 12 ký tự')).toBeTruthy();
    expect(screen.getAllByText('(chưa đạt)', { exact: false })).toHaveLength(3);
  });

  it('given a short password, then only the length rule is unmet; given a good one, all are met', () => {
    const { rerender } = render(
      <PasswordRules username="bithu.moi" currentPassword="tam-thoi-1234567" newPassword="ngan" />,
    );
    expect([state('Ít nhất 12 ký tự'), state('Khác tên đăng nhập')]).toEqual(['rule-unmet', 'rule-met']);
    rerender(
      <PasswordRules username="bithu.moi" currentPassword="tam-thoi-1234567" newPassword="mot-hai-ba-bon" />,
    );
    expect(screen.getAllByRole('listitem').every((li) => li.className === 'rule-met')).toBe(true);
    expect(screen.getByRole('list').getAttribute('aria-live')).toBe('polite');
  });
});
