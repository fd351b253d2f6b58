import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

/** `wx.cloud` has this flag at runtime; Taro's typings leave it out. */
type CloudWithCurrentEnv = typeof Taro.cloud & { DYNAMIC_CURRENT_ENV: string };

function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  Taro.cloud.init({
    env: process.env.TARO_APP_CLOUD_ENV || (Taro.cloud as CloudWithCurrentEnv).DYNAMIC_CURRENT_ENV,
    traceUser: true,
  });
}

/** The application shell; Taro renders each page as its children. */
function App({ children }: PropsWithChildren) {
  useLaunch(initCloud);
  return children;
}

export default App;
