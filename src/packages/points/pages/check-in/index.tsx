import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { CheckInCalendar } from '~/types/functions/points';
import { LoadState } from '~/src/components/load-state';
import { Panel } from '~/src/components/panel';
import { usePointsStore } from '~/src/stores/points';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { monthCells, monthTitle, shiftMonth } from './month-grid';
import './index.scss';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function rewardText(calendar: CheckInCalendar): string {
  const { points, bonus } = calendar.todayReward;
  const total = bonus ? `${points} + ${bonus} 连签奖励` : String(points);
  return calendar.checkedInToday ? `今日已获得 ${total} 积分` : `今日签到可得 ${total} 积分`;
}

function bonusText(calendar: CheckInCalendar): string | null {
  if (calendar.rules.streakDays <= 0) return null;
  if (calendar.daysToBonus === 1 && !calendar.checkedInToday) return `今天签到即可获得 ${calendar.rules.streakBonusPoints} 积分连签奖励`;
  return `再签到 ${calendar.daysToBonus} 天，额外获得 ${calendar.rules.streakBonusPoints} 积分`;
}

/** Check-in: the month's calendar, the streak, today's reward, and the button (or that today is done). */
export default function CheckInPage() {
  const calendar = usePointsStore((s) => s.calendar);
  const checkingIn = usePointsStore((s) => s.checkingIn);
  const loadCalendar = usePointsStore((s) => s.loadCalendar);
  const checkIn = usePointsStore((s) => s.checkIn);
  const loadSummary = usePointsStore((s) => s.loadSummary);
  const [month, setMonth] = useState(() => formatDate(Date.now(), 'YYYY-MM'));

  useEffect(() => {
    void loadCalendar(month);
  }, [loadCalendar, month]);

  usePullDownRefresh(() => {
    void loadCalendar(month).finally(() => Taro.stopPullDownRefresh());
  });

  const onCheckIn = async () => {
    const outcome = await checkIn();
    if (!outcome.ok) {
      void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
      return;
    }
    const { points, bonus, streak, day } = outcome.value;
    void Taro.showToast({ title: `签到成功 +${points}`, icon: 'success' });
    if (bonus > 0)
      void Taro.showModal({
        title: '连签奖励',
        content: `已连续签到 ${streak} 天，其中 ${bonus} 积分为连签奖励`,
        showCancel: false,
      });
    const today = day.slice(0, 7);
    if (today !== month) setMonth(today);
    else void loadCalendar(month);
    void loadSummary();
  };

  return (
    <View className="check-in-page">
      <LoadState status={calendar.status} error={calendar.error} loadingText="正在加载签到日历…" onRetry={() => void loadCalendar(month)}>
        {() => {
          const data = calendar.data!;
          const thisMonth = data.today.slice(0, 7);
          const bonus = bonusText(data);
          return (
            <>
              <View className="check-in-hero">
                <Text className="check-in-hero__label">已连续签到</Text>
                <View className="check-in-hero__streak">
                  <Text className="check-in-hero__days check-in-streak">{data.currentStreak}</Text>
                  <Text className="check-in-hero__unit">天</Text>
                </View>
                <Text className="check-in-hero__reward check-in-reward">{rewardText(data)}</Text>
                {bonus ? <Text className="check-in-hero__bonus">{bonus}</Text> : null}
                <Button
                  className={`check-in-hero__button check-in-button${data.checkedInToday ? ' check-in-button--done' : ''}`}
                  type="primary"
                  block
                  disabled={data.checkedInToday || checkingIn}
                  loading={checkingIn}
                  onClick={() => void onCheckIn()}
                >
                  {data.checkedInToday ? '今日已签到' : '立即签到'}
                </Button>
              </View>

              <Panel
                title={monthTitle(data.month)}
                className="check-in-calendar"
                extra={
                  <View className="check-in-calendar__nav">
                    <Text className="check-in-calendar__nav-button month-prev" onClick={() => setMonth(shiftMonth(month, -1))}>
                      ‹ 上月
                    </Text>
                    {data.month < thisMonth ? (
                      <Text className="check-in-calendar__nav-button month-next" onClick={() => setMonth(shiftMonth(month, 1))}>
                        下月 ›
                      </Text>
                    ) : null}
                  </View>
                }
              >
                <View className="check-in-calendar__grid">
                  {WEEKDAYS.map((day) => (
                    <Text className="check-in-calendar__weekday" key={day}>
                      {day}
                    </Text>
                  ))}
                  {monthCells(data.month).map((day, i) => {
                    if (!day) return <View className="check-in-calendar__cell" key={`blank-${i}`} />;
                    const checked = data.days.includes(day);
                    const classes = ['check-in-calendar__cell', 'calendar-day'];
                    if (checked) classes.push('check-in-calendar__cell--checked', 'calendar-day--checked');
                    if (day === data.today) classes.push('check-in-calendar__cell--today', 'calendar-day--today');
                    return (
                      <View className={classes.join(' ')} key={day}>
                        <Text className="check-in-calendar__date">{Number(day.slice(8))}</Text>
                        {checked ? <Text className="check-in-calendar__mark">✓</Text> : null}
                      </View>
                    );
                  })}
                </View>
                <Text className="check-in-calendar__count">本月已签到 {data.days.length} 天</Text>
              </Panel>

              <Panel title="签到规则">
                <Text className="check-in-rules">
                  每天签到可得 {data.rules.dailyPoints} 积分
                  {data.rules.streakDays > 0
                    ? `，连续签到每满 ${data.rules.streakDays} 天额外奖励 ${data.rules.streakBonusPoints} 积分`
                    : ''}
                  。断签后连续天数从 1 重新计算，签到日以北京时间为准。
                </Text>
              </Panel>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
