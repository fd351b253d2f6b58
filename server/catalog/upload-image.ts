import { createHash } from 'node:crypto';
import { IMAGE_EXTENSION, imageTypeOf } from '~/core/storage/image-type';
import type { AdminCatalogResponses, UPLOAD_IMAGE_FOLDERS } from '~/types/functions/admin-catalog';
import { UPLOAD_IMAGE_MAX_BYTES } from '~/types/functions/admin-catalog';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { tempFileUrls, uploadFile } from '../storage/cloud-files';
import { CodedError } from '~/core/coded-error';

const refuse = (message: string) => new CodedError('VALIDATION_FAILED', message, { field: 'contentBase64' });

/**
 * An admin uploads a picture for a product, banner or category. The bytes must be the PNG, JPEG
 * or WebP the request claims and at most 2 MB. The picture is stored under a name made from its
 * content (`catalog/<folder>/<sha-256>.<ext>`), so a retried upload or the same picture again
 * lands on the same file and the same audit entry instead of adding copies.
 */
export async function uploadImage(
  ctx: RequestContext,
  input: { folder: (typeof UPLOAD_IMAGE_FOLDERS)[number]; contentType: 'image/png' | 'image/jpeg' | 'image/webp'; contentBase64: string },
  admin: TokenClaims,
): Promise<AdminCatalogResponses['uploadImage']> {
  const body = Buffer.from(input.contentBase64, 'base64');
  if (body.length === 0) throw refuse('the picture is empty');
  if (body.length > UPLOAD_IMAGE_MAX_BYTES) throw refuse('the picture is larger than 2 MB');
  const type = imageTypeOf(body);
  if (type === null) throw refuse('the file is not a PNG, JPEG or WebP picture');
  if (type !== input.contentType) throw refuse(`the file is a ${type} picture, not ${input.contentType}`);

  const digest = createHash('sha256').update(body).digest('hex').slice(0, 32);
  const path = `catalog/${input.folder}/${digest}.${IMAGE_EXTENSION[type]}`;
  const fileId = await uploadFile(path, body);
  await writeAudit(ctx, {
    _id: `audit:uploadImage:${path}`,
    actor: adminActor(admin),
    action: 'uploadImage',
    target: { type: 'file', id: fileId },
    after: { folder: input.folder, contentType: type, bytes: body.length },
  });
  return { fileId, url: (await tempFileUrls([fileId])).get(fileId) ?? '', bytes: body.length };
}
