import { describe, expect, it } from 'vitest';
import { TEST_PHONE } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { talkToMainDialog, twoQuestionsCapability } from '../support/mainDialogTalk.js';

/** The main dialog over a capability two questions deep, so interruptions are tested below its own steps. */
function converse(minScore = 1) {
  const recognizer = fakeRecognizer({
    start: 'document.request',
    help: { intent: 'help', score: minScore, entities: {} },
    stop: { intent: 'cancel', score: minScore, entities: {} },
    'ik wil iemand spreken': { intent: 'handoff.human', score: minScore, entities: {} },
  });
  return talkToMainDialog({ capabilities: { 'document.request': twoQuestionsCapability() }, recognizer }).say;
}

describe('interruptions from inside a capability', () => {
  it('help explains and asks the open question again', async () => {
    const say = converse();
    await say('start');
    await say('1');
    const reply = await say('help');
    expect(reply).toContain('«common:help.inDialog»');
    expect(reply).toContain('second?');
    expect(await say('Delta')).toContain('done d');
  });

  it('cancel stops the capability and the next message starts fresh', async () => {
    const say = converse();
    await say('start');
    expect(await say('stop')).toContain('«common:cancel.done»');
    // The "1" belonged to the question that was closed: said so (an answer, on a channel without buttons), with the menu; the capability does not go on.
    const after = await say('1');
    expect(after).toContain('«common:oldAnswerClosed»');
    expect(after).not.toContain('second?');
  });

  it('asking for a person leaves the capability and gives the phone number within one turn', async () => {
    const say = converse();
    await say('start');
    await say('2');
    const reply = await say('ik wil iemand spreken');
    expect(reply).toContain('«handoff:title»');
    expect(reply).toContain(TEST_PHONE.display);
  });

  it('an unsure recognition does not interrupt: the open question gets the answer', async () => {
    const say = converse(0.5);
    await say('start');
    const reply = await say('stop');
    expect(reply).not.toContain('«common:cancel.done»');
    expect(reply).toContain('«common:choice.retry»');
  });

  it('after the capability, asks whether there is anything else', async () => {
    const say = converse();
    await say('start');
    await say('1');
    const reply = await say('Gamma');
    expect(reply).toContain('done c');
    expect(reply).toContain('«common:anythingElse.question»');
    expect(await say('2')).toContain('«common:goodbye»');
  });
});
