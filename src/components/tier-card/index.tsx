import { Text, View } from '@tarojs/components';
import { Progress } from '@nutui/nutui-react-taro';
import type { TierProgressView } from '~/types/functions/member';
import { formatYuan } from '~/core/money/format';
import { downgradeText, keepTierText, nextTierText, progressPercent } from './tier-text';
import './index.scss';

interface TierCardProps {
  view: TierProgressView;
}

/** The member's tier: spend in the window, progress to the next tier, and what keeps this one. */
export function TierCard({ view }: TierCardProps) {
  const downgrade = downgradeText(view);
  return (
    <View className="tier-card">
      <View className="tier-card__shine" />
      <View className="tier-card__head">
        <Text className="tier-card__name tier-name">{view.current.name}</Text>
        <View className="tier-card__spend">
          <Text className="tier-card__label">近365天消费</Text>
          <Text className="tier-card__spend-value tier-spend">{formatYuan(view.spendFen)}</Text>
        </View>
      </View>

      <View className="tier-card__progress">
        <Progress
          percent={progressPercent(view)}
          color="linear-gradient(90deg, #f0d9a8 0%, #d9b77c 100%)"
          background="rgba(243, 227, 194, 0.18)"
          strokeWidth="8"
          animated
        />
        <Text className="tier-card__next tier-next">{nextTierText(view)}</Text>
      </View>

      <View className="tier-card__keep">
        <Text className="tier-card__keep-text tier-keep">{keepTierText(view)}</Text>
        {downgrade ? <Text className="tier-card__downgrade tier-downgrade">{downgrade}</Text> : null}
      </View>
    </View>
  );
}
