// Run buttons for reproductions, "Edit & run" for editors, and the scratch page.
// Everything is built with DOM calls and textContent: output is never parsed as HTML.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var editable = document.body.dataset.runEditable === 'true';
  var refusal = document.body.dataset.runRefusal || '';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function post(url, body) {
    var headers = { 'Accept': 'application/json' };
    if (csrf) { headers['X-CSRF-Token'] = csrf; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return { status: 'internal_error', message: 'HTTP ' + r.status }; })
          .then(function (j) { j.httpStatus = r.status; return j; });
      });
  }

  function show(panel, r) {
    panel.textContent = '';
    var ok = r.status === 'ok' && r.verdict !== 'fail';
    var head = el('p', 'run-head ' + (ok ? 'ok' : 'bad'));
    head.appendChild(el('strong', 'run-status', r.statusLabel || r.status || ('HTTP ' + r.httpStatus)));
    if (r.durationMillis !== undefined) { head.appendChild(el('span', 'muted', ' · ' + r.durationMillis + ' ms' + (r.cached ? ' (cached)' : ''))); }
    if (r.verdict === 'pass') { head.appendChild(el('span', 'verdict pass', ' · output matches')); }
    if (r.verdict === 'fail') { head.appendChild(el('span', 'verdict fail', ' · output differs')); }
    if (r.truncated) { head.appendChild(el('span', 'verdict fail', ' · output truncated')); }
    panel.appendChild(head);
    if (r.message) { panel.appendChild(el('p', 'run-message', r.message)); }
    (r.diagnostics || []).forEach(function (d) {
      panel.appendChild(el('p', 'run-diagnostic', (d.line ? 'line ' + d.line + (d.column ? ':' + d.column : '') + ': ' : '') + d.message));
    });
    if (r.stdout) { panel.appendChild(el('h4', null, 'stdout')); panel.appendChild(el('pre', 'run-stdout', r.stdout)); }
    if (r.stderr) { panel.appendChild(el('h4', null, 'stderr')); panel.appendChild(el('pre', 'run-stderr', r.stderr)); }
    if (r.verdict === 'fail' && r.diff) { panel.appendChild(el('h4', null, 'expected vs actual')); panel.appendChild(el('pre', 'run-diff', r.diff)); }
  }

  function running(panel, button) {
    var started = Date.now();
    panel.textContent = '';
    var p = el('p', 'run-progress', 'Running… 0.0 s');
    panel.appendChild(p);
    button.disabled = true;
    var timer = setInterval(function () { p.textContent = 'Running… ' + ((Date.now() - started) / 1000).toFixed(1) + ' s'; }, 100);
    return function () { clearInterval(timer); button.disabled = false; };
  }

  function wire(slot) {
    var id = slot.dataset.snippetId;
    if (!id || id === '0') { return; }
    var figure = slot.closest('figure');
    var code = figure.querySelector('pre code');
    var bar = el('div', 'run-bar');
    var run = el('button', 'run-button', 'Run');
    run.type = 'button';
    var panel = el('div', 'run-result');
    panel.setAttribute('aria-live', 'polite');
    var editor = null;
    run.addEventListener('click', function () {
      var done = running(panel, run);
      var call = editor ? post('/api/run', { source: editor.value }) : post('/api/snippets/' + id + '/run');
      call.then(function (r) { done(); show(panel, r); }, function (e) { done(); show(panel, { status: 'error', message: String(e) }); });
    });
    bar.appendChild(run);
    if (editable) {
      var edit = el('button', 'secondary', 'Edit & run');
      edit.type = 'button';
      edit.addEventListener('click', function () {
        if (editor) { return; }
        editor = el('textarea', 'code-input');
        editor.value = code.textContent;
        editor.rows = Math.min(30, code.textContent.split('\n').length + 1);
        editor.spellcheck = false;
        code.parentNode.replaceWith(editor);
        edit.disabled = true;
      });
      bar.appendChild(edit);
    } else if (refusal) {
      bar.appendChild(el('span', 'muted run-refusal', 'Edit & run is off: ' + refusal));
    }
    slot.appendChild(bar);
    slot.appendChild(panel);
  }

  document.querySelectorAll('.run-slot[data-snippet-id]').forEach(wire);

  document.querySelectorAll('.run-pair.side-by-side').forEach(function (pair) {
    var both = el('button', 'secondary run-both', 'Run before and after');
    both.type = 'button';
    both.addEventListener('click', function () {
      pair.querySelectorAll('.run-button').forEach(function (b) { b.click(); });
    });
    pair.parentNode.insertBefore(both, pair);
  });

  var scratch = document.getElementById('scratch-run');
  if (scratch) {
    scratch.addEventListener('click', function () {
      var panel = document.getElementById('scratch-result');
      var done = running(panel, scratch);
      post('/api/run', { source: document.getElementById('scratch-source').value })
        .then(function (r) { done(); show(panel, r); }, function (e) { done(); show(panel, { status: 'error', message: String(e) }); });
    });
  }
})();
