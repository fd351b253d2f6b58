import { Flex, Form, Radio, Select, Typography } from 'antd';
import type { AdminRole } from '~/types/documents';
import type { StoreRow } from '~/types/functions/admin-staff';
import { ADMIN_ROLE_ORDER, ADMIN_ROLE_SCOPE, ADMIN_ROLE_TEXT } from '../../format/admin-roles';

/** The role of an account, and the store when it is a store manager's. */
export interface RoleValues {
  role: AdminRole;
  storeId?: string;
}

/** What the server takes for a role: a store only with `storeManager`. */
export function rolePayload({ role, storeId }: RoleValues): RoleValues {
  return role === 'storeManager' ? { role, storeId } : { role };
}

/** The store choices: open stores, and closed ones marked as such. */
export function storeOptions(stores: readonly StoreRow[]) {
  return stores.map((store) => ({ value: store.storeId, label: store.status === 'open' ? store.name : `${store.name}（已关闭）` }));
}

/** Role (each with what it may do) and, for 门店经理, the store; fields of a Form whose values extend RoleValues. */
export function RoleFields({ stores, storesLoading }: { stores: readonly StoreRow[]; storesLoading: boolean }) {
  const role = Form.useWatch<AdminRole | undefined>('role');
  return (
    <>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Radio.Group className="admin-role-choice" style={{ width: '100%' }}>
          <Flex vertical gap={8}>
            {ADMIN_ROLE_ORDER.map((value) => (
              <Radio key={value} value={value}>
                <span className="role-name">{ADMIN_ROLE_TEXT[value]}</span>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {ADMIN_ROLE_SCOPE[value]}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {role === 'storeManager' ? (
        <Form.Item name="storeId" label="门店" rules={[{ required: true, message: '门店经理需要选择门店' }]}>
          <Select
            className="admin-store-choice"
            placeholder="选择这位门店经理负责的门店"
            loading={storesLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={storeOptions(stores)}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
