import { describe, expect, it } from 'vitest';
import { matchOption } from '../../../bot/channels/optionAnswer.js';

const options = [
  { value: 'online', label: 'Online via de website' },
  { value: 'phone', label: 'Telefonisch' },
  { value: 'counter', label: 'Aan het loket' },
];

describe('matchOption', () => {
  it.each([
    ['2', 'phone'],
    [' 3. ', 'counter'],
    ['Telefonisch', 'phone'],
    ['telefonisch!', 'phone'],
    ['aan het loket', 'counter'],
    ['online', 'online'],
    ['liefst telefonisch graag', 'phone'],
  ])('"%s" picks %s', (answer, value) => {
    expect(matchOption(answer, options)?.value).toBe(value);
  });

  it.each(['4', '0', 'misschien', '', 'telefonisch of aan het loket'])('"%s" picks nothing', (answer) => {
    expect(matchOption(answer, options)).toBeUndefined();
  });

  it('takes the first words of exactly one label, but not of several', () => {
    const answers = [
      { value: 'callback', label: 'Ja, bel mij terug' },
      { value: 'no', label: 'Nee, dank u' },
      { value: 'later', label: 'Nee, later' },
    ];
    expect(matchOption('ja', answers)?.value).toBe('callback');
    expect(matchOption('Nee dank u', answers)?.value).toBe('no');
    expect(matchOption('nee', answers)).toBeUndefined();
    expect(matchOption('bel', answers)).toBeUndefined();
  });
});
