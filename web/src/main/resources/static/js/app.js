// Progressive enhancement only: every page works without this file. No framework, no network beyond this app.
(function () {
  'use strict';
  var root = document.documentElement;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function toggle(label, pressed, onChange) {
    var b = el('button', 'secondary small', label);
    b.type = 'button';
    b.setAttribute('aria-pressed', String(pressed));
    b.addEventListener('click', function () {
      var now = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(now));
      onChange(now);
    });
    return b;
  }

  // Syntax colouring, after the first paint: highlight.js's core (about 20 KB, cut from the WebJar's bundle by the
  // server) and only the grammars this page's code blocks name, each a few KB. kbEnhance re-runs it on new content.
  // A block in a language highlight.js does not know stays plain (data-highlighted="no").
  var HLJS = '/webjars/highlightjs/11.11.1/';
  var ALIASES = { golang: 'go', js: 'javascript', jsx: 'javascript', mjs: 'javascript', ts: 'typescript', tsx: 'typescript',
    sh: 'bash', zsh: 'bash', console: 'shell', yml: 'yaml', py: 'python', kt: 'kotlin', kts: 'kotlin', rs: 'rust',
    'c++': 'cpp', cc: 'cpp', hpp: 'cpp', h: 'c', html: 'xml', xhtml: 'xml', svg: 'xml', md: 'markdown', rb: 'ruby',
    cs: 'csharp', 'c#': 'csharp', ps1: 'powershell', proto: 'protobuf', toml: 'ini', postgresql: 'pgsql',
    psql: 'pgsql', docker: 'dockerfile', patch: 'diff', text: 'plaintext', txt: 'plaintext' };
  var fetched = {}; // script URL -> 'loading' | 'done' (loaded or failed: either way not asked again)
  function fetchScript(url) {
    if (fetched[url]) { return; }
    fetched[url] = 'loading';
    var s = document.createElement('script');
    s.src = url;
    s.onload = s.onerror = function () { fetched[url] = 'done'; highlight(document); };
    document.head.appendChild(s);
  }
  function grammar(code) {
    var m = /(?:^|\s)language-(\S{1,40})/.exec(code.className);
    var name = m ? m[1].toLowerCase() : '';
    name = ALIASES[name] || name;
    return /^[a-z0-9][a-z0-9-]*$/.test(name) ? name : null;
  }
  function highlight(scope) {
    var blocks = scope.querySelectorAll('pre > code[class*="language-"]:not([data-highlighted])');
    if (!blocks.length) { return; }
    if (!window.hljs) { fetchScript(HLJS + 'core.min.js'); return; }
    blocks.forEach(function (c) {
      var name = grammar(c);
      var url = name && HLJS + 'languages/' + name + '.min.js';
      if (name && window.hljs.getLanguage(name)) {
        c.innerHTML = window.hljs.highlight(c.textContent, { language: name, ignoreIllegals: true }).value;
        c.classList.add('hljs');
        c.dataset.highlighted = 'yes';
      } else if (!name || fetched[url] === 'done') {
        c.dataset.highlighted = 'no';
      } else {
        fetchScript(url);
      }
    });
  }
  window.kbEnhance = function (scope) {
    highlight(scope);
    if (window.mermaid && scope.querySelector('pre.mermaid')) {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      window.mermaid.run({ nodes: scope.querySelectorAll('pre.mermaid:not([data-processed])') });
    }
  };
  window.kbEnhance(document);

  // Light/dark: follows the system until the reader chooses; the choice is remembered in this browser.
  var themeButton = document.getElementById('theme-toggle');
  if (themeButton) {
    var dark = function () {
      return root.dataset.theme ? root.dataset.theme === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
    };
    var label = function () {
      themeButton.setAttribute('aria-pressed', String(dark()));
      themeButton.textContent = dark() ? 'Light mode' : 'Dark mode';
    };
    themeButton.hidden = false;
    label();
    themeButton.addEventListener('click', function () {
      root.dataset.theme = dark() ? 'light' : 'dark';
      try { localStorage.setItem('kb-theme', root.dataset.theme); } catch (e) { /* not remembered, still applied */ }
      label();
    });
  }

  // Keyboard: "/" search, "j"/"k" move through a list, "?" the sheet of shortcuts, Esc closes it.
  var rows = Array.prototype.slice.call(document.querySelectorAll(
    'tr.incident-row, tr.review-row, tr.checklist-row, #recent > li, li.revision'));
  var current = -1;
  function move(step) {
    if (!rows.length) { return; }
    if (current >= 0) { rows[current].classList.remove('current'); }
    current = Math.max(0, Math.min(rows.length - 1, current + step));
    var row = rows[current];
    row.classList.add('current');
    var link = row.querySelector('a[href]');
    if (link) { link.focus(); }
    row.scrollIntoView({ block: 'nearest' });
  }
  var sheet = null;
  function shortcuts() {
    if (!sheet) {
      sheet = el('dialog', 'shortcuts');
      sheet.setAttribute('aria-labelledby', 'shortcuts-title');
      var h = el('h2', null, 'Keyboard shortcuts');
      h.id = 'shortcuts-title';
      sheet.appendChild(h);
      var dl = el('dl');
      [['/', 'Search'], ['j', 'Next item in a list'], ['k', 'Previous item in a list'], ['Enter', 'Open the selected item'],
        ['Ctrl/⌘ Enter', 'Preview (editor)'], ['Ctrl/⌘ S', 'Save (editor)'], ['?', 'This list'], ['Esc', 'Close']]
        .forEach(function (k) { var dt = el('dt'); dt.appendChild(el('kbd', null, k[0])); dl.appendChild(dt); dl.appendChild(el('dd', null, k[1])); });
      sheet.appendChild(dl);
      var close = el('button', 'secondary', 'Close');
      close.type = 'button';
      close.addEventListener('click', function () { sheet.close(); });
      sheet.appendChild(close);
      document.body.appendChild(sheet);
    }
    if (!sheet.open) { sheet.showModal(); }
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) { return; }
    if (e.key === '/') {
      var q = document.querySelector('form[role=search] input[name=q]');
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    } else if (e.key === '?') {
      e.preventDefault();
      shortcuts();
    } else if (e.key === 'j' || e.key === 'k') {
      if (rows.length) { e.preventDefault(); move(e.key === 'j' ? 1 : -1); }
    }
  });

  // Filters apply as soon as they change; the Apply button is only needed without JavaScript.
  document.querySelectorAll('form.filters[data-auto]').forEach(function (form) {
    var apply = form.querySelector('button[type=submit]');
    if (apply) { apply.hidden = true; }
    form.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
  });

  // Before/after pairs: switch between the diff and the two full listings, wrap long lines.
  document.querySelectorAll('.run-pair[data-view]').forEach(function (pair) {
    var tools = el('div', 'pair-tools');
    var diffButton = toggle('Diff view', true, function (on) { pair.dataset.view = on ? 'diff' : 'code'; });
    tools.appendChild(diffButton);
    tools.appendChild(toggle('Wrap long lines', false, function (on) {
      pair.querySelectorAll('pre, .code-diff').forEach(function (p) { p.classList.toggle('wrap', on); });
    }));
    pair.insertBefore(tools, pair.firstChild);
    // editing happens in the full listing
    pair.addEventListener('click', function (e) {
      if (e.target.closest('.run-bar button.secondary') && pair.dataset.view === 'diff') {
        pair.dataset.view = 'code';
        diffButton.setAttribute('aria-pressed', 'false');
      }
    });
  });
  document.querySelectorAll('figure.runnable > pre').forEach(function (pre) {
    if (pre.closest('.run-pair[data-view]')) { return; }
    var bar = pre.parentNode.querySelector('figcaption');
    if (bar) { bar.appendChild(toggle('Wrap', false, function (on) { pre.classList.toggle('wrap', on); })); }
  });

  // Code that scrolls sideways must be reachable by keyboard to be scrolled.
  document.querySelectorAll('main pre:not([tabindex])').forEach(function (pre) {
    if (pre.scrollWidth > pre.clientWidth) { pre.tabIndex = 0; }
  });

  // A run result appears above its code; bring it into view when it starts to fill.
  if (window.MutationObserver) {
    var watch = function (panel) {
      var filled = panel.childNodes.length > 0;
      new MutationObserver(function () {
        var now = panel.childNodes.length > 0;
        if (now && !filled) {
          var r = panel.getBoundingClientRect();
          if (r.top < 0 || r.top > window.innerHeight - 80) { panel.scrollIntoView({ block: 'center', behavior: 'smooth' }); }
        }
        filled = now;
      }).observe(panel, { childList: true });
    };
    document.querySelectorAll('.run-slot').forEach(function (slot) {
      new MutationObserver(function (changes, obs) {
        var panel = slot.querySelector('.run-result');
        if (panel) { obs.disconnect(); watch(panel); }
      }).observe(slot, { childList: true, subtree: true });
      var existing = slot.querySelector('.run-result');
      if (existing) { watch(existing); }
    });
  }

  // The table of contents marks the section being read.
  var toc = document.querySelectorAll('.toc a[href^="#"]');
  if (toc.length && window.IntersectionObserver) {
    var links = {};
    toc.forEach(function (a) { links[a.getAttribute('href').slice(1)] = a; });
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (en.isIntersecting && links[en.target.id]) {
          toc.forEach(function (a) { a.classList.remove('here'); a.removeAttribute('aria-current'); });
          links[en.target.id].classList.add('here');
          links[en.target.id].setAttribute('aria-current', 'location');
        }
      });
    }, { rootMargin: '0px 0px -70% 0px' });
    Object.keys(links).forEach(function (id) { var s = document.getElementById(id); if (s) { seen.observe(s); } });
  }
})();
