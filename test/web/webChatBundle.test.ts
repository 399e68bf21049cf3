import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const web = (path: string) => new URL(`../../web/${path}`, import.meta.url).pathname;
const sha512 = (bytes: Buffer) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
const pin = JSON.parse(readFileSync(web('package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  webChatBundle: { package: string; version: string; file: string; integrity: string };
};

describe('the Web Chat bundle without its dependency tree', () => {
  it('pins one tarball by version and integrity, and installs no packages in web/', () => {
    expect(pin.dependencies ?? {}).toEqual({});
    expect(pin.webChatBundle).toMatchObject({ package: 'botframework-webchat', file: 'dist/webchat.js' });
    expect(pin.webChatBundle.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pin.webChatBundle.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(existsSync(web('package-lock.json'))).toBe(false);
  });

  it.skipIf(!existsSync(web('vendor/webchat.js')))('holds the bundle from the pinned tarball, and a second install does nothing', () => {
    const receipt = JSON.parse(readFileSync(web('vendor/webchat.json'), 'utf8')) as { package: string; integrity: string; bundle: string };
    expect(receipt.package).toBe(`${pin.webChatBundle.package}@${pin.webChatBundle.version}`);
    expect(receipt.integrity).toBe(pin.webChatBundle.integrity);
    const bundle = readFileSync(web('vendor/webchat.js'));
    expect(receipt.bundle).toBe(sha512(bundle));
    expect(bundle.subarray(0, 4000).toString()).toMatch(/\S/);
    // Already there: the script checks and stops, without the registry.
    const output = execFileSync(process.execPath, [web('fetchWebChat.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_offline: 'true' },
    });
    expect(output).toBe('');
  });
});
