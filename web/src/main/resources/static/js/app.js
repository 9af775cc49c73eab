// Progressive enhancement only: every page works without this file.
(function () {
  if (window.hljs) {
    document.querySelectorAll('pre > code[class*="language-"]').forEach(function (el) { window.hljs.highlightElement(el); });
  }
  if (window.mermaid && document.querySelector('pre.mermaid')) {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    window.mermaid.run({ querySelector: 'pre.mermaid' });
  }
})();
