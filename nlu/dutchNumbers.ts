// Temporary: digits only, until the NLU branch brings Dutch number words and ordinals.
export function parseDutchNumber(text: string): number | undefined {
  const match = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  return match ? Number(match[1]) : undefined;
}
