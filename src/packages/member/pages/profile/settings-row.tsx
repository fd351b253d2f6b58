import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface SettingsRowProps {
  label: string;
  value?: ReactNode;
  className: string;
  /** Makes the row tappable, with an arrow. */
  onClick?: () => void;
}

/** A row of the profile lists: label on the left, value (and an arrow when tappable) on the right. */
export function SettingsRow({ label, value, className, onClick }: SettingsRowProps) {
  return (
    <View className={`profile-row ${className}${onClick ? ' profile-row--link' : ''}`} onClick={onClick}>
      <Text className="profile-row__label">{label}</Text>
      <View className="profile-row__right">
        {typeof value === 'string' || typeof value === 'number' ? <Text className="profile-row__value">{value}</Text> : value}
        {onClick ? <Text className="profile-row__arrow">›</Text> : null}
      </View>
    </View>
  );
}
