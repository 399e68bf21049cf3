import type { Activity } from 'botbuilder';
import type { ButtonValue } from './renderer.js';

/** The `{ answer, question }` a card button sent as `activity.value`, or a plain string value; undefined for typed text. */
export function buttonValueOf(activity: Partial<Activity>): ButtonValue | undefined {
  const { value } = activity;
  if (typeof value === 'string' && value.trim()) return { answer: value };
  if (value && typeof value === 'object' && typeof (value as { answer?: unknown }).answer === 'string') {
    const { answer, question } = value as { answer: string; question?: unknown };
    return typeof question === 'string' ? { answer, question } : { answer };
  }
  return undefined;
}
