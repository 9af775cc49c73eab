// The postmortem editor: line numbers beside the text, problem lines marked in the gutter, and each
// problem in the list jumps to its line. The form works without this file; it only helps.
(function () {
  'use strict';
  var area = document.getElementById('text');
  var gutter = document.querySelector('[data-editor] .gutter');
  if (!area || !gutter) {
    return;
  }
  var problemLines = {};
  document.querySelectorAll('#problems .problem[data-line]').forEach(function (li) {
    problemLines[li.getAttribute('data-line')] = true;
  });

  var shown = -1;
  function renumber(force) {
    var count = area.value.split('\n').length;
    if (count === shown && force !== true) {
      return;
    }
    shown = count;
    var fragment = document.createDocumentFragment();
    for (var i = 1; i <= count; i++) {
      var span = document.createElement('span');
      span.textContent = String(i);
      span.setAttribute('data-line', String(i));
      if (problemLines[String(i)]) {
        span.className = 'has-problem';
      }
      fragment.appendChild(span);
      fragment.appendChild(document.createTextNode('\n'));
    }
    gutter.textContent = '';
    gutter.appendChild(fragment);
    sync();
  }

  function sync() {
    gutter.scrollTop = area.scrollTop;
  }

  function lineHeight() {
    var h = parseFloat(window.getComputedStyle(area).lineHeight);
    return isNaN(h) ? 18 : h;
  }

  /** Selects line `line` (1-based) of the text, from `column` when given, and scrolls it into view. */
  function jump(line, column) {
    var lines = area.value.split('\n');
    var target = Math.min(Math.max(line, 1), lines.length);
    var start = 0;
    for (var i = 0; i < target - 1; i++) {
      start += lines[i].length + 1;
    }
    var end = start + lines[target - 1].length;
    var from = column > 0 ? Math.min(start + column - 1, end) : start;
    area.focus();
    area.setSelectionRange(from, end);
    area.scrollTop = Math.max(0, (target - 4) * lineHeight());
    area.setAttribute('data-current-line', String(target));
    sync();
  }

  area.addEventListener('input', function () { renumber(); });
  area.addEventListener('scroll', sync);
  document.querySelectorAll('a.problem-line').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      jump(parseInt(link.getAttribute('data-line'), 10) || 1, parseInt(link.getAttribute('data-column') || '0', 10));
    });
  });
  gutter.addEventListener('click', function (event) {
    var line = event.target && event.target.getAttribute && event.target.getAttribute('data-line');
    if (line) {
      jump(parseInt(line, 10), 0);
    }
  });
  renumber();

  // Before sending, fetch the form's page again for the current session's CSRF token: after signing
  // in again in another tab, the token this page was rendered with is no longer valid.
  var form = document.getElementById('editor-form');
  var tokenField = form && form.querySelector('input[name=_csrf]');
  var fresh = false;
  if (form && tokenField && form.requestSubmit && window.fetch && window.DOMParser) {
    form.addEventListener('submit', function (event) {
      if (fresh) {
        return;
      }
      event.preventDefault();
      var submitter = event.submitter;
      var send = function () {
        fresh = true;
        form.requestSubmit(submitter);
      };
      var timeout = new Promise(function (resolve) { window.setTimeout(resolve, 5000); });
      var refresh = window.fetch(form.getAttribute('action'), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          var meta = html && new window.DOMParser().parseFromString(html, 'text/html').querySelector('meta[name=csrf-token]');
          if (meta && meta.getAttribute('content')) {
            tokenField.value = meta.getAttribute('content');
          }
        })
        .catch(function () { /* send with the token we have; the server keeps the text either way */ });
      Promise.race([refresh, timeout]).then(send);
    });
  }

  // Live preview: after a pause in typing, the server renders the text exactly as Preview does; its problems
  // replace the list and mark the gutter. Ctrl/Cmd+Enter previews now, Ctrl/Cmd+S saves, and leaving with
  // unsaved text asks first.
  var pane = document.getElementById('live-preview');
  var problems = document.getElementById('problems');
  var layout = document.querySelector('.editor-layout');
  var saved = area.value;
  var submitting = false;
  if (form) {
    form.addEventListener('submit', function () { submitting = true; });
  }
  window.addEventListener('beforeunload', function (event) {
    if (!submitting && area.value !== saved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  function button(value) {
    return form && form.querySelector('button[name=action][value=' + value + ']');
  }
  if (!pane || !form || !window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }
  var body = pane.querySelector('.live-body');
  var state = document.getElementById('live-state');
  pane.hidden = false;
  layout.classList.add('live');
  var timer = 0;
  var sequence = 0;
  var busy = false;
  var again = false;
  function refresh() {
    window.clearTimeout(timer);
    if (busy) { again = true; return; }
    busy = true;
    var mine = ++sequence;
    var data = new window.FormData(form);
    data.set('action', 'preview');
    data.delete('file');
    state.textContent = 'updating…';
    window.fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'X-Live-Preview': '1' } })
      .then(function (r) { return r.text().then(function (html) { return { status: r.status, html: html }; }); })
      .then(function (r) {
        if (mine !== sequence) { return; }
        var doc = new window.DOMParser().parseFromString(r.html, 'text/html');
        var article = doc.querySelector('#preview article.incident');
        var list = doc.getElementById('problems');
        var notice = doc.getElementById('notice');
        if (list && (article || doc.querySelector('#problems .problem')) && problems.innerHTML !== list.innerHTML) {
          problems.innerHTML = list.innerHTML;
          problemLines = {};
          problems.querySelectorAll('.problem[data-line]').forEach(function (li) { problemLines[li.getAttribute('data-line')] = true; });
          wireProblems();
          renumber(true);
        }
        if (article) {
          var old = document.getElementById('preview');
          if (old) { old.remove(); }
          body.textContent = '';
          body.appendChild(document.importNode(article, true));
          pane.classList.remove('stale');
          state.textContent = '';
          if (window.kbEnhance) { window.kbEnhance(body); }
        } else {
          pane.classList.add('stale');
          state.textContent = notice ? '— ' + notice.textContent.trim() : '— fix the problems to update';
        }
      })
      .catch(function () { pane.classList.add('stale'); state.textContent = '— could not reach the server'; })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  function wireProblems() {
    problems.querySelectorAll('a.problem-line').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        jump(parseInt(link.getAttribute('data-line'), 10) || 1, parseInt(link.getAttribute('data-column') || '0', 10));
      });
    });
  }
  area.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 700);
  });
  document.addEventListener('keydown', function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) { return; }
    if (event.key === 'Enter') {
      event.preventDefault();
      // a page that already shows the server's verdict on this text (its problems or its preview) needs no request
  if (!document.querySelector('#problems .problem') && !document.getElementById('preview')) {
    refresh();
  } else {
    state.textContent = '— appears as you type';
  }
    } else if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      var save = button('save');
      if (save) { form.requestSubmit(save); }
    }
  });
  // a page that already shows the server's verdict on this text (its problems or its preview) needs no request
  if (!document.querySelector('#problems .problem') && !document.getElementById('preview')) {
    refresh();
  } else {
    state.textContent = '— appears as you type';
  }
})();
