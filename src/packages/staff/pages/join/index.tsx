import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Failure } from '~/src/stores/outcome';
import { ROUTES } from '~/src/routes';
import { useStaffStore } from '~/src/stores/staff';
import { actionErrorText } from '~/src/utils/error-text';
import { ROLE_TEXT } from '~/src/packages/staff/staff-text';
import './index.scss';

const INVITE = /^[A-Z2-9]{8}$/;

/** Invite codes use capitals and the digits 2–9: what was typed, as the code it can be. */
function inviteText(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
}

function refusalText(failure: Failure): string {
  if (failure.code === 'NOT_FOUND') return '邀请码无效或已过期，请向门店管理员重新索取';
  if (failure.code === 'NOT_A_MEMBER') return '请先在首页加入会员，再绑定门店';
  return actionErrorText(failure);
}

/** Becoming staff: the 8-character invite code an admin made binds the member to a store. */
export default function StaffJoinPage() {
  const me = useStaffStore((s) => s.me);
  const loadMe = useStaffStore((s) => s.loadMe);
  const redeemInvite = useStaffStore((s) => s.redeemInvite);
  const busy = useStaffStore((s) => s.busy === 'invite');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  const submit = async () => {
    if (busy) return;
    if (!INVITE.test(code)) {
      setError('请输入8位邀请码（字母与数字）');
      return;
    }
    setError(null);
    const joined = await redeemInvite(code);
    if (!joined.ok) {
      setError(refusalText(joined));
      return;
    }
    void Taro.showToast({ title: `已绑定${joined.value.storeName}`, icon: 'success' });
    void Taro.redirectTo({ url: ROUTES.staffHome });
  };

  if (me) {
    return (
      <View className="staff-join-page">
        <View className="staff-join">
          <Text className="staff-join__title">你已是店员</Text>
          <Text className="staff-join__text staff-join-bound">
            {me.storeName} · {ROLE_TEXT[me.role]}
          </Text>
          <View className="staff-join__submit enter-till" onClick={() => void Taro.redirectTo({ url: ROUTES.staffHome })}>
            <Text>进入收银台</Text>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="staff-join-page">
      <View className="staff-join">
        <Text className="staff-join__title">成为店员</Text>
        <Text className="staff-join__text">输入门店管理员给你的8位邀请码，绑定后即可在门店为会员服务。邀请码只能使用一次。</Text>
        <Input
          className="staff-join__input invite-code-input"
          value={code}
          maxlength={8}
          placeholder="8位邀请码"
          confirmType="done"
          onInput={(event) => setCode(inviteText(event.detail.value))}
          onConfirm={() => void submit()}
        />
        {error ? <Text className="staff-join__error invite-error">{error}</Text> : null}
      </View>
      <View className="staff-join-bar">
        <View
          className={`staff-join__submit invite-submit${busy ? ' staff-join__submit--busy' : ''}${code.length === 8 ? '' : ' staff-join__submit--disabled'}`}
          onClick={() => void submit()}
        >
          <Text>{busy ? '正在绑定…' : '绑定门店'}</Text>
        </View>
      </View>
    </View>
  );
}
