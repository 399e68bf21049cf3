import type { Activity } from 'botbuilder';
import { normaliseBelgianPhone } from '../../nlu/belgianPhone.js';
import { channelCapabilities } from './channelStyle.js';

/** The Belgian number a resident writes from, as stored (E.164) and as staff read it ("0470 12 34 56"). */
export interface SenderNumber {
  e164: string;
  national: string;
}

/**
 * The Belgian phone number the message came from, on channels whose sender id is a phone number
 * (SMS: "+32470123456"); undefined elsewhere, and for a foreign or unreadable number.
 */
export function senderNumberOf(activity: Pick<Partial<Activity>, 'channelId' | 'from'>): SenderNumber | undefined {
  if (!channelCapabilities(activity.channelId).senderIsPhoneNumber) return undefined;
  const id = activity.from?.id;
  if (typeof id !== 'string' || !id.trim()) return undefined;
  const phone = normaliseBelgianPhone(id);
  return phone.ok ? { e164: phone.e164, national: phone.national } : undefined;
}
