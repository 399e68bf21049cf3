import { afterAll, describe, expect, it } from 'vitest';
import { loadMunicipalityData } from '../../../services/municipality/municipalityData.js';
import { createConversation, readable, testFacts } from '../../support/conversation.js';
import { fakeRecognizer } from '../../support/fakeRecognizer.js';
import { dataCopy } from '../../services/municipality/dataCopy.js';

const recognizer = fakeRecognizer({
  'zijn jullie open?': 'info.hours',
  'zijn jullie zaterdag open?': 'info.hours',
  'hoe laat gaan jullie open morgen': 'info.hours',
});
const walkIn = dataCopy({ municipality: (m) => delete m.appointmentOnly });
afterAll(() => walkIn.remove());

describe.each(['webchat', 'sms'])('opening hours and appointments (%s)', (channelId) => {
  it.each(['zijn jullie open?', 'zijn jullie zaterdag open?', 'hoe laat gaan jullie open morgen'])(
    '"%s": the counter works on appointment, as the data says, in one message before the question',
    async (question) => {
      const replies = await createConversation({ recognizer, channelId, facts: testFacts() }).say(question);
      expect(readable(replies)).toContain('«info:hours.onAppointment»');
      expect(replies.length).toBeLessThanOrEqual(2);
    },
  );

  it('a municipality whose counter takes walk-ins does not say so', async () => {
    const facts = loadMunicipalityData(walkIn.dir);
    const conversation = createConversation({ recognizer, channelId, facts });
    expect(readable(await conversation.say('zijn jullie open?'))).not.toContain('«info:hours.onAppointment»');
    expect(readable(await conversation.say('«info:hours.more.options.weekLoket»'))).not.toContain('«info:hours.onAppointment»');
  });
});
