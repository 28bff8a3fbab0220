// After an action on one question of the review round (move, use or decline a proposal) the page comes back at that
// question (#q-<key>); keyboard focus goes there too, so the consultant carries on where they were.
(function () {
  var id = window.location.hash.substring(1);
  var question = id.indexOf('q-') === 0 ? document.getElementById(id) : null;
  if (question) {
    question.setAttribute('tabindex', '-1');
    question.focus({preventScroll: false});
  }
})();
