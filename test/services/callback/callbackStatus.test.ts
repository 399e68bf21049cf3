import { describe, expect, it } from 'vitest';
import {
  decideStatusChange,
  UNDO_WINDOW_MS,
  undoTimeLeftMs,
  type CallbackStatus,
  type StatusChangeRequest,
} from '../../../services/callback/callbackStatus.js';

const AT = new Date('2026-03-02T09:30:00Z');
const ISO = AT.toISOString();

describe('decideStatusChange', () => {
  /** The change to `status` by `staffMember` at AT, as the history and the request record it. */
  const changed = (status: CallbackStatus, staffMember: string, closedAt: string | null) => ({
    kind: 'changed' as const,
    status,
    closedAt,
    entry: { status, at: ISO, staffMember },
  });
  const cases: Array<[CallbackStatus, StatusChangeRequest['to'], string, ReturnType<typeof decideStatusChange>]> = [
    ['open', 'reached', 'an', changed('reached', 'an', ISO)],
    ['open', 'done', 'an', changed('done', 'an', ISO)],
    ['open', 'notReached', 'an', changed('notReached', 'an', null)],
    ['notReached', 'notReached', 'bo', changed('notReached', 'bo', null)],
    ['notReached', 'reached', 'bo', changed('reached', 'bo', ISO)],
    ['open', 'cancelledByResident', 'resident', changed('cancelledByResident', 'resident', ISO)],
    ['notReached', 'cancelledByResident', 'resident', changed('cancelledByResident', 'resident', ISO)],
    ['reached', 'done', 'an', { kind: 'alreadyClosed' }],
    ['done', 'notReached', 'an', { kind: 'alreadyClosed' }],
    ['done', 'cancelledByResident', 'resident', { kind: 'alreadyClosed' }],
    ['cancelledByResident', 'reached', 'an', { kind: 'alreadyClosed' }],
  ];

  it.each(cases)('%s → %s by %s', (current, to, by, expected) => {
    expect(decideStatusChange(current, { to, at: AT, by })).toEqual(expected);
  });
});

describe('undoTimeLeftMs', () => {
  const closedAt = '2026-03-02T10:00:00.000Z';
  const history = [
    { status: 'open' as const, at: '2026-03-02T09:00:00.000Z', staffMember: 'assistant' },
    { status: 'done' as const, at: closedAt, staffMember: 'an' },
  ];
  const after = (ms: number) => new Date(Date.parse(closedAt) + ms);

  it('counts down the undo window from the staff close', () => {
    expect(undoTimeLeftMs({ status: 'done', history }, after(0))).toBe(UNDO_WINDOW_MS);
    expect(undoTimeLeftMs({ status: 'done', history }, after(60_000))).toBe(UNDO_WINDOW_MS - 60_000);
    expect(undoTimeLeftMs({ status: 'done', history }, after(UNDO_WINDOW_MS + 1))).toBe(0);
  });

  it('is 0 for what cannot be taken back: open, not reached, cancelled by the resident', () => {
    expect(undoTimeLeftMs({ status: 'open', history: history.slice(0, 1) }, after(0))).toBe(0);
    expect(undoTimeLeftMs({ status: 'notReached', history: [history[0]!, { ...history[1]!, status: 'notReached' }] }, after(0))).toBe(0);
    const cancelled = [history[0]!, { status: 'cancelledByResident' as const, at: closedAt, staffMember: 'resident' }];
    expect(undoTimeLeftMs({ status: 'cancelledByResident', history: cancelled }, after(0))).toBe(0);
  });
});
