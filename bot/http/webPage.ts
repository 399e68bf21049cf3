import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { i18n } from 'i18next';
import { createI18n, SOURCE_LANGUAGE, type Translate } from '../i18n.js';
import type { Municipality } from '../../services/municipality/municipalityData.js';
import { fillTemplate } from './htmlTemplate.js';
import { sendError } from './httpErrors.js';
import { registerPageFiles, sendPage, type PagePolicy } from './pageResponse.js';

const WEB_DIR = new URL('../../web/', import.meta.url);

/** Public page; Web Chat sets inline styles, draws images as data:/blob: URLs and may call Azure Direct Line. */
const CHAT_PAGE_POLICY: PagePolicy = {
  cache: 'no-cache',
  inlineStyles: true,
  imagesFrom: ['data:', 'blob:'],
  connectTo: ['https://directline.botframework.com'],
};

/**
 * `GET /`: the municipality's demo page with Web Chat, filled from data/; `GET /webchat.js`: the
 * Web Chat bundle taken from its npm package at install time (no CDN); `GET /assets/*`: the page's
 * own CSS and script.
 */
export function registerWebPage(
  server: Server,
  options: { municipality: Municipality; directLineMode: 'local' | 'azure'; i18n?: i18n },
): void {
  // The demo page is the municipality's Dutch page; its script's texts come from locales/nl/chatPage.json.
  const t = (options.i18n ?? createI18n()).getFixedT(SOURCE_LANGUAGE);
  const page = fillTemplate(
    readFileSync(new URL('index.html', WEB_DIR), 'utf8'),
    pageValues(options.municipality, options.directLineMode, t),
  );
  const bundlePath = webChatBundlePath();
  const bundle = bundlePath ? lazyGzipped(bundlePath) : undefined;

  server.get('/', async (_req: Request, res: Response) => sendPage(res, 200, page, CHAT_PAGE_POLICY));
  server.get('/webchat.js', async (req: Request, res: Response) => {
    // Without the bundle the page says the chat cannot start and gives the phone number.
    if (!bundle) return sendError(res, 'webchat_missing', 'The Web Chat bundle is not installed: run npm install.');
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = acceptsGzip ? bundle.gzipped() : bundle.plain();
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      ...(acceptsGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  registerPageFiles(server, {
    route: '/assets/',
    dir: new URL('assets/', WEB_DIR),
    files: ['site.css', 'chat.js'],
    policy: CHAT_PAGE_POLICY,
  });
}

function pageValues(municipality: Municipality, directLineMode: 'local' | 'azure', t: Translate): Record<string, string> {
  const { address, phone } = municipality;
  return {
    name: municipality.name,
    logoText: municipality.logoText,
    thuisloketUrl: municipality.thuisloketUrl,
    phoneE164: phone.e164,
    phoneDisplay: phone.display,
    email: municipality.email,
    address: [address.building, `${address.street} ${address.number}`, `${address.postalCode} ${address.city}`].filter(Boolean).join(', '),
    directLineMode,
    chatProblem: t('chatPage:problem', { phoneDisplay: phone.display }),
    calendarDownloaded: t('chatPage:calendarDownloaded'),
  };
}

/** The prebuilt bundle that `npm install` puts in web/vendor/ (web/fetchWebChat.mjs); undefined until it is there. */
function webChatBundlePath(): URL | undefined {
  const path = new URL('vendor/webchat.js', WEB_DIR);
  return existsSync(path) ? path : undefined;
}

/** Reads and compresses the 4 MB bundle once, on first request, not at start-up. */
function lazyGzipped(path: URL) {
  let plain: Buffer | undefined;
  let gzipped: Buffer | undefined;
  return {
    plain: () => (plain ??= readFileSync(path)),
    gzipped: () => (gzipped ??= gzipSync(plain ?? readFileSync(path))),
  };
}
