/**
 * The catalogue of coded errors (ARCHITECTURE.md, convention 7). An expected failure is a
 * `CodedError` with one of these codes, which a dialog, route or start-up check handles; logs carry
 * only the code, never the message (it may quote a resident's words or name a file).
 * Here in services/ because stores, the recognizer, services and the bot all throw them.
 */
export const ERROR_CODES = {
  UNEXPECTED: 'anything that is not a coded error: a bug or an outage nothing handles',
  // Start-up: a wrong setting or data file stops the start with a one-line reason.
  CONFIG_INVALID: 'an environment variable is missing or wrong',
  DATA_FILE_INVALID: 'a file in data/ is missing, unreadable or does not match its schema',
  SERVICE_CATALOG_INVALID: 'data/services.json does not describe the appointment types correctly',
  DOCUMENT_CATALOG_INVALID: 'the document synonyms do not fit the NLU contract',
  INTENT_TRAINING_DATA_INVALID: 'data/nlu/intents.json does not fit the NLU contract',
  LABELED_UTTERANCE_INVALID: 'a labelled test utterance does not fit the NLU contract',
  // Requests and channels.
  REQUEST_INVALID: 'an HTTP request the routes refuse (the answer carries its own snake_case reason)',
  CONVERSATION_LIMIT: 'the local Direct Line has no free conversation slot',
  TURN_QUEUE_FULL: 'too many turns are waiting in one conversation',
  LUIS_UNAVAILABLE: 'LUIS did not answer in time or answered wrongly; the offline recognizer answers instead',
  // Survey rows.
  SURVEY_ROW_INVALID: 'a survey row does not have exactly the stored shape',
  // Callback requests.
  CALLBACK_NOT_FOUND: 'no callback request with that reference',
  CALLBACK_CLOSED: 'the callback request is already closed',
  CALLBACK_NOT_UNDOABLE: 'the last status change of the callback request can no longer be undone',
  // Stores.
  DATA_DIR_LOCKED: 'another process uses the embedded data directory',
  DATA_DIR_UNUSABLE: 'the embedded data directory cannot be created or written',
  STORE_FILE_CORRUPT: 'an embedded store file cannot be read',
  STORE_WRITE_FAILED: 'an embedded store file could not be written',
  STORE_CLOSED: 'a write reached a store that was closed',
  ETAG_CONFLICT: 'bot state was changed by another writer after it was read',
  STORAGE_UNAVAILABLE: 'PostgreSQL is not reachable',
  STORE_QUERY_FAILED: 'a PostgreSQL query failed',
  TURN_LOCK_TIMEOUT: 'another turn of the conversation held its lock too long',
  MIGRATION_CHANGED: 'an applied PostgreSQL migration was changed afterwards',
  MIGRATION_FAILED: 'a PostgreSQL migration failed and was rolled back',
  // Command-line tools.
  USAGE_INVALID: 'a command line the CLI does not accept',
  CONVERSATION_SCRIPT_INVALID: 'a resident conversation file in test/conversations/ is malformed',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Every code an HTTP error answer carries (`{ "error": { "code", "message" } }`), with its status:
 * the table of docs/contract/http.md ("Error codes"), which a test keeps equal to this one. Codes of
 * `/api/*` and the pages are snake_case; the local Direct Line keeps Direct Line's PascalCase names.
 * Outside systems rely on these names: extend, never rename.
 */
export const HTTP_ANSWERS = {
  // Request bodies (every JSON route).
  json_malformed: 400,
  body_missing: 400,
  body_unreadable: 400,
  json_too_deep: 400,
  body_too_large: 413,
  content_type_unsupported: 415,
  encoding_unsupported: 415,
  // POST /api/messages.
  activity_invalid: 400,
  activity_type_missing: 400,
  service_url_not_local: 400,
  auth_keys_unavailable: 503,
  // Reports and the dashboard.
  date_invalid: 400,
  range_reversed: 400,
  range_too_long: 400,
  range_out_of_bounds: 400,
  reports_disabled: 503,
  // Staff console.
  json_required: 400,
  credentials_missing: 400,
  credentials_too_long: 400,
  credentials_invalid: 401,
  status_invalid: 400,
  day_invalid: 400,
  callback_not_found: 404,
  callback_closed: 409,
  callback_not_undoable: 409,
  // Any route.
  unauthorized: 401,
  link_expired: 403,
  not_found: 404,
  resource_not_found: 404,
  method_not_allowed: 405,
  too_many_attempts: 429,
  internal: 500,
  storage_unavailable: 503,
  webchat_missing: 503,
  // The local Direct Line (Direct Line's own names).
  BadActivity: 400,
  MissingToken: 401,
  InvalidToken: 401,
  TokenExpired: 403,
  WrongConversation: 403,
  ConversationNotFound: 404,
  ActivityTooLarge: 413,
  TurnQueueFull: 429,
  TooManyRequests: 429,
  InternalError: 500,
  BotError: 502,
  DirectLineUnavailable: 502,
  TooManyConversations: 503,
} as const satisfies Record<string, number>;

/** A code of an HTTP error answer; its status is `HTTP_ANSWERS[code]`. */
export type HttpAnswerCode = keyof typeof HTTP_ANSWERS;

/** The one base class of expected failures: a code from the catalogue and a one-line message. */
export abstract class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The code to log for `error`: a coded error's code; for a foreign error (Node, pg, botbuilder) its
 * own upper-case code (`ENOSPC`, `ERR_STREAM_PREMATURE_CLOSE`), which names no resident; UNEXPECTED for anything else.
 */
export function errorCode(error: unknown): string {
  if (error instanceof CodedError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'UNEXPECTED';
}
