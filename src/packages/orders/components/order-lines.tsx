import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { PreviewLine } from '~/types/functions/orders';
import { formatYuan } from '~/core/money/format';
import './order-lines.scss';

interface OrderLinesProps {
  lines: Pick<PreviewLine, 'lineId' | 'imageUrl' | 'title' | 'specText' | 'unitPriceFen' | 'memberUnitPriceFen' | 'quantity'>[];
  /** Something to show under a line, e.g. its refund. */
  extra?: (lineId: string) => ReactNode;
}

/** The goods of an order or checkout: picture, title, spec, member unit price (list price struck) and quantity. */
export function OrderLines({ lines, extra }: OrderLinesProps) {
  return (
    <View className="order-lines">
      {lines.map((line) => (
        <View className="order-lines__line order-line" key={line.lineId}>
          <Image className="order-lines__image" src={line.imageUrl} mode="aspectFill" />
          <View className="order-lines__body">
            <Text className="order-lines__title">{line.title}</Text>
            {line.specText ? <Text className="order-lines__spec">{line.specText}</Text> : null}
            <View className="order-lines__foot">
              <View className="order-lines__prices">
                <Text className="order-lines__price">{formatYuan(line.memberUnitPriceFen)}</Text>
                {line.unitPriceFen > line.memberUnitPriceFen ? (
                  <Text className="order-lines__list">{formatYuan(line.unitPriceFen)}</Text>
                ) : null}
              </View>
              <Text className="order-lines__quantity">× {line.quantity}</Text>
            </View>
            {extra ? extra(line.lineId) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
