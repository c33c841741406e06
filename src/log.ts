import { pino, type Logger as PinoLogger } from 'pino';

/** Structured JSON logs on stdout, one object per line. */
export type Logger = PinoLogger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ambient-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Credentials must never reach the logs, whatever object a caller passes in.
    redact: { paths: ['req.headers.authorization', 'req.headers["x-forwarded-access-token"]', 'token', '*.token', 'password'], censor: '[redacted]' },
  });
}
