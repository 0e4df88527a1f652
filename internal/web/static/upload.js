// Proximité: the library's upload form says at once when a file is over
// the limit, instead of sending megabytes for the server to refuse. The
// server checks again, and the form works without this script.
(function () {
  "use strict";
  var input = document.querySelector("input[type=file][data-max-bytes]");
  if (!input) return;
  var max = Number(input.getAttribute("data-max-bytes"));
  function check() {
    var f = input.files && input.files[0];
    input.setCustomValidity(f && f.size > max ? input.getAttribute("data-too-large") : "");
  }
  input.addEventListener("change", function () {
    check();
    input.reportValidity();
  });
  input.form.addEventListener("submit", function (e) {
    check();
    if (!input.checkValidity()) {
      e.preventDefault();
      input.reportValidity();
    }
  });
})();
