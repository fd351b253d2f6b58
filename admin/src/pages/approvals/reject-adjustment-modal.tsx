import type { ApprovalView } from '~/types/functions/admin-members';
import { useAdminApi } from '../../api/admin-api-context';
import { ReasonModal } from '../../components/reason-modal';
import { signedPoints } from '../members/member-labels';

/** Inputs of the reject dialog. */
export interface RejectAdjustmentModalProps {
  approval: ApprovalView;
  onClose: () => void;
  onRejected: (approval: ApprovalView) => void;
}

/** Turns a points adjustment down with a note (2–100 characters); nothing is posted. */
export function RejectAdjustmentModal({ approval, onClose, onRejected }: RejectAdjustmentModalProps) {
  const { client, token } = useAdminApi();
  return (
    <ReasonModal<ApprovalView>
      className="reject-adjustment-modal"
      inputClassName="reject-adjustment-note"
      title="驳回积分调整"
      okText="驳回"
      summary={`${approval.nickname}（${approval.memberNo}）${signedPoints(approval.points)} 积分，${approval.requestedBy} 申请：${approval.reason}`}
      noun="驳回说明"
      placeholder="例如：核实后无需调整"
      send={(note) => client.call('rejectAdjustment', { token, approvalId: approval.id, note })}
      onClose={onClose}
      onDone={onRejected}
    />
  );
}
