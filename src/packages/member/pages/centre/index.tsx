import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { LoadState } from '~/src/components/load-state';
import { Panel } from '~/src/components/panel';
import { TierCard } from '~/src/components/tier-card';
import { ROUTES } from '~/src/routes';
import { useMemberStore } from '~/src/stores/member';
import { formatDate } from '~/src/utils/date';
import { formatYuan } from '~/core/money/format';
import { tierChangeText } from './tier-history-text';
import { useShownAgain } from '~/src/utils/use-shown-again';
import './index.scss';

const SHORTCUTS = [
  { mark: '码', title: '会员码', url: ROUTES.memberCode },
  { mark: '积', title: '我的积分', url: ROUTES.points },
  { mark: '签', title: '每日签到', url: ROUTES.checkIn },
  { mark: '券', title: '我的优惠券', url: ROUTES.myCoupons },
] as const;

/** Member centre: tier card with progress, the perks of every tier, and the member's tier history. */
export default function MemberCentrePage() {
  const tierProgress = useMemberStore((s) => s.tierProgress);
  const load = useMemberStore((s) => s.loadTierProgress);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from paying: the spend towards the next tier as it is now.
  useShownAgain(() => void load());

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="centre-page">
      <LoadState status={tierProgress.status} error={tierProgress.error} loadingText="正在加载会员等级…" onRetry={() => void load()}>
        {() => {
          const view = tierProgress.data!;
          return (
            <>
              <TierCard view={view} />

              <View className="centre-shortcuts">
                {SHORTCUTS.map((item) => (
                  <View className="centre-shortcuts__item" key={item.url} onClick={() => void Taro.navigateTo({ url: item.url })}>
                    <View className="centre-shortcuts__mark">
                      <Text>{item.mark}</Text>
                    </View>
                    <Text className="centre-shortcuts__title">{item.title}</Text>
                  </View>
                ))}
              </View>

              <Panel title="等级权益" className="perks-table">
                <View className="perks-table__row perks-table__row--head">
                  <Text className="perks-table__tier">等级</Text>
                  <Text className="perks-table__entry">近365天消费</Text>
                  <Text className="perks-table__perks">专属权益</Text>
                </View>
                {view.ladder.map((tier) => (
                  <View className={`perks-table__row${tier.id === view.current.id ? ' perks-table__row--current' : ''}`} key={tier.id}>
                    <View className="perks-table__tier">
                      <Text className="perks-table__tier-name">{tier.name}</Text>
                      {tier.id === view.current.id ? <Text className="perks-table__current">当前</Text> : null}
                    </View>
                    <Text className="perks-table__entry">
                      {tier.entrySpendFen === 0 ? '入会即享' : `满${formatYuan(tier.entrySpendFen)}`}
                    </Text>
                    <View className="perks-table__perks">
                      {tier.perks.map((perk) => (
                        <Text className="perks-table__perk" key={perk}>
                          {perk}
                        </Text>
                      ))}
                    </View>
                  </View>
                ))}
              </Panel>

              <Panel title="等级变化记录" className="tier-history">
                {view.history.length === 0 ? (
                  <Text className="tier-history__empty">暂无等级变化，消费达标后将自动升级</Text>
                ) : (
                  view.history.map((change) => {
                    const text = tierChangeText(change, view.ladder);
                    return (
                      <View className="tier-history__item" key={`${change.at}-${change.to}`}>
                        <View>
                          <Text className="tier-history__move">{text.move}</Text>
                          <Text className="tier-history__reason">{text.reason}</Text>
                        </View>
                        <Text className="tier-history__date">{formatDate(change.at)}</Text>
                      </View>
                    );
                  })
                )}
              </Panel>

              <Text className="centre-page__note">等级按近365天实付消费计算，升级即时生效；每年评审一次，未达保级标准时有30天宽限期。</Text>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
