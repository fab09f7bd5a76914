/**
 * The conversation page's own script, inline (the desk serves no script files): every 3 seconds it
 * asks `/desk/live/:id/messages?after=N` and appends what is new, so the operator reads the
 * customer without reloading, and what she is typing stays where it is. Everything from the JSON
 * goes in as text (`textContent`, never as markup): the customer's words are the customer's.
 * A failed poll only says so and tries again. When the conversation ends, the form stays (its
 * words can be copied) but cannot send; a page without the form (read only) simply reloads when
 * the conversation changes hands or ends, as there is nothing typed on it to lose.
 */
export const livePollScript = `(function () {
  var box = document.getElementById('live-messages');
  if (!box || !window.fetch) return;
  var after = Number(box.dataset.after) || 0;
  var status = box.dataset.status;
  var note = document.getElementById('live-poll');
  function link(url, child) {
    var a = document.createElement('a');
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener';
    a.appendChild(child);
    return a;
  }
  function files(list) {
    var ul = document.createElement('ul');
    ul.className = 'files';
    list.forEach(function (file) {
      if (String(file.url).indexOf('/desk/files/') !== 0) return;
      var li = document.createElement('li');
      if (String(file.mime).indexOf('image/') === 0) {
        var img = document.createElement('img');
        img.className = 'thumb';
        img.src = file.url;
        img.alt = file.name;
        li.appendChild(link(file.url, img));
      }
      li.appendChild(link(file.url, document.createTextNode(file.name)));
      ul.appendChild(li);
    });
    return ul;
  }
  function add(message) {
    if (message.id <= after) return;
    after = message.id;
    if (box.querySelector('[data-id="' + message.id + '"]')) return;
    var div = document.createElement('div');
    div.className = 'message ' + (message.from === 'operator' ? 'operator' : 'customer');
    div.setAttribute('data-id', String(message.id));
    var small = document.createElement('small');
    small.textContent = message.signature;
    div.appendChild(small);
    div.appendChild(document.createTextNode('\\n' + message.text));
    if (message.files.length > 0) div.appendChild(files(message.files));
    box.appendChild(div);
  }
  function ended() {
    var strong = document.querySelector('#live-status strong');
    if (strong) strong.textContent = box.dataset.ended;
    var send = document.getElementById('live-send');
    if (send) send.disabled = true;
    var end = document.getElementById('live-end');
    if (end) end.hidden = true;
  }
  function changed(now) {
    if (now === status) return;
    // Loaded afresh by its address: this page may be the answer to a refused form, which a reload would post again.
    if (!document.getElementById('live-text')) return window.location.assign(box.dataset.page);
    status = now;
    if (now === 'ended') ended();
  }
  function poll() {
    fetch(box.dataset.poll + '?after=' + after, { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (response) {
        var type = response.headers.get('content-type') || '';
        if (!response.ok || type.indexOf('application/json') !== 0) throw new Error('no messages');
        return response.json();
      })
      .then(function (answer) {
        note.textContent = '';
        answer.messages.forEach(add);
        changed(answer.status);
      })
      .catch(function () {
        note.textContent = box.dataset.failed;
      })
      .then(function () {
        if (status !== 'ended') window.setTimeout(poll, 3000);
      });
  }
  if (status !== 'ended') window.setTimeout(poll, 3000);
})();`;
