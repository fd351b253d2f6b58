import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

interface PanelProps {
  title: string;
  /** Shown at the right of the title, e.g. a link. */
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A white, titled section of a page. */
export function Panel({ title, extra, className, children }: PanelProps) {
  return (
    <View className={className ? `panel ${className}` : 'panel'}>
      <View className="panel__head">
        <Text className="panel__title">{title}</Text>
        {extra ? <View className="panel__extra">{extra}</View> : null}
      </View>
      {children}
    </View>
  );
}
