// The territory report's print button: it shows only where scripts run
// (the page says how to print otherwise) and opens the browser's print
// dialog, from which the report can also be saved as PDF.
(function () {
  "use strict";
  var buttons = document.querySelectorAll(".print-button");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
