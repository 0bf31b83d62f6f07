import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useErrorText } from '../common/error-text';
import { LanguageSwitch } from '../layout/language-switch';
import { pendingPasswordChange } from './pending-password-change';
import { sessionStore, useSession } from './session-store';

interface Credentials {
  username: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const signIn = useMutation({
    mutationFn: (body: Credentials) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: async (data) => {
      sessionStore.set(data);
      await queryClient.invalidateQueries();
      await navigate(from, { replace: true });
    },
    onError: async (error, credentials) => {
      // A temporary password: nothing else is possible before it is changed (the API refuses a session).
      if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
        pendingPasswordChange.set({ username: credentials.username, currentPassword: credentials.password });
        await navigate('/change-password', { state: { from } });
      }
    },
  });
  if (session && !signIn.isPending) return <Navigate to={from} replace />;
  return (
    <main className="sign-in">
      {/* A plain panel rather than antd's Card, which brings its tabs into the first load. */}
      <div className="sign-in-card">
        <Typography.Title level={1} className="sign-in-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
        {/* The password stays in the form when sign-in fails: nothing typed is lost. */}
        <Form<Credentials>
          layout="vertical"
          onFinish={(values) => signIn.mutate(values)}
          requiredMark={false}
          disabled={signIn.isPending}
        >
          <Form.Item
            label={t('signIn.username')}
            name="username"
            rules={[{ required: true, message: t('signIn.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('signIn.password')}
            name="password"
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {signIn.error &&
          !(signIn.error instanceof ApiError && signIn.error.code === 'PASSWORD_CHANGE_REQUIRED') ? (
            <Alert type="error" showIcon message={errorText(signIn.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <div className="sign-in-footer">
          <LanguageSwitch />
        </div>
      </div>
    </main>
  );
}
