import { PrintButtons as PrintButtons_8b29d2fb4b455cdaa485399217be04e2 } from '../../../../collections/Staff/components/PrintButtons'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/Staff/components/PrintButtons#PrintButtons": PrintButtons_8b29d2fb4b455cdaa485399217be04e2,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
