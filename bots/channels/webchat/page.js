// The bot's own chat page (`/`): its header follows the chat's language, and its language link
// chooses the chat's language (as /language would), so the page and the bot never disagree.
(function () {
  var texts = JSON.parse(document.getElementById('energobot-page-texts').textContent);
  var target = document.getElementById('energobot');
  var link = document.getElementById('energobot-language');

  // The page's texts in the chat's language; the cookie makes the next load (and the bot's other pages) start in it.
  function apply(locale) {
    var own = texts[locale];
    if (!own) return;
    document.documentElement.lang = locale;
    document.title = own.title;
    document.querySelector('header h1').textContent = own.title;
    target.setAttribute('aria-label', own.title);
    document.querySelector('.unavailable').textContent = own.unavailable;
    link.textContent = own.link;
    link.lang = own.other;
    link.href = '?lang=' + own.other;
    document.cookie = 'energobot-lang=' + locale + '; path=/; max-age=31536000; samesite=lax';
  }

  target.addEventListener('energobot-locale', function (event) {
    apply(event.detail.locale);
  });

  // Once the chat is up, the link asks the bot; the page follows the bot's answer. Before that it is a plain link.
  link.addEventListener('click', function (event) {
    if (target.getAttribute('data-energobot') !== 'ready') return;
    event.preventDefault();
    target.dispatchEvent(new CustomEvent('energobot-choose-locale', { detail: { locale: link.lang } }));
  });
})();
