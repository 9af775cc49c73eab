// Runs in <head> so the remembered light/dark choice applies before the first paint (app.js wires the toggle).
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var theme = localStorage.getItem('kb-theme');
    if (theme === 'dark' || theme === 'light') { root.dataset.theme = theme; }
  } catch (e) { /* storage blocked: follow the system setting */ }
})();
