/* Small progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  // Print buttons are hidden in the markup because they do nothing without JavaScript.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
