import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SmtpSink {
  port: number
  messages: ParsedMail[]
  /** Makes the server refuse every message (to test failures) until set back to false. */
  failing: boolean
  close(): Promise<void>
}

/** A real SMTP server on a free loopback port that keeps every message it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, messages: [], failing: false, close: async () => {} }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (sink.failing) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
        simpleParser(Buffer.concat(chunks))
          .then((m) => {
            sink.messages.push(m)
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  sink.port = (server.server.address() as { port: number }).port
  sink.close = () => new Promise((resolve) => server.close(() => resolve()))
  return sink
}
