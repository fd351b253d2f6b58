import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as cloudService from '~/src/services/cloud';
import { CloudError } from '~/src/services/cloud';
import * as memberService from '~/src/services/member';
import * as staffService from '~/src/services/staff';
import { useMemberStore } from '~/src/stores/member';
import { useStaffStore } from '~/src/stores/staff';
import { memberProfile, memberSummary } from '~/src/test/member-profile';
import { staffMe } from '~/src/test/staff-fixtures';
import ProfilePage from './index';

jest.mock('~/src/services/member');
jest.mock('~/src/services/staff');

const service = jest.mocked(memberService);
const staff = jest.mocked(staffService);

// Joined at 16:30 UTC on 21 November, which is already 22 November in Shanghai.
const profile = memberProfile({ tier: { id: 'silver', name: '银卡会员' }, points: { available: 1280, pending: 45 } });

function text(container: HTMLElement, selector: string): string | null | undefined {
  return container.querySelector(`${selector} .profile-row__value`)?.textContent;
}

beforeEach(() => {
  jest.clearAllMocks();
  useMemberStore.setState({ status: 'idle', profile: null, error: null, joining: false, justJoined: false });
  useStaffStore.setState({ meStatus: 'idle', me: null, meError: null });
  staff.getMe.mockRejectedValue(new CloudError('NOT_STAFF', 'not staff'));
});

test('shows number, nickname, tier, both balances and the joining date in Shanghai', async () => {
  service.getSummary.mockResolvedValue(memberSummary(profile));
  const { container } = render(<ProfilePage />);

  await waitFor(() => expect(container.querySelector('.profile-list')).not.toBeNull());
  expect(container.querySelector('.profile-page')).not.toBeNull();
  expect(text(container, '.profile-member-no')).toBe('8602417735');
  expect(text(container, '.profile-nickname')).toBe('小悦');
  expect(text(container, '.profile-tier')).toBe('银卡会员');
  expect(text(container, '.profile-joined')).toBe('2025年11月22日');
  expect(container.querySelector('.profile-points-available')?.textContent).toBe('1280');
  expect(container.querySelector('.profile-points-pending')?.textContent).toBe('45');
});

test('shows a retryable error when the profile cannot be loaded', async () => {
  service.getSummary.mockRejectedValue(new CloudError('NETWORK', 'Failed to fetch'));
  const { container } = render(<ProfilePage />);

  await screen.findByText('网络连接不太稳定，请检查网络后重试');
  expect(container.querySelector('.retry-button')).not.toBeNull();
});

test('sends a guest back to join', async () => {
  service.getSummary.mockRejectedValue(new CloudError('NOT_A_MEMBER', 'not a member'));
  render(<ProfilePage />);

  await screen.findByText('你还不是会员');
});

describe('the staff entrance', () => {
  test('staff see the way to their till', async () => {
    service.getSummary.mockResolvedValue(memberSummary(profile));
    staff.getMe.mockResolvedValue(staffMe());
    const { container } = render(<ProfilePage />);

    await waitFor(() => expect(text(container, '.staff-entry')).toBe('静安店'));
    expect(container.querySelector('.staff-join-link')).toBeNull();

    await act(async () => {
      fireEvent.click(container.querySelector('.staff-entry')!);
    });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/index/index' });
  });

  test('members who are not staff get only the discreet link to bind', async () => {
    service.getSummary.mockResolvedValue(memberSummary(profile));
    const { container } = render(<ProfilePage />);

    await waitFor(() => expect(container.querySelector('.staff-join-link')).not.toBeNull());
    expect(staff.getMe).toHaveBeenCalled();
    expect(container.querySelector('.staff-entry')).toBeNull();

    await act(async () => {
      fireEvent.click(container.querySelector('.staff-join-link')!);
    });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/join/index' });
  });

  test('a failure to ask hides the entrance', async () => {
    service.getSummary.mockResolvedValue(memberSummary(profile));
    staff.getMe.mockRejectedValue(new CloudError('STAFF_DISABLED', 'disabled'));
    const { container } = render(<ProfilePage />);

    await waitFor(() => expect(useStaffStore.getState().meStatus).toBe('error'));
    expect(container.querySelector('.staff-entry')).toBeNull();
  });
});

describe('settings', () => {
  const quota = { tierChange: 0, tierAtRisk: 0, birthdayCoupon: 0, comebackCoupon: 0, pointsExpiring: 0 };

  beforeEach(() => {
    service.getSubscriptionQuota.mockResolvedValue({ quota });
  });

  test('a set birthday cannot be changed, and says so', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile({ birthday: '1995-03-08', birthdayEditable: false })));
    const { container } = render(<ProfilePage />);

    await waitFor(() => expect(text(container, '.profile-birthday-row')).toBe('1995年3月8日'));
    expect(screen.getByText('生日设置后不可修改，如需更正请联系客服')).not.toBeNull();
    expect(container.querySelector('.profile-birthday-row.profile-row--link')).toBeNull();
  });

  test('an unset birthday explains that it can be set only once', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile()));
    const { container } = render(<ProfilePage />);

    await waitFor(() => expect(text(container, '.profile-birthday-row')).toBe('去设置'));
    expect(screen.getByText('生日月可领取生日礼券；生日只能设置一次，设置后不可修改')).not.toBeNull();
  });

  test('turning marketing messages on saves the consent', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile({ marketingConsent: false })));
    service.setConsent.mockResolvedValue(memberProfile({ marketingConsent: true }));
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(container.querySelector('.consent-switch')).not.toBeNull());

    await act(async () => {
      fireEvent.click(container.querySelector('.consent-switch')!);
    });

    expect(service.setConsent).toHaveBeenCalledWith(true);
    await waitFor(() => expect(container.querySelector('.consent-switch')?.getAttribute('aria-checked')).toBe('true'));
  });

  test('personalised marketing is on by default, explained, and turning it off saves the choice', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile()));
    service.setPersonalisation.mockResolvedValue(memberProfile({ personalisedConsent: false }));
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(container.querySelector('.personalised-switch')?.getAttribute('aria-checked')).toBe('true'));
    expect(container.querySelector('.profile-personalised-note')?.textContent).toContain('会员等级权益和面向所有会员的优惠券不受影响');

    await act(async () => {
      fireEvent.click(container.querySelector('.personalised-switch')!);
    });

    expect(service.setPersonalisation).toHaveBeenCalledWith(false);
    await waitFor(() => expect(container.querySelector('.personalised-switch')?.getAttribute('aria-checked')).toBe('false'));
  });

  test('in H5 the chosen subscription topics are recorded directly, once per prompt', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile()));
    service.recordSubscriptions.mockResolvedValue({ quota: { ...quota, pointsExpiring: 1 } });
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(text(container, '.profile-subscribe')).toBe('未订阅'));

    await act(async () => {
      fireEvent.click(container.querySelector('.profile-subscribe')!);
    });
    await act(async () => {
      fireEvent.click(screen.getByText('积分到期提醒'));
    });
    await act(async () => {
      fireEvent.click(document.querySelector('.subscribe-dialog .nut-dialog-footer-ok')!);
    });

    await waitFor(() =>
      expect(service.recordSubscriptions).toHaveBeenCalledWith(['pointsExpiring'], expect.stringMatching(/^[a-z0-9]{8,64}$/)),
    );
    await waitFor(() => expect(text(container, '.profile-subscribe')).toBe('可接收 1 条'));
  });

  test('deleting the account spells out the consequences and needs the typed phrase', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile({ points: { available: 1280, pending: 0 } })));
    service.deleteAccount.mockResolvedValue({ deleted: true });
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(container.querySelector('.delete-account')).not.toBeNull());

    await act(async () => {
      fireEvent.click(container.querySelector('.delete-account')!);
    });
    const dialog = document.querySelector('.delete-dialog')!;
    expect(dialog.textContent).toContain('可用积分 1280 分及待入账积分全部作废');
    expect(dialog.querySelector('.nut-dialog-footer-ok')?.className).toContain('disabled');

    // Taro's H5 input reports typing as an `input` event carrying the value in `detail`.
    const input = dialog.querySelector('taro-input-core')!;
    await act(async () => {
      fireEvent(input, new CustomEvent('input', { detail: { value: '注销账号' }, bubbles: true }));
    });
    await act(async () => {
      fireEvent.click(dialog.querySelector('.nut-dialog-footer-ok')!);
    });

    await waitFor(() => expect(service.deleteAccount).toHaveBeenCalledWith('注销账号'));
    expect(useMemberStore.getState().status).toBe('guest');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });
  test('a phone the server refuses keeps the dialog open with what was typed and says why; a fixed one saves', async () => {
    service.getSummary.mockResolvedValue(memberSummary(memberProfile()));
    service.updateProfile.mockRejectedValueOnce(new CloudError('CONFLICT', '该手机号已绑定其他会员'));
    service.updateProfile.mockResolvedValueOnce({ ...memberProfile({ phone: '13900139000' }), bonusPoints: 0 });
    const { container } = render(<ProfilePage />);
    await waitFor(() => expect(container.querySelector('.profile-phone')).not.toBeNull());

    await act(async () => {
      fireEvent.click(container.querySelector('.profile-phone')!);
    });
    const dialog = () => document.querySelector('.profile-edit-dialog')!;
    const type = async (value: string) =>
      act(async () => {
        fireEvent(dialog().querySelector('taro-input-core')!, new CustomEvent('input', { detail: { value }, bubbles: true }));
      });
    await type('13800138000');
    await act(async () => {
      fireEvent.click(dialog().querySelector('.nut-dialog-footer-ok')!);
    });

    await waitFor(() => expect(dialog().querySelector('.profile-edit-error')?.textContent).toBe('该手机号已绑定其他会员'));
    expect(service.updateProfile).toHaveBeenCalledWith({ phone: '13800138000' });
    expect(dialog().querySelector('taro-input-core')?.getAttribute('value')).toBe('13800138000');
    expect(getComputedStyle(dialog()).display).not.toBe('none');

    await type('13900139000');
    expect(dialog().querySelector('.profile-edit-error')).toBeNull();
    await act(async () => {
      fireEvent.click(dialog().querySelector('.nut-dialog-footer-ok')!);
    });
    await waitFor(() => expect(service.updateProfile).toHaveBeenLastCalledWith({ phone: '13900139000' }));
    await waitFor(() => expect(container.querySelector('.profile-phone')?.textContent).toContain('139****9000'));
  });
});

test('a picture chosen for the avatar is uploaded, becomes the avatar, and completing the profile shows the bonus', async () => {
  const upload = jest.spyOn(cloudService, 'uploadImage').mockResolvedValue('cloud://local.local-storage/avatars/m_01/a.png');
  jest.mocked(Taro.chooseImage).mockResolvedValue({ tempFilePaths: ['blob:picture'], tempFiles: [], errMsg: 'chooseImage:ok' });
  service.getSummary.mockResolvedValue(memberSummary(memberProfile({ profileBonus: { points: 50, missing: ['avatar'] } })));
  service.updateProfile.mockResolvedValue({
    ...memberProfile({ avatarUrl: 'cloud://local.local-storage/avatars/m_01/a.png' }),
    bonusPoints: 50,
  });
  const { container } = render(<ProfilePage />);
  await waitFor(() => expect(container.querySelector('.profile-bonus')?.textContent).toContain('还差头像'));

  await act(async () => {
    fireEvent.click(container.querySelector('.avatar-choose')!);
  });

  await waitFor(() => expect(service.updateProfile).toHaveBeenCalledWith({ avatarUrl: 'cloud://local.local-storage/avatars/m_01/a.png' }));
  expect(upload).toHaveBeenCalledWith('blob:picture', 'avatars/m_01');
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '资料已完善，获得 50 积分', icon: 'none' });
  expect(container.querySelector('.profile-bonus')).toBeNull();
  // The browser build shows a stored picture through the local cloud's storage.
  expect(container.querySelector('.avatar-choose taro-image-core')?.getAttribute('src')).toBe('/storage/file/avatars/m_01/a.png');
});
