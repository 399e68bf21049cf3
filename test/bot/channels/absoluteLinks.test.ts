import { describe, expect, it } from 'vitest';
import { withAbsoluteLinks } from '../../../bot/channels/absoluteLinks.js';
import { renderInfoCard } from '../../../bot/channels/renderer.js';

describe('links to this server made absolute for Web Chat', () => {
  const card = renderInfoCard('directline', {
    title: 'Uw afspraak is gemaakt',
    lines: ['Code K7M-4XT'],
    links: [
      { label: 'Zet in uw agenda', url: '/api/appointments/ics/K7M-4XT.0.2026-03-05.nl.1772812800.abc' },
      { label: 'Thuisloket', url: 'https://wilgenbeke.be/thuisloket' },
    ],
  });

  it('prefixes relative links with the origin and leaves absolute ones alone', () => {
    const actions = (withAbsoluteLinks(card, 'http://127.0.0.1:3978').attachments![0]!.content as { actions: { url: string }[] }).actions;
    expect(actions.map((action) => action.url)).toEqual([
      'http://127.0.0.1:3978/api/appointments/ics/K7M-4XT.0.2026-03-05.nl.1772812800.abc',
      'https://wilgenbeke.be/thuisloket',
    ]);
    // The card itself is not changed in place.
    expect((card.attachments![0]!.content as { actions: { url: string }[] }).actions[0]!.url).toMatch(/^\/api\//);
  });

  it('does the same for hero card openUrl buttons and leaves messages without cards as they are', () => {
    const hero = {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: {
            buttons: [
              { type: 'openUrl', title: 'x', value: '/a' },
              { type: 'imBack', title: 'y', value: '/b' },
            ],
          },
        },
      ],
    };
    const buttons = (withAbsoluteLinks(hero, 'https://chat.wilgenbeke.be').attachments![0]!.content as { buttons: { value: string }[] })
      .buttons;
    expect(buttons.map((button) => button.value)).toEqual(['https://chat.wilgenbeke.be/a', '/b']);
    const text = { type: 'message', text: 'hallo' };
    expect(withAbsoluteLinks(text, 'https://chat.wilgenbeke.be')).toBe(text);
  });

  it('sends an informative card once: no text bubble beside it and no heading style in it', () => {
    expect(card.text).toBeUndefined();
    expect(card.summary).toBe('Uw afspraak is gemaakt');
    const body = (card.attachments![0]!.content as { body: { style?: string }[] }).body;
    expect(body.some((block) => block.style === 'heading')).toBe(false);
  });
});
