import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../bot/config.js';
import { ConversationLimitError, TurnQueueFullError } from '../../bot/directLine/conversationRegistry.js';
import { HttpError } from '../../bot/http/httpErrors.js';
import { UsageError } from '../../cli/cliSupport.js';
import { parseConversations } from '../../cli/conversations/conversationScript.js';
import { loadDocumentSynonyms } from '../../nlu/documentEntity.js';
import { LabeledUtteranceError } from '../../nlu/labeledUtterances.js';
import { loadIntentTrainingData } from '../../nlu/trainingData.js';
import { ServiceCatalogError } from '../../services/appointments/serviceCatalog.js';
import { CodedError, ERROR_CODES, errorCode, HTTP_ANSWERS, type ErrorCode } from '../../services/errorCatalogue.js';
import { DataFileError } from '../../services/municipality/municipalityData.js';
import { InvalidSurveyRowError } from '../../services/survey/surveyResponse.js';
import { CallbackStoreError } from '../../stores/callbacks/callbackStore.js';
import { StoreError, type StoreErrorCode } from '../../stores/storeErrors.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE_FOLDERS = ['bot', 'dialogs', 'services', 'stores', 'nlu', 'teams', 'cli'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const sources = SOURCE_FOLDERS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

function thrownWith(error: () => unknown): unknown {
  try {
    error();
  } catch (thrown) {
    return thrown;
  }
  throw new Error('nothing was thrown');
}

function badFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'bad.json');
  writeFileSync(file, content);
  return file;
}

describe('the error catalogue', () => {
  it('is the only class in the source tree that extends Error', () => {
    const direct = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/class (\w+)(?:<[^>]*>)? extends Error\b/g)].map((match) => `${path}: ${match[1]}`),
    );
    expect(direct).toEqual(['services/errorCatalogue.ts: CodedError']);
  });

  it('lists every code the source tree throws, and no code nothing throws', () => {
    const thrown = new Set<string>();
    for (const { text } of sources) {
      // super('CODE', ...) in a coded error's constructor, new StoreError('CODE', ...), new CallbackStoreError('CODE', ...)
      for (const match of text.matchAll(/(?:super|new \w+Error)\(\s*'([A-Z][A-Z0-9_]*)'/g)) thrown.add(match[1]!);
    }
    // StoreError's codes are thrown through its factory functions with the code as the first argument.
    expect(thrown.size).toBeGreaterThan(20);
    expect([...thrown].filter((code) => !Object.hasOwn(ERROR_CODES, code))).toEqual([]);
    expect(Object.keys(ERROR_CODES).filter((code) => code !== 'UNEXPECTED' && !thrown.has(code))).toEqual([]);
  });

  it('has no code attached to a plain Error', () => {
    const attached = sources.filter(({ text }) => /Object\.assign\(\s*new Error\b/.test(text)).map(({ path }) => path);
    expect(attached).toEqual([]);
  });

  it('keeps codes in one style', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
  });
});

/** The status of every code in a table whose rows are `| status | \`code\`, \`code\` | when |`. */
function documentedAnswers(markdown: string): [string, number][] {
  const section = markdown.split('\n### Error codes\n')[1]?.split('\n### ')[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^\| (\d{3}) \| ([^|]+) \|/.exec(line))
    .filter((row) => row !== null)
    .flatMap((row) => [...row[2]!.matchAll(/`(\w+)`/g)].map((code): [string, number] => [code[1]!, Number(row[1])]));
}

describe('the HTTP answers of the catalogue', () => {
  const answered = new Set<string>();
  for (const { text } of sources.filter(({ path }) => path.startsWith('bot/'))) {
    // sendError(res, 'code', ...), new HttpError('code', ...), { code: 'code', message } and { 404: 'code' }
    const patterns = [/sendError\(\s*\w+,\s*'(\w+)'/g, /new HttpError\(\s*'(\w+)'/g, /\bcode: '(\w+)'/g, /\b\d{3}: '(\w+)'/g];
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) answered.add(match[1]!);
  }

  it('holds every code a route answers, and no code no route answers', () => {
    expect(answered.size).toBeGreaterThan(40);
    expect([...answered].filter((code) => !Object.hasOwn(HTTP_ANSWERS, code))).toEqual([]);
    expect(Object.keys(HTTP_ANSWERS).filter((code) => !answered.has(code))).toEqual([]);
  });

  it('is the table of docs/contract/http.md, code by code and status by status', () => {
    const documented = documentedAnswers(readFileSync(join(ROOT, 'docs/contract/http.md'), 'utf8'));
    expect(new Set(documented.map(([code]) => code)).size, 'a code listed twice').toBe(documented.length);
    expect(Object.fromEntries(documented)).toEqual({ ...HTTP_ANSWERS });
  });

  it('keeps codes snake_case, or PascalCase as Direct Line names them', () => {
    for (const code of Object.keys(HTTP_ANSWERS)) expect(code).toMatch(/^(?:[a-z]+(?:_[a-z]+)*|(?:[A-Z][a-z]+)+)$/);
  });

  it('gives every code a status an HTTP client reads as an error', () => {
    for (const status of Object.values(HTTP_ANSWERS)) expect(status).toBeGreaterThanOrEqual(400);
  });
});

describe('errorCode', () => {
  const storeCodes: StoreErrorCode[] = [
    'DATA_DIR_LOCKED',
    'DATA_DIR_UNUSABLE',
    'STORE_FILE_CORRUPT',
    'STORE_WRITE_FAILED',
    'STORE_CLOSED',
    'ETAG_CONFLICT',
    'STORAGE_UNAVAILABLE',
    'STORE_QUERY_FAILED',
    'TURN_LOCK_TIMEOUT',
    'MIGRATION_CHANGED',
    'MIGRATION_FAILED',
  ];
  const expected: [string, () => unknown, ErrorCode][] = [
    ['ConfigError', () => new ConfigError('PORT must be a number'), 'CONFIG_INVALID'],
    ['HttpError', () => new HttpError('json_malformed', 'not JSON'), 'REQUEST_INVALID'],
    ['ConversationLimitError', () => new ConversationLimitError(), 'CONVERSATION_LIMIT'],
    ['TurnQueueFullError', () => new TurnQueueFullError(), 'TURN_QUEUE_FULL'],
    ['DataFileError', () => new DataFileError('municipality.json', [{ pointer: '/name', reason: 'is missing' }]), 'DATA_FILE_INVALID'],
    ['ServiceCatalogError', () => new ServiceCatalogError('services.json', '/services', 'is empty'), 'SERVICE_CATALOG_INVALID'],
    ['InvalidSurveyRowError', () => new InvalidSurveyRowError(['day']), 'SURVEY_ROW_INVALID'],
    ['CallbackStoreError', () => new CallbackStoreError('CALLBACK_NOT_FOUND', 'no such request'), 'CALLBACK_NOT_FOUND'],
    ['CallbackStoreError', () => new CallbackStoreError('CALLBACK_CLOSED', 'closed'), 'CALLBACK_CLOSED'],
    ['CallbackStoreError', () => new CallbackStoreError('CALLBACK_NOT_UNDOABLE', 'too late'), 'CALLBACK_NOT_UNDOABLE'],
    ['LabeledUtteranceError', () => new LabeledUtteranceError(3, 'no intent'), 'LABELED_UTTERANCE_INVALID'],
    ['UsageError', () => new UsageError('--from needs a value'), 'USAGE_INVALID'],
    ['the document catalogue', () => thrownWith(() => loadDocumentSynonyms(badFile('{}'))), 'DOCUMENT_CATALOG_INVALID'],
    ['the intent training data', () => thrownWith(() => loadIntentTrainingData(badFile('{}'))), 'INTENT_TRAINING_DATA_INVALID'],
    ['a conversation script', () => thrownWith(() => parseConversations('{}', 'bad.json')), 'CONVERSATION_SCRIPT_INVALID'],
    ...storeCodes.map((code): [string, () => unknown, ErrorCode] => ['StoreError', () => new StoreError(code, 'store failed'), code]),
  ];

  it.each(expected)('%s is logged as its code (%#)', (_name, make, code) => {
    const error = make();
    expect(error).toBeInstanceOf(CodedError);
    expect(errorCode(error)).toBe(code);
  });

  it('knows a foreign error by its own upper-case code, and anything else as UNEXPECTED', () => {
    expect(errorCode(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(errorCode(new Error('a bug'))).toBe('UNEXPECTED');
    expect(errorCode(new TypeError('x is undefined'))).toBe('UNEXPECTED');
    expect(errorCode(Object.assign(new Error('lower case'), { code: 'nlu.somethingInvalid' }))).toBe('UNEXPECTED');
    expect(errorCode(Object.assign(new Error('pg'), { code: '23505' }))).toBe('UNEXPECTED');
    expect(errorCode(null)).toBe('UNEXPECTED');
    expect(errorCode('a string')).toBe('UNEXPECTED');
  });
});
