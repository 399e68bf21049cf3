/**
 * Finds locale keys in what the assistant said. In tests the texts are keyed ("«ns:key» …"); a live
 * server speaks real sentences, so each key's sentence in every language becomes a pattern, with
 * its placeholders as wildcards.
 */
import { LANGUAGES, readLocaleResources } from '../../bot/i18n.js';

const PLURAL_SUFFIXES = ['', '_zero', '_one', '_two', '_few', '_many', '_other'];

export class LocaleKeys {
  private readonly sentences = new Map<string, string[]>();
  private readonly patterns = new Map<string, RegExp[]>();

  constructor(resources = readLocaleResources()) {
    for (const language of LANGUAGES) {
      for (const [namespace, tree] of Object.entries(resources[language])) this.collect(`${namespace}:`, tree as Record<string, unknown>);
    }
  }

  /** Whether the text carries the key; a key ending in "*" is a prefix (any key below it). */
  carries(text: string, key: string): boolean {
    if (key.endsWith('*')) {
      const prefix = key.slice(0, -1);
      if (text.includes(`«${prefix}`)) return true;
      return [...this.sentences.keys()].some((known) => known.startsWith(prefix) && this.matchesSentence(text, known));
    }
    if (text.includes(`«${key}»`)) return true;
    return PLURAL_SUFFIXES.some((suffix) => this.matchesSentence(text, `${key}${suffix}`));
  }

  /** Whether the key (or prefix) names any sentence at all: a typo in a script must not pass silently. */
  exists(key: string): boolean {
    if (key.endsWith('*')) return [...this.sentences.keys()].some((known) => known.startsWith(key.slice(0, -1)));
    return PLURAL_SUFFIXES.some((suffix) => this.sentences.has(`${key}${suffix}`));
  }

  private matchesSentence(text: string, key: string): boolean {
    const flat = text.replace(/\s+/g, ' ');
    return (this.patternsOf(key) ?? []).some((pattern) => pattern.test(flat));
  }

  /**
   * The patterns of a key's sentences, built once. A sentence that only names another key ("$t(ns:key)")
   * is carried where that key's sentence is, so it brings that key's patterns, followed through any
   * chain of such references; a key met twice (a cycle in the locale files) is followed once.
   */
  private patternsOf(key: string): RegExp[] | undefined {
    const cached = this.patterns.get(key);
    if (cached) return cached;
    if (!this.sentences.has(key)) return undefined;
    const reached = new Set([key]);
    const built: RegExp[] = [];
    for (const current of reached) {
      for (const sentence of this.sentences.get(current) ?? []) {
        const target = ONLY_A_REFERENCE.exec(sentence.trim())?.[1];
        if (target !== undefined) reached.add(target);
        else if (/\p{L}{2}/u.test(sentence.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ''))) built.push(sentencePattern(sentence));
      }
    }
    this.patterns.set(key, built);
    return built;
  }

  private collect(prefix: string, tree: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(tree)) {
      const key = prefix.endsWith(':') ? `${prefix}${name}` : `${prefix}.${name}`;
      if (typeof value === 'string') this.sentences.set(key, [...(this.sentences.get(key) ?? []), value]);
      else if (value && typeof value === 'object') this.collect(key, value as Record<string, unknown>);
    }
  }
}

/** A sentence that is nothing but a reference to another key's sentence. */
const ONLY_A_REFERENCE = /^\$t\(([^)]+)\)$/;

function sentencePattern(sentence: string): RegExp {
  const parts = sentence
    .replace(/\s+/g, ' ')
    .trim()
    .split(/\{\{[^}]*\}\}|\$t\([^)]*\)/);
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(escaped.join('[\\s\\S]*?'), 'u');
}
