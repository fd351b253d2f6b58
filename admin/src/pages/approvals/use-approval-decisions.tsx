import { message } from 'antd';
import { useState } from 'react';
import { formatPoints } from '~/core/money/format';
import type { ApprovalView } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { describeActionError } from '../../api/error-messages';
import { outcomeOf } from '../../api/outcome';
import { signedPoints } from '../members/member-labels';
import { RejectAdjustmentModal } from './reject-adjustment-modal';

/**
 * Approving and rejecting points adjustments, wherever a table of them is shown: the approve call
 * with its outcome, the reject dialog, the last failure, and `onDecided` after either (to reload).
 */
export function useApprovalDecisions(onDecided: () => void) {
  const { client, token, onSessionLost } = useAdminApi();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ApprovalView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, noticeHolder] = message.useMessage();

  const approve = async (approval: ApprovalView) => {
    setBusyId(approval.id);
    setActionError(null);
    const outcome = await outcomeOf(() => client.call('approveAdjustment', { token, approvalId: approval.id }), describeActionError);
    if (outcome.ok) {
      const available = outcome.value.available;
      notice.success(
        `已通过 ${approval.nickname} 的积分调整 ${signedPoints(approval.points)}${available === null ? '' : `，当前可用积分 ${formatPoints(available)}`}`,
      );
    } else if (outcome.failure.sessionLost) {
      onSessionLost(outcome.failure.message);
      return;
    } else {
      setActionError(`积分调整 ${signedPoints(approval.points)}（${approval.nickname}）未通过：${outcome.failure.message}`);
    }
    setBusyId(null);
    onDecided();
  };

  const holder = (
    <>
      {noticeHolder}
      {rejecting ? (
        <RejectAdjustmentModal
          approval={rejecting}
          onClose={() => setRejecting(null)}
          onRejected={(approval) => {
            setRejecting(null);
            notice.success(`已驳回 ${approval.nickname} 的积分调整 ${signedPoints(approval.points)}`);
            onDecided();
          }}
        />
      ) : null}
    </>
  );

  return { busyId, approve, reject: setRejecting, actionError, setActionError, holder };
}
