export function ensureBuild(options?: { purpose?: string; show?: boolean }): void
