import { describe, expect, it } from 'vitest';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { phoneAvailabilityOf } from '../../../services/municipality/phoneLine.js';

const { municipality } = loadMunicipalityData();
const phone = phoneAvailabilityOf(municipality);
const at = (iso: string) => new Date(iso);

describe('the municipal phone line', () => {
  it('is staffed on a weekday morning until the end of the morning period from data', () => {
    const mondayMorning = municipality.openingHours.telefoon.monday[0]!;
    expect(phone.status(at('2026-03-02T09:00:00+01:00'))).toEqual({ staffedNow: true, until: mondayMorning[1] });
  });

  it('on Easter Monday (a public holiday) says staff are back the next day', () => {
    const status = phone.status(at('2026-04-06T10:00:00+02:00'));
    expect(status).toEqual({ staffedNow: false, next: { day: '2026-04-07', from: municipality.openingHours.telefoon.tuesday[0]![0] } });
  });

  it('offers no callback moment on a closing day of the municipality', () => {
    // 2 November is one of the municipality's own closing days (data/municipality.json).
    const moments = phone.callbackMoments(at('2026-10-31T10:00:00+01:00'));
    expect(moments.map((moment) => moment.day)).not.toContain('2026-11-02');
    expect(moments[0]?.day).toBe('2026-11-03');
  });
});
