// energobot's web chat, for any page: <div id="energobot"></div><script src="https://BOT/embed.js" async></script>
// Optional attributes on the script tag: data-target (the element's id), data-locale (ru or en).
// The chat's language, once chosen in the chat, wins: the element gets an `energobot-locale` event
// ({ detail: { locale } }) whenever it changes, and an `energobot-choose-locale` event sent to it
// chooses one (as /language would).
(function () {
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var target = document.getElementById(script.getAttribute('data-target') || 'energobot');
  var locale = script.getAttribute('data-locale') || (/^en\b/i.test(navigator.language || '') ? 'en' : 'ru');
  var conversationKey = 'energobot-conversation';
  // A link from an e-mail («Оплатить», «Передать показания») opens the page with ?start=<token>.
  var pageUrl = new URL(location.href);
  var start = /^[A-Za-z0-9_-]{1,64}$/.test(pageUrl.searchParams.get('start') || '') ? pageUrl.searchParams.get('start') : null;

  // A secret this browser keeps; the server derives the chat user from it, so no one can pose as another.
  function userSecret() {
    var key = 'energobot-user';
    var secret = localStorage.getItem(key);
    if (!secret) {
      var bytes = new Uint8Array(24);
      crypto.getRandomValues(bytes);
      secret = Array.prototype.map
        .call(bytes, function (b) {
          return ('0' + b.toString(16)).slice(-2);
        })
        .join('');
      localStorage.setItem(key, secret);
    }
    return secret;
  }

  // The conversation of this browser before a reload: the page continues it, with its transcript.
  function earlierConversation() {
    try {
      var earlier = JSON.parse(localStorage.getItem(conversationKey) || 'null');
      return earlier && earlier.conversationId && earlier.token ? earlier : undefined;
    } catch (error) {
      return undefined;
    }
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = origin + '/webchat.js';
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  var session = fetch(origin + '/api/webchat/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userSecret(), locale: locale, earlier: earlierConversation(), linkOpened: start !== null }),
  }).then(function (response) {
    if (!response.ok) throw new Error('energobot token: HTTP ' + response.status);
    return response.json();
  });

  Promise.all([session, loadWebChat()])
    .then(function (results) {
      var chat = results[0];
      var earlier = earlierConversation();
      var continuing = earlier && earlier.conversationId === chat.conversationId;
      localStorage.setItem(conversationKey, JSON.stringify({ conversationId: chat.conversationId, token: chat.token }));
      var options = { token: chat.token, domain: chat.domain, webSocket: true };
      if (continuing) {
        options.conversationId = chat.conversationId;
        options.watermark = '0';
      }
      var directLine = window.WebChat.createDirectLine(options);
      var store;
      var render = function () {
        window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: locale === 'en' ? 'en-US' : 'ru-RU', styleOptions: chat.style }, target);
      };
      var tell = function () {
        target.dispatchEvent(new CustomEvent('energobot-locale', { detail: { locale: locale } }));
      };
      // Web Chat speaks the chat's language (its placeholder, its times), and the page is told.
      var follow = function (language) {
        if (language === locale || (language !== 'ru' && language !== 'en')) return;
        locale = language;
        render();
        tell();
      };
      // The link's task is asked for once connected; the address loses the token, so a reload does not ask again.
      store = window.WebChat.createStore({}, function (store) {
        return function (next) {
          return function (action) {
            var activity = action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity;
            // Only the bot's live replies say the chat's language now: a reloaded transcript's older ones do not.
            if (activity && activity.from && activity.from.role === 'bot' && activity.locale && activity.timestamp >= chat.since) {
              setTimeout(follow, 0, activity.locale.slice(0, 2).toLowerCase());
            }
            if (start && action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              var token = start;
              start = null;
              pageUrl.searchParams.delete('start');
              history.replaceState(null, '', pageUrl.toString());
              setTimeout(function () {
                store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'start', value: token } });
              }, 0);
            }
            return next(action);
          };
        };
      });
      target.addEventListener('energobot-choose-locale', function (event) {
        store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'language', value: event.detail.locale } });
      });
      // The chat's choice, as the server knows it, over the page's own language.
      var asked = locale;
      locale = chat.locale === 'en' ? 'en' : 'ru';
      render();
      if (locale !== asked) tell();
      target.setAttribute('data-energobot', 'ready');
      target.setAttribute('data-conversation', continuing ? 'continued' : 'new');
    })
    .catch(function (error) {
      target.setAttribute('data-energobot', 'unavailable');
      console.error(error);
    });
})();
