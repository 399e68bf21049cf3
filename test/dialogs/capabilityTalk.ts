import { DocumentRequestDialog } from '../../dialogs/documents/documentRequestDialog.js';
import { ThuisloketDialog } from '../../dialogs/thuisloket/thuisloketDialog.js';
import { DOCUMENT_IDS, type Intent } from '../../domain/nluContract.js';
import type { Recognition, Recognizer } from '../../nlu/recognizer.js';
import type { MunicipalityData } from '../../services/municipality/municipalityData.js';
import { testFacts } from '../support/conversation.js';
import { fakeRecognizer } from '../support/fakeRecognizer.js';
import { stubCapability, talkToMainDialog } from '../support/mainDialogTalk.js';

/** What the stub booking dialog says when it starts, before its options: a test sees the hand-over. */
export const BOOKING_STUB_SAYS = 'booking got';

/**
 * The phrases the test recognizer knows: "document <id>" names a document, "document" names none,
 * "thuisloket" asks about the digital counter.
 */
export function capabilityRecognizer(): Recognizer {
  const phrases: Record<string, Intent | Recognition> = { document: 'document.request', thuisloket: 'thuisloket.info' };
  for (const id of DOCUMENT_IDS) phrases[`document ${id}`] = { intent: 'document.request', score: 1, entities: { document: id } };
  return fakeRecognizer(phrases);
}

/** The document and thuisloket dialogs under the real main dialog, with a stub for booking; `say` returns what the resident reads. */
export function talkWithBookingStub(facts: MunicipalityData = testFacts(), channelId = 'webchat') {
  return talkToMainDialog({
    capabilities: {
      'document.request': new DocumentRequestDialog(facts),
      'thuisloket.info': new ThuisloketDialog(facts),
      // Stands in for the booking dialog (tested on its own).
      'appointment.book': stubCapability('booking'),
    },
    recognizer: capabilityRecognizer(),
    channelId,
    locale: 'nl-BE',
  }).say;
}
