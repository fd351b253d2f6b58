import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { AdminApiError } from '../api/client';
import type { AdminPayload } from '../api/client';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../test/mock-client';
import type { ActionHandler } from '../test/mock-client';
import { ImageUpload, imageFileProblem } from './image-upload';

jest.setTimeout(60_000);

const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const file = (name: string, type: string, bytes: BlobPart = PNG_BYTES) => new File([bytes], name, { type });

/** The field as a form holds it: the value lives outside, and every change is reported. */
function Field({ initial, onValue }: { initial: string[]; onValue: (value: string[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <ImageUpload
      className="field"
      folder="banners"
      max={2}
      label="上传横幅图片"
      value={value}
      displayUrls={{ 'cloud://env.b/old.png': 'https://tmp.example.com/old.png' }}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

function renderField(uploadImage: ActionHandler, initial: string[] = []) {
  const onValue = jest.fn<(value: string[]) => void>();
  const onSessionLost = jest.fn();
  const { client, call } = pageClient({ uploadImage });
  const view = renderSignedIn(<Field initial={initial} onValue={onValue} />, client, { onSessionLost });
  const choose = (...files: File[]) =>
    fireEvent.change(view.container.querySelector('input[type="file"]') as HTMLInputElement, { target: { files } });
  return { ...view, call, onValue, onSessionLost, choose };
}

const items = (container: Element) => Array.from(container.querySelectorAll('.ant-upload-list-item'));

describe('imageFileProblem', () => {
  it('takes PNG, JPEG and WebP up to 2 MB', () => {
    expect(imageFileProblem({ type: 'image/png', size: 10 })).toBeNull();
    expect(imageFileProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 })).toBeNull();
    expect(imageFileProblem({ type: 'image/webp', size: 1 })).toBeNull();
    expect(imageFileProblem({ type: 'image/svg+xml', size: 10 })).toBe('只能上传 PNG、JPG 或 WebP 格式的图片');
    expect(imageFileProblem({ type: 'image/png', size: 2 * 1024 * 1024 + 1 })).toBe('图片不能超过 2MB，请压缩后再上传');
    expect(imageFileProblem({ type: 'image/png', size: 0 })).toBe('图片文件是空的');
  });
});

describe('ImageUpload', () => {
  it('shows stored pictures through their temporary URLs, uploads a chosen one and adds its file id', async () => {
    const uploadImage = jest.fn<ActionHandler>(async () => ({
      fileId: 'cloud://env.b/new.png',
      url: 'https://tmp.example.com/new.png',
      bytes: 8,
    }));
    const { container, onValue, choose } = renderField(uploadImage, ['cloud://env.b/old.png']);
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://tmp.example.com/old.png');

    choose(file('new.png', 'image/png'));
    await waitFor(() => expect(onValue).toHaveBeenCalledWith(['cloud://env.b/old.png', 'cloud://env.b/new.png']));
    expect(uploadImage).toHaveBeenCalledWith('uploadImage', {
      token: TEST_TOKEN,
      folder: 'banners',
      contentType: 'image/png',
      contentBase64: 'iVBORw0KGgo=',
    } satisfies AdminPayload<'uploadImage'>);
    await waitFor(() => expect(items(container)).toHaveLength(2));
    expect(Array.from(container.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual([
      'https://tmp.example.com/old.png',
      'https://tmp.example.com/new.png',
    ]);
    // At the limit the add button goes away.
    expect(screen.queryByRole('button', { name: '上传横幅图片' })).toBeNull();
  });

  it('refuses a file of another type or over 2 MB before sending, saying which', async () => {
    const uploadImage = jest.fn<ActionHandler>();
    const { container, onValue, choose } = renderField(uploadImage);
    choose(file('logo.svg', 'image/svg+xml', '<svg/>'));
    expect(await screen.findByText('「logo.svg」只能上传 PNG、JPG 或 WebP 格式的图片')).toBeTruthy();
    choose(file('huge.png', 'image/png', new Uint8Array(2 * 1024 * 1024 + 1)));
    expect(await screen.findByText('「huge.png」图片不能超过 2MB，请压缩后再上传')).toBeTruthy();
    expect(uploadImage).not.toHaveBeenCalled();
    expect(onValue).not.toHaveBeenCalled();
    expect(items(container)).toHaveLength(0);
  });

  it("shows the server's refusal and keeps the pictures already there; a removed picture leaves the value", async () => {
    const uploadImage = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('VALIDATION_FAILED', 'the file is not a PNG, JPEG or WebP picture');
    });
    const { container, onValue, choose } = renderField(uploadImage, ['cloud://env.b/old.png']);
    choose(file('fake.png', 'image/png'));
    expect(await screen.findByText(/「fake\.png」上传失败/)).toBeTruthy();
    expect(onValue).not.toHaveBeenCalled();
    expect(items(container)).toHaveLength(1);

    fireEvent.click(container.querySelector('.ant-upload-list-item .anticon-delete') as Element);
    await waitFor(() => expect(onValue).toHaveBeenCalledWith([]));
  });

  it('sends the admin back to sign in when the session is gone', async () => {
    const uploadImage = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('SESSION_EXPIRED', 'session expired');
    });
    const { onSessionLost, choose } = renderField(uploadImage);
    choose(file('a.png', 'image/png'));
    await waitFor(() => expect(onSessionLost).toHaveBeenCalled());
  });
});
