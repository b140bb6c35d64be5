export interface Clone {
  first: string
  second: string
  lines: number
}
export function findClones(options?: { paths?: string[]; ignore?: string[] }): Promise<{ clones: Clone[]; percentage: number; files: number; lines: number }>
