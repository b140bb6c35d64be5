import type { CollectionBeforeOperationHook } from 'payload'

import { throwIssues } from '../validationError'

/**
 * Payload's create accepts `{ filename, url }` without a file and then downloads `url` on the server
 * (addresses in private ranges are filtered, any public host is fetched, with the caller's cookies when
 * the URL is the app's own). A personnel photo is uploaded as a file: the admin's "paste URL" fetches in
 * the browser and uploads what it got. So the server never fetches a photo from an address it is given.
 */
export const noFileFromUrl: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' || req.file || args.duplicateFromID != null) return args
  // Payload strips `url` from args.data before this hook but keeps it as the file source: read the body too.
  const given = [args.data, req.data] as Array<{ url?: unknown } | undefined>
  if (given.some((d) => d && typeof d === 'object' && d.url != null)) {
    throwIssues(
      collection.slug,
      [{ field: 'url', vi: 'Ảnh phải được tải lên dưới dạng tệp, không lấy từ địa chỉ URL', en: 'Upload the photo as a file; it is not fetched from a URL' }],
      req,
    )
  }
  return args
}
