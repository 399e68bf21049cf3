import { describe, expect, it } from 'vitest';
import { createI18n } from '../../bot/i18n.js';
import { parseConversations } from '../../cli/conversations/conversationScript.js';
import { LocaleKeys } from '../../cli/conversations/localeKeys.js';

const keys = new LocaleKeys();
const nl = createI18n().getFixedT('nl');
const en = createI18n().getFixedT('en');

describe('finding locale keys in what a live assistant says', () => {
  it.each([
    ['handoff:callback.reference', nl('handoff:callback.reference', { reference: 'KDR-482' })],
    ['handoff:callback.reference', en('handoff:callback.reference', { reference: 'KDR-482' })],
    ['common:notUnderstood', `Iets ervoor.\n${nl('common:notUnderstood', { phone: '050 12 34 56' })}`],
    ['documents:online.delivery.email.days', nl('documents:online.delivery.email.days', { count: 3 })],
    ['handoff:moment.*', nl('handoff:moment.tomorrow.morning')],
  ])('finds %s in its sentence', (key, text) => {
    expect(keys.carries(text, key)).toBe(true);
  });

  it('finds a keyed text as the tests render it', () => {
    expect(keys.carries('«appointments:slots.earliest»', 'appointments:slots.earliest')).toBe(true);
  });

  it('does not find a key whose sentence is not there', () => {
    const text = nl('appointments:slots.earliest');
    expect(keys.carries(text, 'appointments:slots.matching')).toBe(false);
    expect(keys.carries(text, 'handoff:*')).toBe(false);
  });

  it('reads a sentence that only names another key as that key, never as "anything"', () => {
    // appointments:bring.* holds "$t(documents:…)" references: a prefix over them must still be able to fail.
    expect(keys.carries(nl('common:greeting.text'), 'appointments:*')).toBe(false);
    expect(keys.carries(nl('common:greeting.text'), 'appointments:bring.passportPhoto')).toBe(false);
    expect(keys.carries(nl('documents:inPerson.bring.photo'), 'appointments:bring.passportPhoto')).toBe(true);
  });

  it('follows a chain of references once, and a cycle of references without looping', () => {
    const looped = new LocaleKeys({
      nl: { t: { a: '$t(t:b)', b: '$t(t:c)', c: 'De balie is open.', x: '$t(t:y)', y: '$t(t:x)' } },
      en: { t: { a: '$t(t:b)', b: 'The counter is open.', c: 'Open.', x: '$t(t:x)', y: 'Closed today.' } },
    });
    expect(looped.carries('De balie is open.', 't:a')).toBe(true);
    expect(looped.carries('The counter is open.', 't:a')).toBe(true);
    expect(looped.carries('Gesloten.', 't:a')).toBe(false);
    expect(looped.carries('Closed today.', 't:x')).toBe(true);
    expect(looped.carries('De balie is open.', 't:x')).toBe(false);
  });

  it('knows which keys exist, so a typo in a script is reported', () => {
    expect(keys.exists('appointments:slots.earliest')).toBe(true);
    expect(keys.exists('documents:online.delivery.email.days')).toBe(true);
    expect(keys.exists('appointments:slots.earlyest')).toBe(false);
  });
});

describe('conversation scripts', () => {
  it('refuses a turn that both says and taps', () => {
    const json = JSON.stringify({ conversations: [{ id: 'x', about: 'y', channel: 'sms', turns: [{ say: 'a', click: 1 }] }] });
    expect(() => parseConversations(json, 'x.json')).toThrow(/exactly one of/);
  });

  it('refuses an unknown channel', () => {
    const json = JSON.stringify({ conversations: [{ id: 'x', about: 'y', channel: 'fax', turns: [{ say: 'a' }] }] });
    expect(() => parseConversations(json, 'x.json')).toThrow(/channel/);
  });
});
