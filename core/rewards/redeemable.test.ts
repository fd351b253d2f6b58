import type { RewardDoc } from '~/types/rewards';
import { cancellable, redeemBlocker } from './redeemable';

const reward: RewardDoc = {
  _id: 'r1',
  title: '帆布袋',
  description: '',
  imageUrl: '',
  category: '周边',
  kind: 'pickup',
  pointsCost: 500,
  cashFen: 0,
  couponTemplateId: null,
  totalStock: 10,
  stockRemaining: 10,
  perMemberLimit: 1,
  availableFrom: 1000,
  availableTo: 2000,
  minTierId: 'gold',
  status: 'active',
  sort: 0,
  createdAt: 0,
  updatedAt: 0,
};
const rankOf = (id: string) => ['normal', 'silver', 'gold', 'diamond'].indexOf(id);

describe('redeemBlocker', () => {
  it('checks status, window, tier and stock in that order', () => {
    expect(redeemBlocker({ ...reward, status: 'paused' }, 3, rankOf, 1500)?.code).toBe('NOT_AVAILABLE');
    expect(redeemBlocker(reward, 3, rankOf, 999)?.message).toBe('该礼品尚未开始兑换');
    expect(redeemBlocker(reward, 3, rankOf, 2001)?.message).toBe('该礼品兑换已结束');
    expect(redeemBlocker(reward, 1, rankOf, 1500)?.code).toBe('NOT_ELIGIBLE');
    expect(redeemBlocker({ ...reward, stockRemaining: 0 }, 3, rankOf, 1500)?.code).toBe('OUT_OF_STOCK');
    expect(redeemBlocker(reward, 2, rankOf, 1000)).toBeNull();
    expect(redeemBlocker({ ...reward, availableFrom: null, availableTo: null, minTierId: null }, 0, rankOf, 0)).toBeNull();
  });

  it('lets members cancel only pickups not yet collected', () => {
    expect(cancellable({ status: 'awaitingPickup', kind: 'pickup' })).toBe(true);
    expect(cancellable({ status: 'fulfilled', kind: 'pickup' })).toBe(false);
    expect(cancellable({ status: 'issued', kind: 'coupon' })).toBe(false);
  });
});
