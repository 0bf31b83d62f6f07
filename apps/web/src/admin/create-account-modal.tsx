import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useErrorText } from '../common/error-text';
import { usePlaceFieldErrors } from './form-errors';
import { WARD_ROLES, type WardRoleName } from './use-admin';
import { WardSelect } from './ward-select';

type Created = paths['/api/admin/accounts']['post']['responses'][201]['content']['application/json'];

interface CreateForm {
  username: string;
  displayName: string;
  temporaryPassword?: string;
  supervisor: boolean;
  admin: boolean;
  wardRoles: { wardCode?: string; role?: WardRoleName }[];
}

const FIELDS = ['username', 'displayName', 'temporaryPassword', 'wardRoles', 'memberId'];

/** A new account with a temporary password (generated unless given) and its ward roles. */
export function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: Created) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const placeFieldErrors = usePlaceFieldErrors();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateForm>();
  const [placed, setPlaced] = useState(false);
  const create = useMutation({
    mutationFn: (values: CreateForm) =>
      unwrap(
        api.POST('/api/admin/accounts', {
          body: {
            username: values.username,
            displayName: values.displayName,
            ...(values.temporaryPassword ? { temporaryPassword: values.temporaryPassword } : {}),
            supervisor: values.supervisor,
            admin: values.admin,
            wardRoles: values.wardRoles.flatMap((r) =>
              r.wardCode && r.role ? [{ wardCode: r.wardCode, role: r.role }] : [],
            ),
          },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
      form.resetFields();
      onCreated(created);
    },
    onError: (error) => setPlaced(placeFieldErrors(form, error, FIELDS)),
  });
  return (
    <Modal
      open={open}
      title={t('admin.accounts.create')}
      onCancel={onClose}
      okText={t('admin.accounts.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      // Closing keeps what was typed: reopening shows it again.
      forceRender
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        name="create-account"
        initialValues={{ supervisor: false, admin: false, wardRoles: [{}] }}
        onFinish={(values) => create.mutate(values)}
        onValuesChange={() => create.reset()}
      >
        <Form.Item
          label={t('admin.accounts.columns.username')}
          name="username"
          extra={t('admin.accounts.usernameRule')}
          rules={[
            { required: true, message: t('admin.common.required') },
            { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,99}$/, message: t('admin.accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('admin.accounts.columns.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('admin.accounts.temporaryPassword')}
          name="temporaryPassword"
          extra={t('admin.accounts.temporaryPasswordHelp')}
          rules={[{ min: 12, message: t('password.rules.length', { min: 12 }) }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <fieldset className="plain-fieldset">
          <legend>{t('admin.accounts.wardRoles')}</legend>
          <Form.List name="wardRoles">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap="small" align="start" wrap>
                    <Form.Item
                      name={[field.name, 'wardCode']}
                      style={{ flex: '1 1 200px', marginBottom: 8 }}
                      rules={[{ required: true, message: t('admin.common.chooseWard') }]}
                    >
                      <WardSelect aria-label={t('admin.roles.wardOf', { n: index + 1 })} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'role']}
                      style={{ flex: '1 1 140px', marginBottom: 8 }}
                      rules={[{ required: true, message: t('admin.roles.chooseRole') }]}
                    >
                      <Select<WardRoleName>
                        aria-label={t('admin.roles.roleOf', { n: index + 1 })}
                        placeholder={t('admin.roles.chooseRole')}
                        options={WARD_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('admin.roles.removeRow', { n: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('admin.roles.addRow')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Flex gap="middle" wrap style={{ marginTop: 16 }}>
          <Form.Item name="supervisor" valuePropName="checked" noStyle>
            <Checkbox>{t('roles.supervisor')}</Checkbox>
          </Form.Item>
          <Form.Item name="admin" valuePropName="checked" noStyle>
            <Checkbox>{t('roles.admin')}</Checkbox>
          </Form.Item>
        </Flex>
        {create.error && !placed ? (
          <Alert type="error" showIcon message={errorText(create.error)} style={{ marginTop: 16 }} />
        ) : null}
      </Form>
    </Modal>
  );
}
