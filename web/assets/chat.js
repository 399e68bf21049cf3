// Starts Bot Framework Web Chat against this server's Direct Line endpoint (or Azure's, when the
// server holds a secret) and keeps the conversation across a page reload of the same tab.
(function () {
  'use strict';
  var STORAGE_KEY = 'gemeente-assistent.conversation';
  var statusLine = document.getElementById('chat-status');
  // The server says whether it runs its own Direct Line endpoint or hands out Azure Direct Line tokens.
  var LOCAL_DIRECT_LINE = document.body.getAttribute('data-direct-line') === 'local';

  function saved() {
    try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }
  function save(value) { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value)); }
  function forget() { sessionStorage.removeItem(STORAGE_KEY); }

  function newConversation() {
    return fetch('/api/directline/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (answer) {
        var conversation = { token: answer.token, conversationId: answer.conversationId };
        save(conversation);
        return conversation;
      });
  }

  function start(conversation, resuming) {
    var options = { token: conversation.token, webSocket: false, pollingInterval: 300 };
    if (LOCAL_DIRECT_LINE) options.domain = new URL('/v3/directline', location.href).href;
    if (resuming) options.conversationId = conversation.conversationId;
    var directLine = window.WebChat.createDirectLine(options);
    directLine.connectionStatus$.subscribe(function (status) {
      // 4 = FailedToConnect, 5 = Ended: the stored conversation is gone (expired or server restarted).
      if (resuming && (status === 4 || status === 5)) {
        forget();
        location.reload();
      }
    });
    window.addEventListener('pagehide', function () {
      save({ token: directLine.token || conversation.token, conversationId: conversation.conversationId });
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: 'nl-BE',
        styleOptions: {
          accent: '#0b5394',
          botAvatarInitials: 'GA',
          userAvatarInitials: 'U',
          hideUploadButton: true,
          sendBoxButtonColor: '#0b5394',
          suggestedActionLayout: 'flow',
        },
      },
      document.getElementById('webchat')
    );
    statusLine.textContent = '';
  }

  var existing = saved();
  if (existing && existing.token && existing.conversationId) {
    start(existing, true);
  } else {
    newConversation().then(function (conversation) { start(conversation, false); }, function () {
      statusLine.textContent = 'De chat kan nu niet starten. Bel ons gerust.';
    });
  }
})();
