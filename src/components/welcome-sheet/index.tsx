import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Popup } from '@nutui/nutui-react-taro';
import { CouponTicket } from '~/src/components/coupon-ticket';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import './index.scss';

/**
 * The sheet a new member meets right after joining: the gifts that just arrived, and the points
 * still to be had for completing the profile. Shown by the pages a guest can join from.
 */
export function WelcomeSheet({ onContinue }: { onContinue?: () => void }) {
  const welcome = useMemberStore((s) => s.welcome);
  const nickname = useMemberStore((s) => s.profile?.nickname ?? '');
  const dismiss = useMemberStore((s) => s.dismissWelcome);

  const go = (url: string) => {
    dismiss();
    void Taro.navigateTo({ url });
  };
  const close = () => {
    dismiss();
    onContinue?.();
  };

  return (
    <Popup visible={welcome !== null} position="bottom" round onClose={close} className="welcome-popup">
      <View className="welcome-sheet">
        <Text className="welcome-sheet__title">欢迎加入，{nickname}</Text>
        <Text className="welcome-sheet__subtitle">新人礼已放入你的账户</Text>
        {(welcome?.gifts ?? []).map((gift) => (
          <View key={gift.title} className="welcome-sheet__gift welcome-gift" onClick={() => go(ROUTES.myCoupons)}>
            <CouponTicket
              face={{ headline: gift.headline, condition: gift.condition }}
              title={gift.title}
              validityText="已放入 我的优惠券 ›"
              rules=""
            />
          </View>
        ))}
        {welcome && welcome.bonusPoints > 0 ? (
          <View className="welcome-sheet__bonus welcome-bonus" onClick={() => go(ROUTES.memberProfile)}>
            <Text className="welcome-sheet__bonus-text">完善资料再送 {welcome.bonusPoints} 积分</Text>
            <Text className="welcome-sheet__bonus-go">去完善 ›</Text>
          </View>
        ) : null}
        <View className="welcome-sheet__actions">
          <Button className="welcome-sheet__continue welcome-continue" onClick={close}>
            {onContinue ? '继续下单' : '开始逛逛'}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
