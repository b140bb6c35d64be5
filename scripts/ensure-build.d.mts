export function ensureBuild(): void
