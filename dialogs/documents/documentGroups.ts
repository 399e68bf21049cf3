import type { DocumentId } from '../../domain/nluContract.js';

/**
 * Fourteen documents are too many options for one question on SMS or a phone screen, so residents
 * pick a group first. Every document id is in exactly one group (a test checks this).
 */
export const DOCUMENT_GROUPS = {
  certificate: ['attest-woonst', 'attest-gezinssamenstelling', 'uittreksel-strafregister', 'attest-leven', 'attest-nationaliteit'],
  deed: ['akte-geboorte', 'akte-huwelijk', 'akte-overlijden'],
  identity: ['identiteitskaart', 'eid-pincode', 'kids-id', 'reispas'],
  other: ['rijbewijs', 'wettiging-handtekening'],
} as const satisfies Record<string, readonly DocumentId[]>;

export type DocumentGroup = keyof typeof DOCUMENT_GROUPS;
export const DOCUMENT_GROUP_IDS = Object.keys(DOCUMENT_GROUPS) as DocumentGroup[];
