import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useErrorText, useFieldErrors } from '../common/error-text';
import { LanguageSwitch } from '../layout/language-switch';
import { PasswordRules, checkPasswordRules } from './password-rules';
import { pendingPasswordChange } from './pending-password-change';
import { sessionStore } from './session-store';
import { useMe } from './use-me';

interface ChangeForm {
  username: string;
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Change the password: forced after signing in with a temporary password (the sign-in page hands over the
 * credentials in memory, so only the new password is asked), or chosen by a signed-in user. The answer is a
 * new session: the person is signed in with the new password at once.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const [pending] = useState(pendingPasswordChange.get);
  const forced = pending !== null;
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [form] = Form.useForm<ChangeForm>();
  const username = Form.useWatch('username', form) ?? pending?.username ?? me.data?.username ?? '';
  const currentPassword = Form.useWatch('currentPassword', form) ?? '';
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const change = useMutation({
    mutationFn: (values: ChangeForm) =>
      unwrap(
        api.POST('/api/auth/password', {
          body: {
            username: pending?.username ?? values.username,
            currentPassword: pending?.currentPassword ?? values.currentPassword,
            newPassword: values.newPassword,
          },
        }),
      ),
    onSuccess: async (session) => {
      pendingPasswordChange.clear();
      sessionStore.set(session);
      await queryClient.invalidateQueries();
      await navigate(from === '/change-password' ? '/' : from, {
        replace: true,
        state: { passwordChanged: true },
      });
    },
    onError: (error) => {
      const placed = placeErrors(error);
      form.setFields(placed.map(([name, text]) => ({ name, errors: [text] })));
    },
  });
  /** Each problem next to the field it concerns; a wrong current password belongs to that field. */
  const placeErrors = (error: unknown): [keyof ChangeForm, string][] => {
    const byField: Record<string, string> = fieldErrors(error);
    if (error instanceof ApiError && error.code === 'BAD_CREDENTIALS' && !forced)
      byField.currentPassword = errorText(error);
    return (['username', 'currentPassword', 'newPassword'] as const)
      .filter((name) => byField[name] && !(forced && name !== 'newPassword'))
      .map((name) => [name, byField[name] ?? '']);
  };
  const unplaced = change.error && placeErrors(change.error).length === 0 ? change.error : null;

  return (
    <main className="sign-in">
      <Card className="sign-in-card">
        <Typography.Title level={1} className="sign-in-title">
          {t('password.title')}
        </Typography.Title>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            message={t('password.forcedIntro', { username: pending.username })}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
        )}
        <Form<ChangeForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={change.isPending}
          initialValues={{ username: pending?.username ?? me.data?.username ?? '' }}
          onFinish={(values) => change.mutate(values)}
        >
          <Form.Item
            label={t('signIn.username')}
            name="username"
            hidden={forced}
            rules={[{ required: !forced, message: t('signIn.usernameRequired') }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          {forced ? null : (
            <Form.Item
              label={t('password.current')}
              name="currentPassword"
              rules={[{ required: true, message: t('signIn.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          )}
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={
              <PasswordRules
                id="password-rules"
                username={username}
                currentPassword={pending?.currentPassword ?? currentPassword}
                newPassword={newPassword}
              />
            }
            rules={[
              { required: true, message: t('password.newRequired') },
              {
                validator: (_, value: string | undefined) => {
                  const met = checkPasswordRules({
                    username,
                    currentPassword: pending?.currentPassword ?? currentPassword,
                    newPassword: value ?? '',
                  });
                  if (!value || Object.values(met).every(Boolean)) return Promise.resolve();
                  return Promise.reject(new Error(t('password.rulesUnmet')));
                },
              },
            ]}
          >
            <Input.Password
              autoComplete="new-password"
              autoFocus={forced}
              aria-describedby="password-rules"
            />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value || value === getFieldValue('newPassword')) return Promise.resolve();
                  return Promise.reject(new Error(t('password.mismatch')));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {unplaced ? (
            <Alert type="error" showIcon message={errorText(unplaced)} style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('password.submit')}
          </Button>
          {forced ? null : (
            <Button type="link" block onClick={() => void navigate(-1)}>
              {t('common.cancel')}
            </Button>
          )}
        </Form>
        <div className="sign-in-footer">
          <LanguageSwitch />
        </div>
      </Card>
    </main>
  );
}
