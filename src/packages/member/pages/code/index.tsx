import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { QrCode } from '~/src/components/qr-code';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import { errorText } from '~/src/utils/error-text';
import { useBrightScreen, useMemberCode } from './use-member-code';
import './index.scss';

/** The code in groups of four, as staff read it back: 「8602 4177 3512 3456 78」. */
function grouped(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Member code: a QR code and digits for the till, rotating every 30 seconds, screen kept bright. */
export default function MemberCodePage() {
  const state = useMemberCode();
  const nickname = useMemberStore((s) => s.profile?.nickname);
  const tierName = useMemberStore((s) => s.profile?.tier.name);
  const loadProfile = useMemberStore((s) => s.load);
  useBrightScreen();

  useEffect(() => {
    if (useMemberStore.getState().status === 'idle') void loadProfile();
  }, [loadProfile]);

  let body;
  if (state.code) {
    body = (
      <>
        <QrCode text={state.code.code} className="member-code-card__qr" />
        <Text className="member-code-card__digits member-code-digits">{grouped(state.code.code)}</Text>
        <Text
          className={`member-code-card__countdown member-code-countdown${state.offline ? ' member-code-card__countdown--offline' : ''}`}
        >
          {state.offline ? `网络不可用，当前会员码 ${state.secondsLeft} 秒内有效` : `${state.secondsLeft} 秒后自动刷新`}
        </Text>
        <Button className="member-code-card__refresh" size="small" fill="none" disabled={state.loading} onClick={state.retry}>
          手动刷新
        </Button>
      </>
    );
  } else if (state.error?.code === 'NOT_A_MEMBER') {
    body = (
      <StatusPanel
        kind="empty"
        title="你还不是会员"
        text="加入会员后即可出示会员码"
        actionText="去加入"
        onAction={() => void Taro.reLaunch({ url: ROUTES.home })}
      />
    );
  } else if (state.error?.code === 'NOT_AVAILABLE') {
    body = <StatusPanel kind="error" text="会员码服务暂未开通，请联系门店工作人员" onRetry={state.retry} />;
  } else if (state.error || state.expired) {
    body = (
      <StatusPanel kind="error" text={state.expired ? '会员码已过期，请连接网络后刷新' : errorText(state.error)} onRetry={state.retry} />
    );
  } else {
    body = <StatusPanel kind="loading" text="正在生成会员码…" />;
  }

  return (
    <View className="member-code-page">
      <View className="member-code-card">
        <View className="member-code-card__head">
          <Text className="member-code-card__name">{nickname ?? '悦享会员'}</Text>
          {tierName ? <Text className="member-code-card__tier">{tierName}</Text> : null}
        </View>
        <Text className="member-code-card__hint">结账时向店员出示，积分与会员价自动生效</Text>
        <View className="member-code-card__body">{body}</View>
      </View>
      <Text className="member-code-page__note">会员码每30秒更新一次，请勿截图或转发给他人</Text>
    </View>
  );
}
