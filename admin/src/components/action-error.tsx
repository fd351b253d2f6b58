import { Alert } from 'antd';

/** The last failed action of a page, above its table, until it is closed or the next action starts. */
export function ActionError({ className, message, onClose }: { className: string; message: string | null; onClose: () => void }) {
  if (!message) return null;
  return <Alert className={className} type="error" showIcon closable={{ onClose }} title={message} style={{ marginBottom: 16 }} />;
}
