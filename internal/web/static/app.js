// Proximité: a little progressive enhancement. Every page works without
// it; with it, ticking a filter or choosing an order updates the results
// at once, and focus comes back to the control after the page reloads.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var key = "proximite-focus";
  var form = document.getElementById("search-form");
  if (!form) return;
  try {
    var id = sessionStorage.getItem(key);
    if (id) {
      sessionStorage.removeItem(key);
      var el = document.getElementById(id);
      if (el) el.focus();
    }
  } catch (e) { /* storage may be disabled: focus simply starts at the top */ }
  form.addEventListener("change", function (e) {
    var t = e.target;
    if (!t.matches(".facet input[type=checkbox], #sort")) return;
    try { sessionStorage.setItem(key, t.id); } catch (e2) { /* see above */ }
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
})();
