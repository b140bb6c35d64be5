import type { OutboxMessage } from '../wireFormat'

/** What the national side (or the bundle) answered for one message. */
export type DeliveryOutcome =
  | { ok: true; reference: string | null }
  /** `retry: false`: the receiver refused the message itself (it will refuse it again): the entry is marked failed. */
  | { ok: false; retry: boolean; error: string }

/**
 * How messages leave hoso — a replaceable part: `http-json` (a system connection, through the data-sharing platform
 * or directly) and `file-bundle` (files for a manual upload). The sender hands each adapter the messages of one
 * round, at most one per record, and records each outcome.
 */
export interface NationalSyncAdapter {
  readonly name: string
  deliver(messages: readonly OutboxMessage[]): Promise<DeliveryOutcome[]>
  close?(): Promise<void>
}
