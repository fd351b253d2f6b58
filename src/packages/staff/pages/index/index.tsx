import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { StaffMe } from '~/types/functions/staff';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useStaffStore } from '~/src/stores/staff';
import { errorText } from '~/src/utils/error-text';
import { ScanButton } from '~/src/packages/staff/components/scan-button';
import { digitsOnly, groupedDigits, ROLE_TEXT } from '~/src/packages/staff/staff-text';
import './index.scss';

const CODE_DIGITS = 20;

function TillHeader({ me }: { me: StaffMe }) {
  return (
    <View className="till-header">
      <Text className="till-header__store till-store">{me.storeName}</Text>
      <View className="till-header__who">
        <Text className="till-header__role till-role">{ROLE_TEXT[me.role]}</Text>
        <Text className="till-header__nickname till-nickname">{me.nickname}</Text>
      </View>
    </View>
  );
}

/** The member code, typed: 20 digits, shown back in groups of four as they are read aloud. */
function CodeEntry({ onSubmit, busy, error }: { onSubmit: (code: string) => void; busy: boolean; error: string | null }) {
  const [digits, setDigits] = useState('');
  const complete = digits.length === CODE_DIGITS;
  const submit = () => {
    if (!busy) onSubmit(digits);
  };
  return (
    <View className="code-entry">
      <Text className="code-entry__label">手动输入会员码</Text>
      <Input
        className="code-entry__input member-code-input"
        type="number"
        value={digits}
        maxlength={CODE_DIGITS}
        placeholder="会员码下方的20位数字"
        onInput={(event) => setDigits(digitsOnly(event.detail.value, CODE_DIGITS))}
        onConfirm={submit}
      />
      <Text className="code-entry__preview member-code-preview">
        {digits ? `${groupedDigits(digits)}（${digits.length}/${CODE_DIGITS}）` : ' '}
      </Text>
      {error ? <Text className="code-entry__error scan-error">{error}</Text> : null}
      <View
        className={`code-entry__submit member-code-submit${busy ? ' code-entry__submit--busy' : ''}${complete ? '' : ' code-entry__submit--disabled'}`}
        onClick={submit}
      >
        <Text>{busy ? '正在查询…' : '查询会员'}</Text>
      </View>
    </View>
  );
}

/** The till home: who is working where, scan or type a member code, pickups, and the day's summary. */
export default function TillHomePage() {
  const meStatus = useStaffStore((s) => s.meStatus);
  const me = useStaffStore((s) => s.me);
  const meError = useStaffStore((s) => s.meError);
  const loadMe = useStaffStore((s) => s.loadMe);
  const scan = useStaffStore((s) => s.scan);
  const scanning = useStaffStore((s) => s.busy === 'scan');
  const [scanError, setScanError] = useState<string | null>(null);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  usePullDownRefresh(() => {
    void loadMe().finally(() => Taro.stopPullDownRefresh());
  });

  const open = async (code: string, typed: boolean) => {
    if (typed && code.length !== CODE_DIGITS) {
      setScanError(errorText({ code: 'CODE_MALFORMED' }));
      return;
    }
    setScanError(null);
    const scanned = await scan(code);
    if (!scanned.ok) {
      setScanError(errorText(scanned));
      void Taro.showToast({ title: errorText(scanned), icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: `${ROUTES.staffCard}?session=${scanned.value.sessionId}` });
  };

  if (me) {
    return (
      <View className="till-page">
        <TillHeader me={me} />
        <View className="till-scan">
          <CodeEntry busy={scanning} error={scanError} onSubmit={(code) => void open(code, true)} />
        </View>
        <View className="till-actions">
          <View className="till-actions__row">
            <View className="till-action till-pickup" onClick={() => void Taro.navigateTo({ url: ROUTES.staffPickup })}>
              <Text className="till-action__title">核销提货码</Text>
              <Text className="till-action__text">礼品与自提订单</Text>
            </View>
            <View className="till-action till-summary" onClick={() => void Taro.navigateTo({ url: ROUTES.staffSummary })}>
              <Text className="till-action__title">今日汇总</Text>
              <Text className="till-action__text">{me.role === 'manager' ? '我与门店的今日数据' : '我的今日数据'}</Text>
            </View>
          </View>
          <ScanButton disabled={scanning} onCode={(code) => void open(code, false)} />
        </View>
      </View>
    );
  }

  let content;
  if (meStatus === 'none') {
    content = (
      <StatusPanel
        kind="empty"
        title="你还不是店员"
        text="请向门店管理员索取邀请码，绑定后即可使用收银台"
        actionText="输入邀请码"
        onAction={() => void Taro.redirectTo({ url: ROUTES.staffJoin })}
      />
    );
  } else if (meStatus === 'error') {
    content = <StatusPanel kind="error" text={errorText(meError)} onRetry={() => void loadMe()} />;
  } else {
    content = <StatusPanel kind="loading" text="正在进入收银台…" />;
  }
  return <View className="till-page">{content}</View>;
}
