import { Modal, Typography } from 'antd';
import type { AdminSession } from '~/types/functions/admin';
import { PasswordChangeForm } from './password-change-form';

/** Inputs of the 修改密码 dialog. */
export interface ChangePasswordModalProps {
  onChanged: (session: AdminSession) => void;
  onClose: () => void;
}

/** 修改密码 from the header: any signed-in admin changes their own password; other devices are signed out. */
export function ChangePasswordModal({ onChanged, onClose }: ChangePasswordModalProps) {
  return (
    <Modal open className="change-password-modal" title="修改密码" footer={null} onCancel={onClose} mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">修改后，其他设备和浏览器上的登录会全部退出，需用新密码重新登录。</Typography.Paragraph>
      <PasswordChangeForm oldLabel="当前密码" onChanged={onChanged} />
    </Modal>
  );
}
