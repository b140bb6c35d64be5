/**
 * Runs a command-line entry point: exit 0 when it finishes, 1 on error — and 1, loudly, if the event
 * loop empties while it is still pending (a silent exit would look like success to scripts and CI).
 */
export function runCli(main: () => Promise<number | void>): void {
  let finished = false
  process.on('beforeExit', () => {
    if (!finished) {
      console.error('hoso: the command stopped before finishing (event loop emptied)')
      process.exit(1)
    }
  })
  main().then(
    (code) => {
      finished = true
      process.exit(code ?? 0)
    },
    (err) => {
      finished = true
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    },
  )
}
