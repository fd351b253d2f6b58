import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useFavouritesStore } from '~/src/stores/favourites';
import { actionErrorText } from '~/src/utils/error-text';
import { joinWithToast } from '~/src/utils/join-with-toast';
import { useMemberStore } from '~/src/stores/member';
import './favourite-button.scss';

interface FavouriteButtonProps {
  productId: string;
  favourited: boolean;
}

/** Asks a guest to join first; answers whether they are a member now. */
async function joinFirst(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '加入会员即可收藏',
    content: '一键加入会员，收藏喜欢的商品，还享会员价与积分',
    confirmText: '一键加入',
    cancelText: '再看看',
  });
  if (!confirm) return false;
  await joinWithToast();
  return useMemberStore.getState().status === 'member';
}

/** 收藏 in the product bar: keeps the product in 我的收藏 or takes it out; a guest is asked to join first. */
export function FavouriteButton({ productId, favourited }: FavouriteButtonProps) {
  const busy = useFavouritesStore((s) => s.busy === productId);
  const setFavourite = useFavouritesStore((s) => s.setFavourite);

  const toggle = async () => {
    if (busy) return;
    let outcome = await setFavourite(productId, !favourited);
    // The server decides who is a member; a guest joins and the tap goes through.
    if (!outcome.ok && outcome.code === 'NOT_A_MEMBER') {
      if (!(await joinFirst())) return;
      outcome = await setFavourite(productId, !favourited);
    }
    if (!outcome.ok) {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    void Taro.showToast({ title: outcome.value ? '已收藏' : '已取消收藏', icon: outcome.value ? 'success' : 'none' });
  };

  return (
    <View
      className={`favourite-button${favourited ? ' favourite-button--on favourite-on' : ''}${busy ? ' favourite-button--busy' : ''}`}
      onClick={() => void toggle()}
    >
      <Text className="favourite-button__mark">{favourited ? '★' : '☆'}</Text>
      <Text className="favourite-button__label">{favourited ? '已收藏' : '收藏'}</Text>
    </View>
  );
}
