import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import { actionErrorText } from '~/src/utils/error-text';

const PHRASE = '注销账号';

/** Deleting the account, after the consequences are spelled out and the member types the phrase. */
export function DeleteAccount({ available }: { available: number }) {
  const deleteAccount = useMemberStore((s) => s.deleteAccount);
  const saving = useMemberStore((s) => s.saving);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');

  const onConfirm = async () => {
    if (typed.trim() !== PHRASE) {
      void Taro.showToast({ title: `请输入「${PHRASE}」确认`, icon: 'none' });
      return;
    }
    const saved = await deleteAccount();
    if (!saved.ok) {
      void Taro.showToast({ title: actionErrorText(saved), icon: 'none' });
      return;
    }
    setOpen(false);
    void Taro.showToast({ title: '账号已注销', icon: 'none' });
    void Taro.reLaunch({ url: ROUTES.home });
  };

  return (
    <View className="profile-danger">
      <View
        className="profile-danger__button delete-account"
        onClick={() => {
          setTyped('');
          setOpen(true);
        }}
      >
        <Text>注销账号</Text>
      </View>
      <Dialog
        className="delete-dialog"
        visible={open}
        title="注销会员账号"
        content={
          <View className="delete-dialog__body">
            <Text className="delete-dialog__line">注销后，以下内容将立即失效且无法恢复：</Text>
            <Text className="delete-dialog__line">· 可用积分 {available} 分及待入账积分全部作废</Text>
            <Text className="delete-dialog__line">· 未使用的优惠券、会员等级与专属权益全部失效</Text>
            <Text className="delete-dialog__line">· 昵称、头像、手机号、生日等个人资料将被删除</Text>
            <Text className="delete-dialog__line">订单与兑换记录会按法规匿名保留。之后可重新加入，但新人礼不再发放。</Text>
            <Input
              className="delete-dialog__input delete-confirm-input"
              value={typed}
              placeholder={`请输入「${PHRASE}」`}
              onChange={setTyped}
            />
          </View>
        }
        confirmText={saving ? '正在注销…' : '确认注销'}
        cancelText="我再想想"
        disableConfirmButton={saving || typed.trim() !== PHRASE}
        onConfirm={() => void onConfirm()}
        onCancel={() => setOpen(false)}
        onClose={() => setOpen(false)}
      />
    </View>
  );
}
