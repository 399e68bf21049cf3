import { describe, expect, it } from 'vitest';
import { type HandOver } from '../../dialogs/capabilityOptions.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { stubCapability, talkToMainDialog } from '../support/mainDialogTalk.js';

describe('hand-over between capabilities', () => {
  it('starts the capability a finished one hands over to, with its options, then asks for anything else', async () => {
    const handOver: HandOver = { handOver: { intent: 'appointment.book', options: { service: 'reispas' } } };
    const { say } = talkToMainDialog({
      capabilities: { 'document.request': stubCapability('documents', () => handOver), 'appointment.book': stubCapability('booking') },
      recognizer: fakeRecognizer({ paspoort: 'document.request' }),
    });
    const reply = await say('paspoort');
    expect(reply).toContain('documents got');
    expect(reply).toContain('booking got {"service":"reispas"}');
    expect(reply).toContain('«common:anythingElse.question»');
    expect(reply.indexOf('booking got')).toBeLessThan(reply.indexOf('«common:anythingElse.question»'));
  });
});
