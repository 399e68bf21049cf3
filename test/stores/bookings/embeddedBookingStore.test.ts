import { memoryDocument } from '../../../stores/embedded/durableDocument.js';
import { createEmbeddedBookingStore, type BookingDocument } from '../../../stores/bookings/embeddedBookingStore.js';
import { describeBookingStore } from './bookingStoreContract.js';

// The PostgreSQL store runs the same contract in test/stores/bookings/postgresBookingStore.test.ts.
describeBookingStore('embedded booking store in memory', async () => {
  const document = memoryDocument<BookingDocument>({ bookings: [] });
  // One process owns the document: a "twin" is a second store object on it.
  return { store: createEmbeddedBookingStore(document), twin: createEmbeddedBookingStore(document) };
});
