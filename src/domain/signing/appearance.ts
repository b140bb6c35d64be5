// Geometry of the visible signatures (NĐ 30/2020/NĐ-CP, Phụ lục I, domain.md §5.1). Pure: PDF points in,
// PDF points out (origin bottom-left, y up).
//  - 7d: the person's handwritten signature image sits centred between the title and the name;
//  - 8a: the agency's seal image at its real size "trùm lên khoảng 1/3 hình ảnh chữ ký số của người có
//    thẩm quyền về bên trái" — it covers about the left third of the person's signature image.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Millimetres to PDF points (1 pt = 1/72 inch). */
export function mmToPoints(mm: number): number {
  return (mm * 72) / 25.4
}

/** The largest rect with the image's aspect ratio that fits in `box`, centred in it ("contain"). */
export function fitCentered(imageWidth: number, imageHeight: number, box: Rect): Rect {
  if (!(imageWidth > 0 && imageHeight > 0)) throw new RangeError('fitCentered: image size must be positive')
  const scale = Math.min(box.width / imageWidth, box.height / imageHeight)
  const width = imageWidth * scale
  const height = imageHeight * scale
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height }
}

/** Share of the person's signature image the seal covers, from its left edge (Phụ lục I 8a: "khoảng 1/3"). */
export const SEAL_OVERLAP = 1 / 3

/**
 * Where the seal goes: a square of the seal's real diameter whose right edge lies one third into the
 * person's signature image, vertically centred on that image. The seal therefore covers the image's left
 * third and extends to its left, as on paper.
 */
export function sealRect(personImage: Rect, sealDiameter: number): Rect {
  if (!(sealDiameter > 0)) throw new RangeError('sealRect: seal diameter must be positive')
  const right = personImage.x + personImage.width * SEAL_OVERLAP
  const centreY = personImage.y + personImage.height / 2
  return { x: right - sealDiameter, y: centreY - sealDiameter / 2, width: sealDiameter, height: sealDiameter }
}

/** Layout of the agency appearance: the seal, and one text line centred under it. */
export interface AgencyLayout {
  seal: Rect
  /** Baseline start of the text line (left end). */
  text: { x: number; y: number }
  /** The widget rectangle: the union of the seal and the text line's box. */
  bounds: Rect
}

/**
 * The seal (see `sealRect`) plus a text line of `textWidth` × `fontSize` centred under it, `gap` points
 * below the seal. The text's box is taken from its baseline −0.25 em to +1 em (Times-like metrics).
 */
export function agencyLayout(personImage: Rect, sealDiameter: number, textWidth: number, fontSize: number, gap = 2): AgencyLayout {
  const seal = sealRect(personImage, sealDiameter)
  const text = { x: seal.x + (seal.width - textWidth) / 2, y: seal.y - gap - fontSize }
  const textBox: Rect = { x: text.x, y: text.y - 0.25 * fontSize, width: textWidth, height: 1.25 * fontSize }
  return { seal, text, bounds: union(seal, textBox) }
}

/** The smallest rect holding both. */
export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  const right = Math.max(a.x + a.width, b.x + b.width)
  const top = Math.max(a.y + a.height, b.y + b.height)
  return { x, y, width: right - x, height: top - y }
}
