import { ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';

/** The admin page's Ant Design theme: one brand colour on neutral, light surfaces. */
export const adminTheme: ThemeConfig = {
  token: {
    colorPrimary: '#2f54eb',
    colorInfo: '#2f54eb',
    borderRadius: 6,
    colorBgLayout: '#f5f6fa',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 24px' },
  },
};

/** Chinese locale and the theme around the whole admin page. */
export function AdminProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={adminTheme}>
      {children}
    </ConfigProvider>
  );
}
