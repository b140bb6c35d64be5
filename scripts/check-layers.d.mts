export interface LayerViolation {
  rule: string
  from: string
  to: string
}
export const LAYER_ROOTS: string[]
export function checkLayers(options?: { baseDir?: string }): Promise<LayerViolation[]>
