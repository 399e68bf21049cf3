import { describe, expect, it } from 'vitest';
import { wishesToCancel } from '../../../dialogs/appointments/bookingChangeDialog.js';

describe('a wish to cancel the appointment itself, said while moving it', () => {
  it.each([
    'ach nee, annuleer hem toch maar gewoon, ik bel wel als ik beter ben',
    'laat maar, zeg ze maar af',
    'nee wacht, schrap die afspraak gewoon, we komen niet',
    'nee eigenlijk wil ik ze annuleren',
    'mag ze afgezegd worden aub',
    'just cancel it please',
  ])('"%s" cancels', (text) => {
    expect(wishesToCancel(text)).toBe(true);
  });

  it.each(['stop', 'laat maar', 'nee toch niet', 'niet annuleren, gewoon verzetten', 'ik wil ze niet afzeggen', 'zeg, kan het dinsdag?'])(
    '"%s" does not',
    (text) => {
      expect(wishesToCancel(text)).toBe(false);
    },
  );
});
