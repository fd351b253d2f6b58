import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EpochMs } from '~/types/units';
import { ROUTES } from '~/src/routes';
import { errorText } from '~/src/utils/error-text';
import { minutesSeconds } from '~/src/packages/staff/staff-text';
import { useNow } from '~/src/packages/staff/use-now';
import './session-notice.scss';

/** Back to the till home to scan the member's code again. */
export function scanAgain(): void {
  void Taro.reLaunch({ url: ROUTES.staffHome });
}

/**
 * How long the scanned code keeps working, by this phone's clock; once it has run out (or the
 * server said so), that the member's code has to be scanned again.
 */
export function SessionNotice({ expiresAt, expired }: { expiresAt: EpochMs; expired: boolean }) {
  const now = useNow();
  const secondsLeft = Math.ceil((expiresAt - now) / 1000);
  if (expired || secondsLeft <= 0) {
    return (
      <View className="session-notice session-notice--expired session-expired">
        <Text className="session-notice__text">{errorText({ code: 'TILL_SESSION_EXPIRED' })}</Text>
        <View className="session-notice__action rescan-button" onClick={scanAgain}>
          <Text>重新扫码</Text>
        </View>
      </View>
    );
  }
  return (
    <View className={`session-notice${secondsLeft <= 60 ? ' session-notice--soon' : ''}`}>
      <Text className="session-notice__text session-countdown">本次扫码 {minutesSeconds(secondsLeft)} 后失效</Text>
    </View>
  );
}
