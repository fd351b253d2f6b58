import type { ApprovalDoc } from '~/types/approvals';
import { toApprovalView, toMemberSearchRow } from './member-desk-views';
import { newMember } from './new-member';

const approval = (fields: Partial<ApprovalDoc> = {}): ApprovalDoc => ({
  _id: 'adjust:m1:key-00001',
  kind: 'pointsAdjustment',
  memberId: 'm1',
  memberNo: '4100000123',
  nickname: '林小满',
  points: 5_000,
  reason: '大额补偿',
  status: 'pending',
  requestedBy: 'ops',
  requestedByRole: 'operator',
  requestedAt: 0,
  decidedBy: null,
  decidedByRole: null,
  decidedAt: null,
  note: null,
  entryId: null,
  updatedAt: 0,
  ...fields,
});

describe('member desk views', () => {
  it('lets another approver decide a pending adjustment, never the one who asked', () => {
    expect(toApprovalView(approval(), { sub: 'admin', role: 'owner' }).mayDecide).toBe(true);
    expect(toApprovalView(approval(), { sub: 'ops', role: 'operator' }).mayDecide).toBe(false);
    expect(toApprovalView(approval(), { sub: 'help', role: 'support' }).mayDecide).toBe(false);
    expect(toApprovalView(approval({ status: 'rejected' }), { sub: 'admin', role: 'owner' }).mayDecide).toBe(false);
    // Approved but never posted: approving again finishes it.
    expect(toApprovalView(approval({ status: 'approved' }), { sub: 'admin', role: 'owner' }).mayDecide).toBe(true);
    expect(
      toApprovalView(approval({ status: 'approved', entryId: 'adjust:m1:key-00001' }), { sub: 'admin', role: 'owner' }).mayDecide,
    ).toBe(false);
  });

  it('lists a member with the phone as the role may see it', () => {
    const member = { ...newMember({ _id: 'm1', openid: 'o1', memberNo: '4100000123', nickname: '林小满', now: 0 }), phone: '13800138000' };
    const name = () => '普通会员';
    expect(toMemberSearchRow(member, 'support', 0, name).phone).toBe('13800138000');
    expect(toMemberSearchRow(member, 'analyst', 0, name)).toMatchObject({ phone: '138****8000', tierName: '普通会员', status: 'active' });
  });
});
