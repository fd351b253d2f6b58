import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { displayUrl } from '~/src/services/cloud';
import './index.scss';

interface MemberAvatarProps {
  nickname: string;
  avatarUrl: string;
  size?: 'md' | 'lg';
}

/** The member's picture, or the first character of the nickname when there is none. */
export function MemberAvatar({ nickname, avatarUrl, size = 'md' }: MemberAvatarProps) {
  const [broken, setBroken] = useState(false);
  const className = `member-avatar member-avatar--${size}`;
  if (avatarUrl && !broken) {
    return <Image className={className} src={displayUrl(avatarUrl)} mode="aspectFill" onError={() => setBroken(true)} />;
  }
  return (
    <View className={`${className} member-avatar--initial`}>
      <Text className="member-avatar__initial">{Array.from(nickname.trim())[0] ?? '悦'}</Text>
    </View>
  );
}
