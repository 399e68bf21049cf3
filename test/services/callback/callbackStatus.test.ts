import { describe, expect, it } from 'vitest';
import { decideStatusChange, type CallbackStatus, type StatusChangeRequest } from '../../../services/callback/callbackStatus.js';

const AT = new Date('2026-03-02T09:30:00Z');
const ISO = AT.toISOString();

describe('decideStatusChange', () => {
  const cases: Array<[CallbackStatus, StatusChangeRequest['to'], string, ReturnType<typeof decideStatusChange>]> = [
    [
      'open',
      'reached',
      'an',
      { kind: 'changed', status: 'reached', closedAt: ISO, entry: { status: 'reached', at: ISO, staffMember: 'an' } },
    ],
    ['open', 'done', 'an', { kind: 'changed', status: 'done', closedAt: ISO, entry: { status: 'done', at: ISO, staffMember: 'an' } }],
    [
      'open',
      'notReached',
      'an',
      { kind: 'changed', status: 'notReached', closedAt: null, entry: { status: 'notReached', at: ISO, staffMember: 'an' } },
    ],
    [
      'notReached',
      'notReached',
      'bo',
      { kind: 'changed', status: 'notReached', closedAt: null, entry: { status: 'notReached', at: ISO, staffMember: 'bo' } },
    ],
    [
      'notReached',
      'reached',
      'bo',
      { kind: 'changed', status: 'reached', closedAt: ISO, entry: { status: 'reached', at: ISO, staffMember: 'bo' } },
    ],
    [
      'open',
      'cancelledByResident',
      'resident',
      {
        kind: 'changed',
        status: 'cancelledByResident',
        closedAt: ISO,
        entry: { status: 'cancelledByResident', at: ISO, staffMember: 'resident' },
      },
    ],
    [
      'notReached',
      'cancelledByResident',
      'resident',
      {
        kind: 'changed',
        status: 'cancelledByResident',
        closedAt: ISO,
        entry: { status: 'cancelledByResident', at: ISO, staffMember: 'resident' },
      },
    ],
    ['reached', 'done', 'an', { kind: 'alreadyClosed' }],
    ['done', 'notReached', 'an', { kind: 'alreadyClosed' }],
    ['done', 'cancelledByResident', 'resident', { kind: 'alreadyClosed' }],
    ['cancelledByResident', 'reached', 'an', { kind: 'alreadyClosed' }],
  ];

  it.each(cases)('%s → %s by %s', (current, to, by, expected) => {
    expect(decideStatusChange(current, { to, at: AT, by })).toEqual(expected);
  });
});
