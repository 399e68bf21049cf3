import { describe, expect, it } from 'vitest';
import {
  callbackCancellationIn,
  isCallbackReference,
  newCallbackReference,
  parseCallbackReference,
} from '../../../services/callback/callbackReference.js';

describe('callback references', () => {
  it('are three letters without vowels, a dash and three digits from 2 to 9', () => {
    for (let i = 0; i < 200; i += 1) expect(newCallbackReference()).toMatch(/^[CDFHKLMNPRSTVX]{3}-[2-9]{3}$/);
    expect(newCallbackReference(() => 0)).toBe('CCC-222');
  });

  it('are read back however they are typed', () => {
    expect(parseCallbackReference('kdr 482')).toBe('KDR-482');
    expect(parseCallbackReference('het is KDR-482.')).toBe('KDR-482');
    expect(parseCallbackReference('KDR482')).toBe('KDR-482');
    expect(parseCallbackReference('KDRX-4821')).toBeUndefined();
    expect(parseCallbackReference('geen idee')).toBeUndefined();
    expect(isCallbackReference('KDR-482')).toBe(true);
    expect(isCallbackReference('kdr-482')).toBe(false);
  });

  it('a cancellation is recognised with or without a reference, and only for callbacks', () => {
    expect(callbackCancellationIn('annuleer terugbelverzoek KDR-482')).toEqual({ reference: 'KDR-482' });
    expect(callbackCancellationIn('Ik wil mijn terugbelverzoek annuleren')).toEqual({ reference: null });
    expect(callbackCancellationIn('u moet mij niet meer terugbellen, kdr 482')).toEqual({ reference: 'KDR-482' });
    expect(callbackCancellationIn('cancel callback KDR-482')).toEqual({ reference: 'KDR-482' });
    expect(callbackCancellationIn('annuleer mijn afspraak')).toBeUndefined();
    expect(callbackCancellationIn('kunt u mij terugbellen?')).toBeUndefined();
    expect(callbackCancellationIn(undefined)).toBeUndefined();
  });

  it.each([
    'ik wil niet meer gebeld worden',
    'Bel mij toch maar niet',
    'u hoeft me niet meer te bellen',
    'liever niet gebeld worden aub',
    "please don't call me",
    // Flemish and chat forms (second tester)
    'laat da terugbellen maar, ni meer nodig',
    'vergeet dat terugbelverzoek maar',
    'ge moet mij ni meer bellen, merci',
    'hoeft ni meer te bellen he',
    'dat terugbellen is nie meer nodig',
  ])('"%s" withdraws the callback without naming a reference', (text) => {
    expect(callbackCancellationIn(text)).toEqual({ reference: null });
  });

  it.each([
    'kan ik u bellen?',
    'ik kan niet bellen, ik ben doof',
    'wanneer kan ik jullie bellen',
    'bel mij morgen',
    'ik heb gebeld maar niemand nam op',
    'laat mij maar terugbellen morgen',
    'vergeet niet mij terug te bellen',
    'kunt ge mij terugbellen, ik ben ni thuis',
  ])('"%s" is no withdrawal', (text) => {
    expect(callbackCancellationIn(text)).toBeUndefined();
  });
});
