import { Text, View } from '@tarojs/components';
import { memo } from 'react';
import type { PointsHistoryItem } from '~/types/functions/points';
import { formatDate } from '~/src/utils/date';
import { entryAmount, entryReason } from './entry-text';
import './index.scss';

interface PointsHistoryProps {
  items: PointsHistoryItem[];
}

/**
 * One entry. Memoised on the entry, so loading the next page renders only the new rows: with a
 * thousand entries, re-rendering (and re-formatting the time of) every row cost 100–350 ms a page.
 */
const HistoryRow = memo(function HistoryRow({ item }: { item: PointsHistoryItem }) {
  const amount = entryAmount(item);
  return (
    <View className="points-history__item history-item">
      <View className="points-history__main">
        <Text className="points-history__reason history-reason">{entryReason(item)}</Text>
        <Text className="points-history__time">{formatDate(item.at, 'YYYY-MM-DD HH:mm')}</Text>
      </View>
      <View className="points-history__side">
        <Text className={`points-history__amount points-history__amount--${amount.tone} history-amount`}>{amount.text}</Text>
        {amount.note ? <Text className="points-history__note history-note">{amount.note}</Text> : null}
      </View>
    </View>
  );
});

/** The member's points entries, newest first, each with a readable reason and signed amount. */
export function PointsHistory({ items }: PointsHistoryProps) {
  return (
    <View className="points-history">
      {items.map((item) => (
        <HistoryRow key={item.id} item={item} />
      ))}
    </View>
  );
}
