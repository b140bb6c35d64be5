// The demo signature images (assets/signing/, drawn by scripts/make-demo-signing-images.ts). A real agency
// stores its own scans the same way: a transparent PNG each, the seal with its real diameter in mm
// (NĐ 30/2020 Phụ lục I 8a: "kích thước bằng kích thước thực tế của dấu").
import fs from 'node:fs'
import path from 'node:path'

/** Diameter of the demo seal (a common size for a ministry's round seal). */
export const DEMO_SEAL_DIAMETER_MM = 36

export interface SignatureImages {
  /** The person's handwritten signature: blue, transparent PNG. */
  signature: Uint8Array
  /** The agency's seal: red, transparent PNG. */
  seal: Uint8Array
  sealDiameterMm: number
}

/** The demo images from assets/signing under `root` (the working directory by default). */
export function demoSignatureImages(root = process.cwd()): SignatureImages {
  const dir = path.join(root, 'assets/signing')
  return {
    signature: fs.readFileSync(path.join(dir, 'demo-signature.png')),
    seal: fs.readFileSync(path.join(dir, 'demo-seal.png')),
    sealDiameterMm: DEMO_SEAL_DIAMETER_MM,
  }
}
