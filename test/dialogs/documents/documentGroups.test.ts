import { describe, expect, it } from 'vitest';
import { DOCUMENT_GROUPS } from '../../../dialogs/documents/documentGroups.js';
import { DOCUMENT_IDS } from '../../../domain/nluContract.js';

describe('document groups for the two-step choice', () => {
  it('hold every document of the contract exactly once', () => {
    const grouped = Object.values(DOCUMENT_GROUPS).flat();
    expect([...grouped].sort()).toEqual([...DOCUMENT_IDS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('keep each question short enough for a phone screen or SMS', () => {
    for (const ids of Object.values(DOCUMENT_GROUPS)) expect(ids.length).toBeLessThanOrEqual(5);
  });
});
