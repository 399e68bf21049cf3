import { describe, expect, it } from 'vitest';
import { wishesToCancel, wishesToMove } from '../../../dialogs/appointments/changeWish.js';

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

describe('a wish to move the appointment, said while cancelling it', () => {
  it.each([
    'nee, verzetten liever',
    'kan ik ze niet verplaatsen?',
    'Kan ik ze niet verplaatsen in plaats van annuleren?',
    'liever een ander uur',
    'nee liever e ander uur',
    'kan da nie verzet worde ipv',
    'nee wacht, zet hem liever op een ander moment',
    'niet annuleren, gewoon verzetten',
  ])('"%s" moves', (text) => {
    expect(wishesToMove(text)).toBe(true);
  });

  it.each(['ja', 'annuleer die van maandag en zet er een op woensdag', 'ik wil ze niet verzetten, gewoon annuleren', 'nee toch niet'])(
    '"%s" does not',
    (text) => {
      expect(wishesToMove(text)).toBe(false);
    },
  );
});
