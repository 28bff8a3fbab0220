// Starts Det Fælles Designsystem's components (accordions, details, navigation). No inline scripts: the
// Content-Security-Policy allows scripts from this origin only.
if (window.DKFDS && typeof window.DKFDS.init === 'function') {
  window.DKFDS.init();
}
