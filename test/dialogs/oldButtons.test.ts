/**
 * Buttons from earlier in the transcript, clicked later, get a meaningful answer: the open question
 * again with a word that the button is from earlier, or (nothing open) the menu; an old menu button
 * still leads to its capability. Never "Sorry, dat begrijp ik niet".
 */
import type { Activity, CardAction } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { renderedButtons, tappedButton } from '../support/channelAnswers.js';
import { createConversation, readable } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { recognition } from './appointments/support.js';

const recognizer = fakeRecognizer({
  hallo: 'greeting',
  daag: 'goodbye',
  'afspraak rijbewijs': recognition('appointment.book', 'rijbewijs'),
});

/** The channels whose buttons carry a hidden value (messageBack). */
const CHANNELS = ['webchat', 'msteams'] as const;

function buttonsOf(replies: Partial<Activity>[]): CardAction[] {
  return replies.flatMap((reply) => renderedButtons(reply));
}

function click(talk: ReturnType<typeof createConversation>, button: CardAction) {
  return talk.send({ type: 'message', ...tappedButton(button) });
}

describe.each(CHANNELS)('on %s, an old button', (channelId) => {
  it('of a slot, clicked at the name question, asks the name again and says the moment is from earlier', async () => {
    const talk = createConversation({ recognizer, channelId });
    const slots = buttonsOf(await talk.say('afspraak rijbewijs'));
    expect(readable(await click(talk, slots[0]!))).toContain('«appointments:name.question»');
    const replies = readable(await click(talk, slots[1]!));
    expect(replies).toContain('«common:oldButton»');
    expect(replies).toContain('«appointments:name.question»');
    expect(replies).not.toContain('«common:notUnderstood»');
    // The booking goes on where it was.
    expect(readable(await talk.say('An Peeters'))).toContain('«appointments:contact.question»');
  });

  it('of a slot, clicked after the conversation ended, says the question is done and offers the menu', async () => {
    const talk = createConversation({ recognizer, channelId });
    const slots = buttonsOf(await talk.say('afspraak rijbewijs'));
    await click(talk, slots[0]!);
    await talk.say('An Peeters');
    await talk.say('an@voorbeeld.be');
    await talk.say('ja');
    expect(readable(await talk.say('nee'))).toContain('«common:goodbye»');
    const replies = readable(await click(talk, slots[2]!));
    expect(replies).toContain('«common:oldButtonClosed»');
    expect(replies).toContain('«common:help.text»');
    expect(replies).not.toContain('«common:notUnderstood»');
    expect(talk.appointments.document.read().bookings).toHaveLength(1);
  });

  it('of the menu, clicked while a booking question is open, asks that question again', async () => {
    const talk = createConversation({ recognizer, channelId });
    const menu = buttonsOf(await talk.join());
    expect(menu.length).toBeGreaterThan(0);
    await talk.say('afspraak rijbewijs');
    const replies = readable(await click(talk, menu[0]!));
    expect(replies).toContain('«common:oldButton»');
    expect(replies).toContain('«appointments:slots.earliest»');
  });

  it('of the menu, clicked when nothing is open, still leads to its capability', async () => {
    const talk = createConversation({ recognizer, channelId });
    const menu = buttonsOf(await talk.join());
    const hours = menu.find((button) => button.title === '«common:menu.info.hours»')!;
    await talk.say('«common:menu.info.hours»');
    await talk.say('nee'); // nothing else
    const replies = readable(await click(talk, hours));
    expect(replies).not.toContain('«common:oldButtonClosed»');
    expect(replies).not.toContain('«common:notUnderstood»');
    expect(replies).toMatch(/«info:hours\./);
  });
});
