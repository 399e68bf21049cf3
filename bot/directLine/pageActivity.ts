import type { Activity } from 'botbuilder';
import type { Request } from 'restify';

/** What the page posts, read strictly: only the fields a resident's page may decide. */

const ACCEPTED_ACTIVITY_TYPES = new Set(['message', 'event', 'typing']);
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

export type ActivityFields = Pick<
  Partial<Activity>,
  'text' | 'textFormat' | 'value' | 'name' | 'channelData' | 'entities' | 'localTimestamp' | 'localTimezone'
> & { type: string; locale: string | undefined };

/**
 * Keeps only what a resident's page may decide: the server sets ids, time, sender, recipient
 * and conversation. Attachments are dropped: Web Chat uploads files through a route we do not offer.
 */
export function readActivityFields(body: Record<string, unknown>): ActivityFields | undefined {
  const { type, text, textFormat, value, name, channelData, entities, localTimestamp, localTimezone, locale } = body;
  if (typeof type !== 'string' || !ACCEPTED_ACTIVITY_TYPES.has(type)) return undefined;
  if (text !== undefined && typeof text !== 'string') return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  if (channelData !== undefined && !isPlainObject(channelData)) return undefined;
  if (entities !== undefined && !Array.isArray(entities)) return undefined;
  const fields: ActivityFields = { type, locale: readLocale(locale) };
  if (text !== undefined) fields.text = text;
  if (typeof textFormat === 'string') fields.textFormat = textFormat as Activity['textFormat'];
  if (value !== undefined) fields.value = value;
  if (name !== undefined) fields.name = name;
  if (channelData !== undefined) fields.channelData = channelData;
  if (entities !== undefined) fields.entities = entities as Activity['entities'];
  if (typeof localTimestamp === 'string') fields.localTimestamp = localTimestamp as unknown as Date;
  if (typeof localTimezone === 'string') fields.localTimezone = localTimezone;
  if (fields.locale === undefined) delete fields.locale;
  return fields;
}

export function readLocale(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 35 && LOCALE_PATTERN.test(value) ? value : undefined;
}

/** The parsed JSON body as an object; tolerates a body parser that left a string or Buffer. */
export function readBody(req: Request): Record<string, unknown> | undefined {
  let body: unknown = req.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      body = JSON.parse(body.toString());
    } catch {
      return undefined;
    }
  }
  return isPlainObject(body) ? body : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
