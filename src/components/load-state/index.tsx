import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { ROUTES } from '~/src/routes';
import type { CloudError } from '~/src/services/cloud';
import { errorText } from '~/src/utils/error-text';
import { StatusPanel } from '../status-panel';

interface LoadStateProps {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: CloudError | null;
  loadingText: string;
  onRetry: () => void;
  /** Rendered once the data is there. */
  children: () => ReactNode;
}

/** The states every page shares before its content: loading, a guest who has not joined, an error with retry. */
export function LoadState({ status, error, loadingText, onRetry, children }: LoadStateProps) {
  if (status === 'ready') return <>{children()}</>;
  if (status === 'error' && error?.code === 'NOT_A_MEMBER') {
    return (
      <StatusPanel
        kind="empty"
        title="你还不是会员"
        text="回到首页一键加入，即可使用会员服务"
        actionText="去加入"
        onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
      />
    );
  }
  if (status === 'error') return <StatusPanel kind="error" text={errorText(error)} onRetry={onRetry} />;
  return <StatusPanel kind="loading" text={loadingText} />;
}
