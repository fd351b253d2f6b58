import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { AdminSession } from '~/types/functions/admin';
import { ADMIN_ROLE_TEXT } from '../format/admin-roles';
import { PRODUCT_NAME } from '../product';

/** One entry of the side menu. */
export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
}

/** Inputs of the signed-in frame. */
export interface AdminLayoutProps {
  admin: AdminSession['admin'];
  navItems: readonly NavItem[];
  selectedKey: string;
  onNavigate: (key: string) => void;
  onLogout: () => void;
  onChangePassword: () => void;
  children: ReactNode;
}

/** The signed-in frame: header with the product and the admin, side menu, and the current page. */
export function AdminLayout({ admin, navItems, selectedKey, onNavigate, onLogout, onChangePassword, children }: AdminLayoutProps) {
  const menuItems: MenuProps['items'] = navItems.map(({ key, label, icon }) => ({ key, label, icon }));
  const userMenu: MenuProps = {
    items: [
      { key: 'password', label: '修改密码', icon: <KeyOutlined />, className: 'change-password-item' },
      { type: 'divider' },
      { key: 'logout', label: '退出登录', icon: <LogoutOutlined />, className: 'logout-item' },
    ],
    onClick: ({ key }) => (key === 'password' ? onChangePassword() : onLogout()),
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Typography.Text strong style={{ fontSize: 18 }}>
          {PRODUCT_NAME}
        </Typography.Text>
        <Space size="middle">
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" className="user-menu">
              <Space size="small">
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text className="admin-name">{admin.username}</Typography.Text>
                <Tag>{ADMIN_ROLE_TEXT[admin.role]}</Tag>
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Button>
          </Dropdown>
          <Button icon={<LogoutOutlined />} onClick={onLogout} className="logout-button">
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}>
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={[selectedKey]}
            onClick={({ key }) => onNavigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
