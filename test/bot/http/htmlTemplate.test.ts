import { describe, expect, it } from 'vitest';
import { escapeHtml, fillTemplate, rawHtml } from '../../../bot/http/htmlTemplate.js';

describe('the one templating rule', () => {
  it('escapes every value unless it is marked raw', () => {
    const filled = fillTemplate('<p title="{{title}}">{{text}}</p>{{block}}', {
      title: '"quoted" & \'single\'',
      text: '<script>alert(1)</script>',
      block: rawHtml('<p class="message">built by the code</p>'),
    });
    expect(filled).toBe(
      '<p title="&quot;quoted&quot; &amp; &#39;single&#39;">&lt;script&gt;alert(1)&lt;/script&gt;</p><p class="message">built by the code</p>',
    );
  });

  it('fills dotted names and repeats, and throws on a placeholder without a value', () => {
    expect(fillTemplate('{{page.title}} – {{page.title}}', { 'page.title': 'A & B' })).toBe('A &amp; B – A &amp; B');
    expect(() => fillTemplate('<h1>{{missing}}</h1>', {})).toThrow(/\{\{missing\}\}/);
    // Names of Object's own members are no values.
    expect(() => fillTemplate('{{toString}}', {})).toThrow(/toString/);
  });

  it('escapes the five characters that matter in HTML text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('Gewone tekst, 0470 12 34 56')).toBe('Gewone tekst, 0470 12 34 56');
  });
});
