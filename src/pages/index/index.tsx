import { useEffect } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { MemberCard } from '../../components/member-card';
import { StatusPanel } from '../../components/status-panel';
import { ROUTES } from '../../routes';
import { useMemberStore } from '../../stores/member';
import { errorText } from '../../utils/error-text';
import './index.scss';

const PERKS = [
  { mark: '价', title: '会员专享价', text: '等级越高，折扣越多' },
  { mark: '积', title: '消费得积分', text: '下单抵现，好礼兑换' },
  { mark: '礼', title: '生日礼遇', text: '生日月专属优惠券' },
  { mark: '券', title: '新人礼券', text: '入会即送，立即可用' },
] as const;

function WelcomePanel() {
  const joining = useMemberStore((s) => s.joining);
  const error = useMemberStore((s) => s.error);
  const join = useMemberStore((s) => s.join);

  const onJoin = async () => {
    await join();
    const { status, justJoined } = useMemberStore.getState();
    if (status === 'member') {
      void Taro.showToast({ title: justJoined ? '加入成功' : '欢迎回来', icon: 'success' });
    }
  };

  return (
    <View className='welcome-panel'>
      <Text className='welcome-panel__eyebrow'>悦享会员 · 免费加入</Text>
      <Text className='welcome-panel__title'>开启你的会员卡</Text>
      <Text className='welcome-panel__text'>立享会员专享价、消费积分与生日礼遇</Text>
      {/* No `loading` prop: in H5 its spinner fights React over the button's children. */}
      <Button className={joining ? 'join-button join-button--busy' : 'join-button'} disabled={joining || undefined} onClick={onJoin}>
        {joining ? '正在加入…' : '一键加入会员'}
      </Button>
      {error && !joining ? <Text className='welcome-panel__error join-error'>{errorText(error)}</Text> : null}
    </View>
  );
}

function Perks() {
  return (
    <View className='perks'>
      <Text className='perks__title'>会员权益</Text>
      <View className='perks__grid'>
        {PERKS.map((perk) => (
          <View className='perks__item' key={perk.title}>
            <View className='perks__mark'>
              <Text>{perk.mark}</Text>
            </View>
            <Text className='perks__name'>{perk.title}</Text>
            <Text className='perks__text'>{perk.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Home: the visitor's membership at a glance, with one-tap joining for guests. */
export default function IndexPage() {
  const status = useMemberStore((s) => s.status);
  const profile = useMemberStore((s) => s.profile);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);

  useEffect(() => {
    if (useMemberStore.getState().status === 'idle') void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const openProfile = () => {
    void Taro.navigateTo({ url: ROUTES.memberProfile });
  };

  let body;
  if (status === 'member' && profile) {
    body = <MemberCard profile={profile} onOpenProfile={openProfile} />;
  } else if (status === 'guest') {
    body = <WelcomePanel />;
  } else if (status === 'error') {
    body = <StatusPanel kind='error' text={errorText(error)} onRetry={() => void load()} />;
  } else {
    body = <StatusPanel kind='loading' text='正在获取会员信息…' />;
  }

  return (
    <View className='home-page'>
      <View className='home-hero'>
        <Text className='home-hero__brand'>悦享商城</Text>
        <Text className='home-hero__slogan'>
          {status === 'member' && profile ? `${profile.nickname}，欢迎回来` : '好物悦享，积分有礼'}
        </Text>
      </View>
      <View className='home-page__body'>
        {body}
        <Perks />
      </View>
    </View>
  );
}
