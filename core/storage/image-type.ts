/** The picture formats the admin page may upload: what every WeChat base library and browser shows. */
export const UPLOAD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export type UploadImageType = (typeof UPLOAD_IMAGE_TYPES)[number];

/** The file extension a picture of each type is stored under. */
export const IMAGE_EXTENSION: Record<UploadImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);

/**
 * The type the bytes of a picture are, by their signature (not by what the sender claims), or
 * null for anything else: PNG, JPEG (SOI and a marker) and WebP (a RIFF container of WEBP).
 */
export function imageTypeOf(bytes: Uint8Array): UploadImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}
