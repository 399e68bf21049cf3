/**
 * The catalogue of coded errors. Expected failures carry a code that a dialog or route handles;
 * logs carry only the code, never the message (it may quote a resident's words).
 */
const ErrorCodes = {
  unexpected: 'UNEXPECTED',
  configInvalid: 'CONFIG_INVALID',
  dataInvalid: 'DATA_INVALID',
  authenticationFailed: 'AUTHENTICATION_FAILED',
  storageUnavailable: 'STORAGE_UNAVAILABLE',
} as const;

/** The code of a coded error; UNEXPECTED for anything else. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : ErrorCodes.unexpected;
}
