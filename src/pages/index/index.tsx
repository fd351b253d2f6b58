import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { MemberCard } from '~/src/components/member-card';
import { SearchLink } from '~/src/components/search-link';
import { ShareButton } from '~/src/components/share-button';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useCatalogStore } from '~/src/stores/catalog';
import { useMemberStore } from '~/src/stores/member';
import { errorText } from '~/src/utils/error-text';
import { joinWithToast } from '~/src/utils/join-with-toast';
import { WelcomeSheet } from '~/src/components/welcome-sheet';
import { openPage } from '~/src/utils/navigate';
import { HomeShop } from './home-shop';
import { useMemberFigures } from '~/src/utils/use-member-figures';
import { useShare } from '~/src/utils/use-share';
import shareImage from '~/src/assets/share/home.png';
import './index.scss';

const PERKS = [
  { mark: '价', title: '会员专享价', text: '等级越高，折扣越多', url: ROUTES.memberCentre },
  { mark: '积', title: '消费得积分', text: '下单抵现，好礼兑换', url: ROUTES.points },
  { mark: '礼', title: '生日礼遇', text: '生日月专属优惠券', url: ROUTES.memberProfile },
  { mark: '券', title: '新人礼券', text: '入会即送，立即可用', url: ROUTES.myCoupons },
  { mark: '码', title: '会员码', text: '到店出示，积分自动累计', url: ROUTES.memberCode },
  { mark: '签', title: '每日签到', text: '天天签到，连签有奖', url: ROUTES.checkIn },
  { mark: '兑', title: '积分商城', text: '积分兑好礼', url: ROUTES.mall },
  { mark: '领', title: '领券中心', text: '好券限量领取', url: ROUTES.couponCentre },
] as const;

function WelcomePanel() {
  const joining = useMemberStore((s) => s.joining);
  const error = useMemberStore((s) => s.error);

  return (
    <View className="welcome-panel">
      <Text className="welcome-panel__eyebrow">悦享会员 · 免费加入</Text>
      <Text className="welcome-panel__title">开启你的会员卡</Text>
      <Text className="welcome-panel__text">立享会员专享价、消费积分与生日礼遇</Text>
      {/* No `loading` prop: in H5 its spinner fights React over the button's children. */}
      <Button
        className={joining ? 'join-button join-button--busy' : 'join-button'}
        disabled={joining || undefined}
        onClick={() => void joinWithToast()}
      >
        {joining ? '正在加入…' : '一键加入会员'}
      </Button>
      {error && !joining ? <Text className="welcome-panel__error join-error">{errorText(error)}</Text> : null}
    </View>
  );
}

function Perks() {
  return (
    <View className="perks">
      <Text className="perks__title">会员权益</Text>
      <View className="perks__grid">
        {PERKS.map((perk) => (
          <View className="perks__item perk-link" key={perk.title} onClick={() => void Taro.navigateTo({ url: perk.url })}>
            <View className="perks__mark">
              <Text>{perk.mark}</Text>
            </View>
            <Text className="perks__name">{perk.title}</Text>
            <Text className="perks__text">{perk.text}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Home: the visitor's membership at a glance (one-tap joining for guests), then the shop: search, banners, categories, recommendations. */
export default function IndexPage() {
  const status = useMemberStore((s) => s.status);
  const profile = useMemberStore((s) => s.profile);
  const error = useMemberStore((s) => s.error);
  const load = useMemberStore((s) => s.load);
  const justJoined = useMemberStore((s) => s.justJoined);

  useMemberFigures();
  const share = useShare({ page: 'home', title: '悦享商城：会员专享价，消费得积分', imageUrl: shareImage as string });

  usePullDownRefresh(() => {
    void Promise.all([load(), useCatalogStore.getState().loadHome()]).finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (status === 'member' && profile) {
    body = <MemberCard profile={profile} onOpen={openPage} />;
  } else if (status === 'guest') {
    body = <WelcomePanel />;
  } else if (status === 'error') {
    body = <StatusPanel kind="error" text={errorText(error)} onRetry={() => void load()} />;
  } else {
    body = <StatusPanel kind="loading" text="正在获取会员信息…" />;
  }

  return (
    <View className="home-page">
      <View className="home-hero">
        <ShareButton link={share.link} className="home-hero__share" />
        <Text className="home-hero__brand">悦享商城</Text>
        <Text className="home-hero__slogan">
          {status === 'member' && profile ? `${profile.nickname}，${justJoined ? '欢迎加入' : '欢迎回来'}` : '好物悦享，积分有礼'}
        </Text>
        <View className="home-hero__search">
          <SearchLink tone="light" />
        </View>
      </View>
      <View className="home-page__body">
        {body}
        <HomeShop member={status === 'member'} />
        <Perks />
      </View>
      <WelcomeSheet />
    </View>
  );
}
