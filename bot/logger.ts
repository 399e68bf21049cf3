/**
 * Structured one-line JSON logs. Fields carry codes, ids of our own making and counts:
 * never a resident's words, name, phone number or e-mail address.
 */
type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

type Level = 'info' | 'warn' | 'error';

/** A logger that writes nothing: for CLIs and benchmarks whose output is their result. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Writes JSON lines to stdout (info) and stderr (warn, error). */
export function createConsoleLogger(write: (level: Level, line: string) => void = writeToConsole): Logger {
  const log =
    (level: Level) =>
    (event: string, fields: LogFields = {}) =>
      write(level, JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

function writeToConsole(level: Level, line: string): void {
  (level === 'info' ? process.stdout : process.stderr).write(line + '\n');
}

/** A logger that keeps its lines in memory: for tests that check what was (not) logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createConsoleLogger((_level, line) => lines.push(line)) };
}
