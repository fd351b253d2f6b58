import { Text, View } from '@tarojs/components';
import type { OrderEvent } from '~/types/orders';
import { formatDate } from '~/src/utils/date';
import { eventTitle } from '../order-text';
import './order-timeline.scss';

/** The order's events, newest first, the latest one highlighted. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const newestFirst = [...events].reverse();
  return (
    <View className="order-timeline">
      {newestFirst.map((event, index) => (
        <View
          key={`${event.status}-${event.at}-${index}`}
          className={`order-timeline__event timeline-event${index === 0 ? ' order-timeline__event--latest' : ''}`}
        >
          <View className="order-timeline__dot" />
          <View className="order-timeline__body">
            <Text className="order-timeline__title timeline-title">{eventTitle(event)}</Text>
            {event.note ? <Text className="order-timeline__note">{event.note}</Text> : null}
            <Text className="order-timeline__time">{formatDate(event.at, 'YYYY-MM-DD HH:mm')}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
