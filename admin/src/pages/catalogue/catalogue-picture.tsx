import { PictureOutlined } from '@ant-design/icons';
import { Flex } from 'antd';

/** A stored picture as a list shows it: a cloud file through its temporary URL, else the address itself; a placeholder when neither loads. */
export function CataloguePicture({
  url,
  urls,
  alt,
  width,
  height,
}: {
  url: string;
  urls: Record<string, string>;
  alt: string;
  width: number;
  height: number;
}) {
  const shown = url.startsWith('cloud://') ? urls[url] : url;
  if (!shown) {
    return (
      <Flex className="catalogue-picture" align="center" justify="center" style={{ width, height, background: '#f5f5f5', borderRadius: 4 }}>
        <PictureOutlined style={{ color: '#bfbfbf' }} />
      </Flex>
    );
  }
  return (
    <img
      className="catalogue-picture"
      src={shown}
      alt={alt}
      width={width}
      height={height}
      style={{ objectFit: 'cover', borderRadius: 4 }}
    />
  );
}

/** The single picture of a category or banner as an ImageUpload value, and back. */
export const asPictures = (url: string | undefined): string[] => (url ? [url] : []);
export const pictureOf = (pictures: string[] | undefined): string => pictures?.[0] ?? '';

/** The server's slug rule for a category or banner id. */
export const ENTRY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
