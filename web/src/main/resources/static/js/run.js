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
    // Diagnostics repeat the message with its place: show the message only when there are none.
    if (r.message && !(r.diagnostics || []).length) { panel.appendChild(el('p', 'run-message', r.message)); }
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

  // Streams a run of code the user may edit: output appears as it is printed, with the elapsed
  // time, and Stop kills the run. Falls back to the plain JSON call where streams are missing.
  function streamRun(panel, button, source, stop) {
    if (!window.ReadableStream || !window.TextDecoder) {
      var done0 = running(panel, button);
      return post('/api/run', { source: source }).then(function (r) { done0(); show(panel, r); },
        function (e) { done0(); show(panel, { status: 'error', message: String(e) }); });
    }
    var started = Date.now();
    panel.textContent = '';
    var progress = el('p', 'run-progress', 'Running… 0.0 s');
    var out = el('pre', 'run-stdout');
    var err = el('pre', 'run-stderr');
    panel.appendChild(progress);
    button.disabled = true;
    var timer = setInterval(function () { progress.textContent = 'Running… ' + ((Date.now() - started) / 1000).toFixed(1) + ' s'; }, 100);
    var runId = null;
    var onStop = function () {
      if (!runId) { return; }
      var headers = {};
      if (csrf) { headers['X-CSRF-Token'] = csrf; }
      fetch('/api/runs/' + encodeURIComponent(runId) + '/stop', { method: 'POST', headers: headers, credentials: 'same-origin' });
    };
    if (stop) { stop.hidden = false; stop.disabled = false; stop.onclick = onStop; }
    function finish() { clearInterval(timer); button.disabled = false; if (stop) { stop.hidden = true; stop.onclick = null; } }
    var headers = { 'Accept': 'application/x-ndjson', 'Content-Type': 'application/json' };
    if (csrf) { headers['X-CSRF-Token'] = csrf; }
    return fetch('/api/run/stream', { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ source: source }) })
      .then(function (r) {
        var type = r.headers.get('Content-Type') || '';
        if (!r.ok || type.indexOf('ndjson') < 0) {
          return r.json().catch(function () { return { status: 'internal_error', message: 'HTTP ' + r.status }; })
            .then(function (j) { j.httpStatus = r.status; finish(); show(panel, j); });
        }
        var reader = r.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        var result = null;
        function handle(line) {
          if (!line) { return; }
          var ev = JSON.parse(line);
          if (ev.event === 'started') { runId = ev.runId; }
          if (ev.event === 'output') {
            var target = ev.stream === 'stderr' ? err : out;
            if (!target.parentNode) { panel.appendChild(el('h4', null, ev.stream)); panel.appendChild(target); }
            target.appendChild(document.createTextNode(ev.text));
          }
          if (ev.event === 'result') { result = ev; }
        }
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) {
              handle(buffer);
              finish();
              show(panel, result || { status: 'internal_error', message: 'the run ended without a result' });
              return;
            }
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split('\n');
            buffer = lines.pop();
            lines.forEach(handle);
            return pump();
          });
        }
        return pump();
      }).catch(function (e) { finish(); show(panel, { status: 'error', message: String(e) }); });
  }

  function wire(slot) {
    var id = slot.dataset.snippetId;
    var figure = slot.closest('figure');
    if (!id || id === '0') {
      // A block without a stored id (Preview of an unsaved postmortem): editors run its text as typed.
      if (editable && figure && figure.querySelector('pre code')) { wirePreview(slot, figure); }
      return;
    }
    var code = figure.querySelector('pre code');
    var bar = el('div', 'run-bar');
    var run = el('button', 'run-button', 'Run');
    run.type = 'button';
    var panel = el('div', 'run-result');
    panel.setAttribute('aria-live', 'polite');
    var editor = null;
    var stop = el('button', 'secondary run-stop', 'Stop');
    stop.type = 'button';
    stop.hidden = true;
    run.addEventListener('click', function () {
      if (editor) { streamRun(panel, run, editor.value, stop); return; }
      var done = running(panel, run);
      post('/api/snippets/' + id + '/run')
        .then(function (r) { done(); show(panel, r); }, function (e) { done(); show(panel, { status: 'error', message: String(e) }); });
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
      bar.appendChild(stop);
    } else if (refusal) {
      bar.appendChild(el('span', 'muted run-refusal', 'Edit & run is off: ' + refusal));
    }
    slot.appendChild(bar);
    slot.appendChild(panel);
  }

  function wirePreview(slot, figure) {
    var code = figure.querySelector('pre code');
    var bar = el('div', 'run-bar');
    var run = el('button', 'run-button', 'Run');
    run.type = 'button';
    var stop = el('button', 'secondary run-stop', 'Stop');
    stop.type = 'button';
    stop.hidden = true;
    var panel = el('div', 'run-result');
    panel.setAttribute('aria-live', 'polite');
    run.addEventListener('click', function () { streamRun(panel, run, code.textContent, stop); });
    bar.appendChild(run);
    bar.appendChild(stop);
    slot.appendChild(bar);
    slot.appendChild(panel);
  }

  document.querySelectorAll('.run-slot').forEach(wire);

  document.querySelectorAll('.run-pair.side-by-side').forEach(function (pair) {
    var both = el('button', 'secondary run-both', 'Run before and after');
    both.type = 'button';
    both.addEventListener('click', function () {
      pair.querySelectorAll('.run-button').forEach(function (b) { b.click(); });
    });
    pair.parentNode.insertBefore(both, pair);
  });

  // Without JavaScript the scratch form posts to /sandbox and the page shows the final result.
  var form = document.getElementById('scratch-form');
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      streamRun(document.getElementById('scratch-result'), document.getElementById('scratch-run'),
        document.getElementById('scratch-source').value, document.getElementById('scratch-stop'));
    });
  }
})();
