import { PlusOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useRef, useState } from 'react';
import type { AdminPayload } from '../api/client';
import { useAdminApi } from '../api/admin-api-context';
import { describeActionError } from '../api/error-messages';
import { outcomeOf } from '../api/outcome';

/** The picture types and size the server takes (uploadImage in types/functions/admin-catalog.ts), checked before sending. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

type ImageType = (typeof IMAGE_TYPES)[number];

/** Why a chosen file cannot be uploaded, or null when it can. */
export function imageFileProblem(file: { type: string; size: number }): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return '只能上传 PNG、JPG 或 WebP 格式的图片';
  if (file.size === 0) return '图片文件是空的';
  return file.size > IMAGE_MAX_BYTES ? '图片不能超过 2MB，请压缩后再上传' : null;
}

/** A file's bytes as base64 (without the data-URL prefix). */
function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Inputs of ImageUpload; `value` and `onChange` come from the Form.Item around it. */
export interface ImageUploadProps {
  /** The pictures: cloud file ids as stored (older entries may be /media/… or https addresses). */
  value?: string[];
  onChange?: (value: string[]) => void;
  folder: AdminPayload<'uploadImage'>['folder'];
  /** The most pictures the field holds. */
  max: number;
  /** Temporary URLs to show stored cloud pictures at, by file id (from the list the record came from). */
  displayUrls?: Record<string, string>;
  className?: string;
  /** What a screen reader calls the add button. */
  label: string;
}

/**
 * Pictures uploaded to cloud storage for a form: each chosen file is checked (type, 2 MB), sent
 * to the admin function's uploadImage, and its file id added to the value; a picture can be
 * removed. A failed upload says why under the field and keeps the pictures already there.
 */
export function ImageUpload({ value, onChange, folder, max, displayUrls, className, label }: ImageUploadProps) {
  const { client, token, onSessionLost } = useAdminApi();
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [urls, setUrls] = useState<Record<string, string>>({});
  // Uploads finish one after another; each adds to the value as it stands then, not as it was when the file was chosen.
  const current = useRef<string[]>(value ?? []);
  current.current = value ?? [];
  const ids = value ?? [];

  const shown = (id: string) => urls[id] ?? displayUrls?.[id] ?? (id.startsWith('cloud://') ? '' : id);
  const fileList: UploadFile[] = ids.map((id, i) => ({
    uid: id,
    name: i === 0 ? '主图' : `图片 ${i + 1}`,
    status: 'done',
    url: shown(id),
  }));

  const customRequest: UploadProps['customRequest'] = async ({ file }) => {
    const blob = file as File;
    setError(null);
    setUploading((n) => n + 1);
    const outcome = await outcomeOf(
      async () => client.call('uploadImage', { token, folder, contentType: blob.type as ImageType, contentBase64: await base64Of(blob) }),
      describeActionError,
    );
    setUploading((n) => n - 1);
    if (!outcome.ok) {
      if (outcome.failure.sessionLost) return onSessionLost(outcome.failure.message);
      return setError(`「${blob.name}」上传失败：${outcome.failure.message}`);
    }
    const { fileId, url } = outcome.value;
    setUrls((known) => ({ ...known, [fileId]: url }));
    if (current.current.includes(fileId)) return;
    // Two uploads may finish before the form re-renders: the second must see the first's picture.
    current.current = [...current.current, fileId].slice(0, max);
    onChange?.(current.current);
  };

  return (
    <div className={className}>
      <Upload
        listType="picture-card"
        accept={IMAGE_TYPES.join(',')}
        multiple
        fileList={fileList}
        customRequest={customRequest}
        beforeUpload={(file) => {
          const problem = imageFileProblem(file);
          if (problem) setError(`「${file.name}」${problem}`);
          return problem ? Upload.LIST_IGNORE : true;
        }}
        onRemove={(file) => {
          current.current = current.current.filter((id) => id !== file.uid);
          onChange?.(current.current);
          return false;
        }}
        showUploadList={{ showPreviewIcon: false }}
      >
        {ids.length + uploading >= max ? null : (
          <button
            type="button"
            className="image-upload-add"
            aria-label={label}
            style={{ border: 0, background: 'none', cursor: 'pointer' }}
          >
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{uploading > 0 ? '上传中…' : '上传图片'}</div>
          </button>
        )}
      </Upload>
      {error ? (
        <Typography.Text className="image-upload-error" type="danger">
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}
