import { Alert, Button, Flex, Input, Modal, Radio, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { MarketingTagsResponses, TagDefinitionView } from '~/types/functions/marketing-tags';
import { TAG_LIMITS } from '~/core/marketing/tag-rules';
import { useAdminApi } from '../../api/admin-api-context';
import { useAdminAction } from '../../api/use-admin-action';

type Mode = 'allOrNothing' | 'validOnly';
type Result = MarketingTagsResponses['importMemberTags'];

/** 导入标签: `会员号,标签值` lines pasted or read from a CSV file, for one tag, with the row errors by line. */
export function TagImportModal({ tag, onClose, onImported }: { tag: TagDefinitionView; onClose: () => void; onImported: () => void }) {
  const { client, token } = useAdminApi();
  const { busy, setBusy, error, run } = useAdminAction();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<Mode>('allOrNothing');
  const [result, setResult] = useState<Result | null>(null);

  const submit = async () => {
    setResult(null);
    // A long import answers part-way (done: false); sending the same text again goes on where it stopped.
    let applied = 0;
    for (;;) {
      const outcome = await run(() => client.call('importMemberTags', { token, tagId: tag._id, text, mode }));
      if (!outcome.ok) break;
      applied += outcome.value.applied;
      if (!outcome.value.done) continue;
      const last = outcome.value;
      setResult({ ...last, applied, unchanged: last.applied + last.unchanged - applied });
      break;
    }
    setBusy(false);
    if (applied > 0) onImported();
  };

  const refused = result !== null && mode === 'allOrNothing' && result.errors.length > 0;

  return (
    <Modal
      open
      className="tag-import-modal"
      title={`导入标签 · ${tag.name}`}
      width={640}
      okText="导入"
      okButtonProps={{ className: 'tag-import-submit', loading: busy, disabled: text.trim() === '' }}
      onOk={() => void submit()}
      cancelText="关闭"
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        每行一位会员：<Typography.Text code>会员号,标签值</Typography.Text>，标签值留空表示清除。可选值：{tag.values.join('、')}。每次最多{' '}
        {TAG_LIMITS.importRows} 行；重复导入同一文件不会重复修改。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Input.TextArea
          className="tag-import-text"
          rows={8}
          value={text}
          placeholder={`会员号,${tag.name}\n1000000001,${tag.values[0] ?? ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        <Upload
          accept=".csv,.txt"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setText);
            return false;
          }}
        >
          <Button className="tag-import-file" icon={<UploadOutlined />}>
            选择 CSV 文件
          </Button>
        </Upload>
        <Radio.Group className="tag-import-mode" value={mode} onChange={(event) => setMode(event.target.value as Mode)}>
          <Radio value="allOrNothing">有任何错误行时全部不导入</Radio>
          <Radio value="validOnly">导入正确的行，列出错误行</Radio>
        </Radio.Group>
        {error ? <Alert className="tag-import-error" type="error" showIcon title={error} /> : null}
        {result ? (
          <Alert
            className="tag-import-result"
            type={result.errors.length === 0 ? 'success' : refused ? 'error' : 'warning'}
            showIcon
            title={
              refused
                ? `发现 ${result.errors.length} 行错误，未做任何修改`
                : `已更新 ${result.applied} 位会员，${result.unchanged} 位无需修改${result.errors.length ? `，${result.errors.length} 行错误未导入` : ''}`
            }
            description={
              result.errors.length ? (
                <ul className="tag-import-errors" style={{ margin: 0, paddingLeft: 20, maxHeight: 200, overflow: 'auto' }}>
                  {result.errors.map((row) => (
                    <li key={`${row.line}:${row.message}`}>{row.line > 0 ? `第 ${row.line} 行：${row.message}` : row.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
      </Flex>
    </Modal>
  );
}
