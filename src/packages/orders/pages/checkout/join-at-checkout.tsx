import { Button, Text, View } from '@tarojs/components';
import { useCheckoutStore } from '~/src/stores/checkout';
import { useMemberStore } from '~/src/stores/member';
import { joinWithToast } from '~/src/utils/join-with-toast';

/**
 * A guest who shopped first joins here, without leaving checkout: the goods, delivery and note
 * chosen so far stay, and the order is priced again as a member (member price, welcome coupon).
 */
export function JoinAtCheckout() {
  const items = useCheckoutStore((s) => s.items);
  const refresh = useCheckoutStore((s) => s.refresh);
  const joining = useMemberStore((s) => s.joining);
  const count = items.reduce((sum, item) => sum + item.quantity, 0);

  const join = async () => {
    if (joining) return;
    if (await joinWithToast()) await refresh();
  };

  return (
    <View className="join-at-checkout">
      <Text className="join-at-checkout__title">加入会员后即可下单</Text>
      <Text className="join-at-checkout__text">
        已选 {count} 件商品。一键加入即享会员价，新人礼券可直接用于本单，已选的商品和地址都会保留。
      </Text>
      <Button className="join-at-checkout__button join-and-continue" loading={joining} onClick={() => void join()}>
        一键加入并继续下单
      </Button>
    </View>
  );
}
