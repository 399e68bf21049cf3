import { beforeAll, describe, expect, it } from 'vitest';
import { createLinearRecognizer } from '../../../nlu/linearRecognizer.js';
import type { Recognizer } from '../../../nlu/recognizer.js';
import { createConversation, readable } from '../../support/conversation.js';

const SERVICE_QUESTION = '«appointments:service.question»';

describe.each(['webchat', 'sms'])('coming to the counter instead, on %s', (channelId) => {
  let recognizer: Recognizer;
  beforeAll(async () => {
    recognizer = await createLinearRecognizer();
  });

  it.each([
    ['mijn kaartlezer werkt niet', 'kan ik dan niet gewoon naar het gemeentehuis komen?'],
    ['mijn kaartlezer werkt niet', 'ik kom liever langs aan het loket'],
    ['wat is het thuisloket', 'ik ga toch liever naar het gemeentehuis'],
    ['hoe meld ik me aan op het thuisloket', 'kan ik dat niet gewoon aan het loket doen?'],
  ])('after "%s": "%s" asks what the appointment is for', async (first, then) => {
    const conversation = createConversation({ recognizer, channelId });
    await conversation.say(first);
    const reply = readable(await conversation.say(then));
    expect(reply).toContain(SERVICE_QUESTION);
    expect(reply).not.toContain('«common:clarify.question»');
    expect(reply).not.toContain('«info:contact.');
  });

  it.each(['waar is het gemeentehuis?', 'hoe geraak ik aan het gemeentehuis'])('"%s" still gets the address, no booking', async (text) => {
    const conversation = createConversation({ recognizer, channelId });
    const reply = readable(await conversation.say(text));
    expect(reply).not.toContain(SERVICE_QUESTION);
    expect(reply).toContain('«info:contact.');
  });
});
