import { useEffect, useState } from 'react';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { RewardView } from '~/types/functions/rewards';
import { LoadState } from '~/src/components/load-state';
import { ShareButton } from '~/src/components/share-button';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useMallStore } from '~/src/stores/mall';
import { usePointsStore } from '~/src/stores/points';
import { priceText } from '~/src/packages/mall/reward-text';
import { useShare } from '~/src/utils/use-share';
import shareImage from '~/src/assets/share/mall.png';
import './index.scss';

const ALL = '全部';

function RewardCard({ reward }: { reward: RewardView }) {
  const open = () => void Taro.navigateTo({ url: `${ROUTES.reward}?id=${encodeURIComponent(reward.id)}` });
  return (
    <View className="reward-card" onClick={open}>
      {reward.imageUrl ? (
        <Image className="reward-card__image" src={reward.imageUrl} mode="aspectFill" />
      ) : (
        <View className="reward-card__image reward-card__image--mark">
          <Text>{Array.from(reward.title)[0] ?? '礼'}</Text>
        </View>
      )}
      <View className="reward-card__body">
        <Text className="reward-card__title reward-title">{reward.title}</Text>
        <Text className="reward-card__price">{priceText(reward)}</Text>
        <Text className={`reward-card__state${reward.blockedReason ? ' reward-card__state--blocked' : ''}`}>
          {reward.blockedReason ?? `剩余 ${reward.stockRemaining} 件`}
        </Text>
      </View>
    </View>
  );
}

/** Points mall: the member's balance, rewards by category, and a link to their redemptions. */
export default function MallPage() {
  const rewards = useMallStore((s) => s.rewards);
  const loadRewards = useMallStore((s) => s.loadRewards);
  const summary = usePointsStore((s) => s.summary);
  const loadSummary = usePointsStore((s) => s.loadSummary);
  const [category, setCategory] = useState(ALL);
  const share = useShare({ page: 'mall', title: '积分商城：积分兑好礼', imageUrl: shareImage as string });

  useEffect(() => {
    void loadRewards();
    void loadSummary();
  }, [loadRewards, loadSummary]);

  usePullDownRefresh(() => {
    void Promise.all([loadRewards(), loadSummary()]).finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="mall-page">
      <View className="mall-balance">
        <View>
          <Text className="mall-balance__label">我的积分</Text>
          <Text className="mall-balance__value mall-points">{summary.data ? summary.data.available : '—'}</Text>
        </View>
        <View className="mall-balance__link my-redemptions-link" onClick={() => void Taro.navigateTo({ url: ROUTES.redemptions })}>
          <Text>我的兑换 ›</Text>
        </View>
        <ShareButton link={share.link} className="mall-balance__share" />
      </View>

      <LoadState status={rewards.status} error={rewards.error} loadingText="正在加载礼品…" onRetry={() => void loadRewards()}>
        {() => {
          const items = rewards.data!;
          if (items.length === 0) {
            return (
              <StatusPanel
                kind="empty"
                title="礼品正在上新"
                text="积分商城暂时没有可兑换的礼品，先去签到攒积分吧"
                actionText="去签到"
                onAction={() => void Taro.navigateTo({ url: ROUTES.checkIn })}
              />
            );
          }
          const categories = [ALL, ...new Set(items.map((item) => item.category))];
          const shown = category === ALL ? items : items.filter((item) => item.category === category);
          return (
            <>
              <ScrollView className="mall-categories" scrollX enableFlex>
                {categories.map((name) => (
                  <Text
                    className={`mall-categories__item category-tab${name === category ? ' mall-categories__item--active' : ''}`}
                    key={name}
                    onClick={() => setCategory(name)}
                  >
                    {name}
                  </Text>
                ))}
              </ScrollView>
              <View className="mall-grid">
                {shown.map((reward) => (
                  <RewardCard reward={reward} key={reward.id} />
                ))}
              </View>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
