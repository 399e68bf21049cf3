import { afterAll, describe, expect, it } from 'vitest';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { dataCopy } from '../../services/municipality/dataCopy.js';

// The recognizer reads all of these as `none` (outside the assistant's scope), as the contract says.
const recognizer = fakeRecognizer({});
const facts = testFacts();
const links = facts.municipality.topicLinks!;
const TOPICS = [
  ['wanneer komt het grofvuil?', 'waste'],
  ['waar is het containerpark en tot hoe laat is het open', 'waste'],
  ['wanneer komt de vuilkar', 'waste'],
  ['moet ik de blauwe zak vanavond buitenzetten', 'waste'],
  ['hoe vraag ik een bouwvergunning aan', 'permits'],
  ['ik wil een klacht indienen over de buren', 'complaints'],
  ['de straatlamp in mijn straat is kapot', 'complaints'],
  ['mijn aanslagbiljet van de gemeentebelasting klopt niet', 'taxes'],
] as const;
const noWasteLink = dataCopy({ municipality: (m) => delete m.topicLinks.waste });
afterAll(() => noWasteLink.remove());

describe.each(['webchat', 'sms'])('out of scope, honestly (%s)', (channelId) => {
  it.each(TOPICS)('"%s": cannot help with %s, and where to go', async (text, topic) => {
    const reply = readable(await createConversation({ recognizer, channelId }).say(text));
    expect(reply).toContain('«info:outOfScope.cannotHelp»');
    expect(reply).toContain(`«info:outOfScope.link.${topic}» url=${links[topic]}`);
    expect(reply).toContain(`phone=${facts.municipality.phone.display}`);
    expect(reply).not.toContain('«common:notUnderstood»');
  });

  it('without a link in the data: the phone only', async () => {
    const conversation = createConversation({ recognizer, channelId, facts: loadMunicipalityData(noWasteLink.dir) });
    const reply = readable(await conversation.say('wanneer komt het grofvuil?'));
    expect(reply).toContain('«info:outOfScope.phoneOnly»');
    expect(reply).not.toContain('«info:outOfScope.link');
  });

  it('gibberish is still "not understood", and out-of-scope questions do not count as misunderstandings', async () => {
    const conversation = createConversation({ recognizer, channelId });
    expect(readable(await conversation.say('qsdf jklm'))).toContain('«common:notUnderstood»');
    expect(readable(await conversation.say('wanneer komt het grofvuil?'))).toContain('«info:outOfScope.cannotHelp»');
    expect(readable(await conversation.say('ik wil een klacht indienen over de buren'))).not.toContain('«common:notUnderstoodAgain»');
  });
});
