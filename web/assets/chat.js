// Starts Bot Framework Web Chat against this server's Direct Line endpoint (or Azure's, when the
// server holds a secret) and keeps the conversation across a page reload of the same tab. Around
// Web Chat it keeps the keyboard and screen-reader path sound: answered options are disabled, focus
// moves to where the resident continues, times are read in 24 hours, and after a reload only new
// messages are announced.

(function () {
  'use strict';

  // Types for the script's type check (web/tsconfig.json), local to this script.
  /**
   * The conversation this tab keeps across a reload (sessionStorage).
   * @typedef {{ token: string, conversationId: string, lastActivityId?: string | null }} Conversation
   */
  /**
   * What this script reads of an incoming activity. Its cards' buttons: `actions` of an Adaptive Card,
   * `buttons` of a hero card.
   * @typedef {{ type?: string, title?: string }} CardButton
   * @typedef {{ content?: { actions?: CardButton[], buttons?: CardButton[] } }} CardAttachment
   * @typedef {{ id?: string, from?: { role?: string }, attachments?: CardAttachment[] }} IncomingActivity
   */
  /**
   * What this script uses of the Web Chat bundle's global (web/vendor/webchat.js, the version pinned in
   * web/package.json; the bundle ships no types).
   * @typedef {{ token: string, webSocket: boolean, pollingInterval: number, domain?: string, conversationId?: string }} DirectLineOptions
   * @typedef {{ token?: string, connectionStatus$: { subscribe(listener: (status: number) => void): unknown } }} DirectLine
   * @typedef {{ type: string, payload?: { activity?: IncomingActivity } }} StoreAction
   * @typedef {(next: (action: StoreAction) => unknown) => (action: StoreAction) => unknown} StoreMiddleware
   * @typedef {{ cardAction?: { type?: string, value?: unknown } }} CardActionArgs
   * @typedef {(next: (args: CardActionArgs) => unknown) => (args: CardActionArgs) => unknown} CardActionMiddleware
   * @typedef {(markdown: string, options: unknown, extra: unknown) => string} RenderMarkdown
   * @typedef {object} WebChatProps
   * @property {DirectLine} directLine
   * @property {unknown} store
   * @property {string} locale
   * @property {RenderMarkdown} renderMarkdown
   * @property {() => CardActionMiddleware} cardActionMiddleware
   * @property {Record<string, string | number | boolean>} styleOptions
   * @typedef {object} WebChatGlobal
   * @property {(options: DirectLineOptions) => DirectLine} createDirectLine
   * @property {(initialState: object, middleware: () => StoreMiddleware) => unknown} createStore
   * @property {(props: WebChatProps, element: HTMLElement) => void} renderWebChat
   * @property {RenderMarkdown} renderMarkdown
   */

  var STORAGE_KEY = 'gemeente-assistent.conversation';
  var chatRoot = pageElement('webchat');
  var statusLine = pageElement('chat-status');
  /** @type {Window & { WebChat?: WebChatGlobal }} */
  var page = window;
  var loaded = page.WebChat;
  // The server says whether it runs its own Direct Line endpoint or hands out Azure Direct Line tokens.
  var LOCAL_DIRECT_LINE = document.body.getAttribute('data-direct-line') === 'local';
  // Web Chat's live region keeps each announcement this long (internalLiveRegionFadeAfter is 1 s).
  var LIVE_REGION_SETTLE_MS = 1500;

  if (!loaded) {
    showProblem();
    return;
  }
  // From here on Web Chat is there: the functions below use this name for it.
  var webChat = loaded;

  /**
   * An element the page always has (index.html): without it the page is broken, not empty.
   * @param {string} id
   */
  function pageElement(id) {
    var found = document.getElementById(id);
    if (!found) throw new Error('index.html has no #' + id);
    return found;
  }

  /** @returns {Conversation | null} */
  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }
  /** @param {Conversation} value */
  function save(value) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  }
  function forget() {
    sessionStorage.removeItem(STORAGE_KEY);
  }

  function showProblem() {
    statusLine.textContent = chatRoot.getAttribute('data-problem-text');
    chatRoot.setAttribute('aria-busy', 'false');
  }

  /** @returns {Promise<Conversation>} */
  function newConversation() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (/** @type {{ token: string, conversationId: string }} */ answer) {
        var conversation = { token: answer.token, conversationId: answer.conversationId };
        save(conversation);
        return conversation;
      });
  }

  function sendBox() {
    var box = chatRoot.querySelector('.webchat__send-box-text-box__input');
    return box instanceof HTMLElement ? box : null;
  }

  // Titles of card actions that open a link (a calendar file, a website): those stay usable, only
  // buttons that answer a question get disabled. Web Chat renders both as plain buttons with a title.
  /** @type {Record<string, boolean>} */
  var linkTitles = {};
  /** @param {IncomingActivity} activity */
  function rememberLinkTitles(activity) {
    (activity.attachments || []).forEach(function (attachment) {
      var content = attachment.content || {};
      (content.actions || []).forEach(function (action) {
        if (action.type === 'Action.OpenUrl' && action.title) linkTitles[action.title] = true;
      });
      (content.buttons || []).forEach(function (button) {
        if (button.type === 'openUrl' && button.title) linkTitles[button.title] = true;
      });
    });
  }
  /** @param {Element} activity a rendered activity in the transcript */
  function optionButtons(activity) {
    /** @type {HTMLButtonElement[]} */
    var buttons = [];
    activity.querySelectorAll('.webchat__basic-transcript__activity-body button').forEach(function (button) {
      if (button instanceof HTMLButtonElement && !linkTitles[button.title]) buttons.push(button);
    });
    return buttons;
  }
  /** @param {Element} activity */
  function fromResident(activity) {
    return !!activity.querySelector('.webchat__stacked-layout--from-user');
  }

  // Options count only after the resident's last message: older ones are answered or passed by.
  // Returns the options still open, in transcript order.
  function disableAnsweredOptions() {
    var activities = chatRoot.querySelectorAll('.webchat__basic-transcript__activity');
    var lastFromResident = -1;
    activities.forEach(function (activity, index) {
      if (fromResident(activity)) lastFromResident = index;
    });
    /** @type {HTMLButtonElement[]} */
    var open = [];
    activities.forEach(function (activity, index) {
      optionButtons(activity).forEach(function (button) {
        if (index > lastFromResident) {
          open.push(button);
          return;
        }
        if (button.disabled) return;
        var box = sendBox();
        if (document.activeElement === button && box) box.focus();
        button.disabled = true;
        button.classList.add('option--answered');
      });
    });
    return open;
  }

  // Globalize formats Web Chat's screen-reader time with a 12-hour skeleton ("1:41 p.m."): read 24 hours.
  var TWELVE_HOUR = /\b(\d{1,2}):(\d{2})\s*([ap])\.?\s?m\.?/gi;
  /**
   * One TWELVE_HOUR match in 24 hours: "1:41 p.m." reads "13:41".
   * @param {string} _all
   * @param {string} hours
   * @param {string} minutes
   * @param {string} half "a" or "p"
   */
  function toTwentyFourHours(_all, hours, minutes, half) {
    var h = (Number(hours) % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    return (h < 10 ? '0' : '') + h + ':' + minutes;
  }
  /** @param {string} text */
  function twentyFourHours(text) {
    return text.replace(TWELVE_HOUR, toTwentyFourHours);
  }
  /** @param {Node} root */
  function fixTimes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node instanceof Text)) continue;
      TWELVE_HOUR.lastIndex = 0;
      if (TWELVE_HOUR.test(node.data)) node.data = twentyFourHours(node.data);
    }
  }

  // After a reload the history comes in again: keep Web Chat's live region quiet until it is back.
  /** @param {boolean} quiet */
  function quietLiveRegion(quiet) {
    chatRoot.querySelectorAll('.webchat__live-region-transcript').forEach(function (region) {
      region.setAttribute('aria-live', quiet ? 'off' : 'polite');
    });
  }

  // A calendar file from this server downloads in place: opening it would leave an empty tab behind.
  var CALENDAR_FILE_PATH = '/api/appointments/ics/';
  /** @param {string} url */
  function downloadHere(url) {
    var target;
    try {
      target = new URL(url, location.href);
    } catch (e) {
      return false;
    }
    if (target.origin !== location.origin || target.pathname.indexOf(CALENDAR_FILE_PATH) !== 0) return false;
    var link = document.createElement('a');
    link.href = target.href;
    // An empty name: the file keeps the name the server gives it (Content-Disposition).
    link.download = '';
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    statusLine.textContent = chatRoot.getAttribute('data-calendar-text');
    return true;
  }

  // The bot writes one fact per line; Markdown would run single line breaks together into one line.
  /** @type {RenderMarkdown} */
  function renderMarkdown(markdown, options, extra) {
    return webChat.renderMarkdown(String(markdown).replace(/\r?\n/g, '\n\n'), options, extra);
  }

  /**
   * @param {Conversation} conversation
   * @param {boolean} resuming
   */
  function start(conversation, resuming) {
    /** @type {DirectLineOptions} */
    var options = { token: conversation.token, webSocket: false, pollingInterval: 300 };
    if (LOCAL_DIRECT_LINE) options.domain = new URL('/v3/directline', location.href).href;
    if (resuming) options.conversationId = conversation.conversationId;
    var directLine = webChat.createDirectLine(options);
    directLine.connectionStatus$.subscribe(function (status) {
      // 4 = FailedToConnect, 5 = Ended: the stored conversation is gone (expired or server restarted).
      if (resuming && (status === 4 || status === 5)) {
        forget();
        location.reload();
      }
    });

    /** @type {string | null} */
    var lastSeenId = null;
    var replayUntil = resuming ? conversation.lastActivityId || null : null;
    var replaying = !!replayUntil;
    // Should the last seen message never come back (the history was cut), speak again after a while.
    if (replaying) {
      setTimeout(function () {
        if (!replaying) return;
        replaying = false;
        quietLiveRegion(false);
      }, 15000);
    }
    var answeredByButton = false;
    var focusTimer = 0;

    window.addEventListener('pagehide', function () {
      save({ token: directLine.token || conversation.token, conversationId: conversation.conversationId, lastActivityId: lastSeenId });
    });

    var store = webChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
            // A click on an option: its card scrolls away and gets disabled, so continue in the send box.
            answeredByButton = chatRoot.contains(document.activeElement) && document.activeElement !== sendBox();
          }
          var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity;
          if (activity) {
            if (activity.id) lastSeenId = activity.id;
            rememberLinkTitles(activity);
            if (replaying && activity.id === replayUntil) {
              replaying = false;
              setTimeout(function () {
                quietLiveRegion(false);
              }, LIVE_REGION_SETTLE_MS);
            }
            if (activity.from && activity.from.role === 'bot' && answeredByButton) {
              clearTimeout(focusTimer);
              focusTimer = setTimeout(followConversation, 400);
            }
          }
          return next(action);
        };
      };
    });

    function followConversation() {
      answeredByButton = false;
      var open = disableAnsweredOptions();
      var target = open[0] || sendBox();
      if (target) target.focus();
    }

    new MutationObserver(function () {
      disableAnsweredOptions();
      fixTimes(chatRoot);
      if (replaying) quietLiveRegion(true);
    }).observe(chatRoot, { childList: true, subtree: true, characterData: true });

    webChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'nl-BE',
        renderMarkdown: renderMarkdown,
        cardActionMiddleware: function () {
          return function (next) {
            return function (args) {
              var action = args.cardAction;
              if (action && action.type === 'openUrl' && typeof action.value === 'string' && downloadHere(action.value)) return;
              return next(args);
            };
          };
        },
        styleOptions: {
          accent: '#0b5394',
          botAvatarInitials: 'GA',
          userAvatarInitials: 'U',
          hideUploadButton: true,
          sendBoxButtonColor: '#0b5394',
          suggestedActionLayout: 'flow',
          // Sizes follow the resident's browser font size; cards may shrink to a 320 px screen.
          fontSizeSmall: '0.875rem',
          primaryFont: 'inherit',
          bubbleMinWidth: 0,
          bubbleMaxWidth: 600,
          richCardWrapTitle: true,
          // Focus rings: solid, 2 px, dark blue on white (see site.css for the page's own outline).
          transcriptVisualKeyboardIndicatorColor: '#073763',
          transcriptVisualKeyboardIndicatorStyle: 'solid',
          transcriptVisualKeyboardIndicatorWidth: 2,
          transcriptActivityVisualKeyboardIndicatorColor: '#073763',
          transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
          transcriptActivityVisualKeyboardIndicatorWidth: 2,
        },
      },
      chatRoot,
    );
    if (replaying) quietLiveRegion(true);
    chatRoot.setAttribute('aria-busy', 'false');
    chatRoot.classList.add('webchat--ready');
  }

  var existing = saved();
  if (existing && existing.token && existing.conversationId) {
    start(existing, true);
  } else {
    newConversation().then(function (conversation) {
      start(conversation, false);
    }, showProblem);
  }
})();
