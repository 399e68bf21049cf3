import { describe, expect, it } from 'vitest';
import { createI18n, readLocaleResources, rememberingTranslator } from '../../bot/i18n.js';

describe('rememberingTranslator', () => {
  it('gives what i18next gives, with and without values, in the language asked', () => {
    const i18n = createI18n();
    const nl = rememberingTranslator(i18n, 'nl');
    const en = rememberingTranslator(i18n, 'en');
    for (const t of [nl, nl]) {
      expect(t('common:goodbye')).toBe(i18n.getFixedT('nl')('common:goodbye'));
      expect(t('handoff:callUs', { phone: '09 999 12 34' })).toBe(i18n.getFixedT('nl')('handoff:callUs', { phone: '09 999 12 34' }));
    }
    expect(en('common:goodbye')).toBe(i18n.getFixedT('en')('common:goodbye'));
    expect(en('common:goodbye')).not.toBe(nl('common:goodbye'));
  });

  it('looks a text without values up once; a text with values every time', () => {
    const i18n = createI18n(readLocaleResources());
    const t = rememberingTranslator(i18n, 'nl');
    const goodbye = t('common:goodbye');
    const callUs = t('handoff:callUs', { phone: '1' });
    // Resources never change while the bot runs; changed here, they show which calls went to i18next again.
    i18n.addResource('nl', 'common', 'goodbye', 'changed');
    i18n.addResource('nl', 'handoff', 'callUs', 'changed {{phone}}');
    expect(t('common:goodbye')).toBe(goodbye);
    expect(t('handoff:callUs', { phone: '1' })).not.toBe(callUs);
    expect(t('handoff:callUs', { phone: '1' })).toBe('changed 1');
  });
});
