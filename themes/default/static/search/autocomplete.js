// As-you-type suggestions for the search box, following the ARIA 1.2 combobox pattern
// (an editable combobox with list autocomplete): focus stays in the input, ArrowDown and
// ArrowUp move aria-activedescendant through the options, Enter opens the active one,
// Escape closes the list (or clears the box when it is already closed). The page works
// without it: the form submits to /search/ as usual. Built with DOM nodes
// (textContent), never innerHTML, so a title can never inject markup.
(function () {
  "use strict";

  function init(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var url = input.getAttribute("data-suggest-url");
    if (!list || !url || !window.fetch) { return; }
    var timer = null;
    var lastQuery = "";
    var active = -1;

    function options() { return list.querySelectorAll("[role=option]"); }

    function setActive(index) {
      var items = options();
      if (active >= 0 && items[active]) { items[active].setAttribute("aria-selected", "false"); }
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(open) {
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) { setActive(-1); }
    }

    function go(option) {
      if (option && option.getAttribute("data-url")) {
        window.location.href = option.getAttribute("data-url");
      }
    }

    function render(items) {
      setActive(-1);
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.id = list.id + "-" + index;
        option.setAttribute("data-url", item.url);
        option.textContent = item.title;
        list.appendChild(option);
      });
      show(items.length > 0);
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q === lastQuery) { return; }
      lastQuery = q;
      if (!q) { render([]); return; }
      window.fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value.trim() === q) { render(data.suggestions || []); }
        })
        .catch(function () { render([]); });
    }

    function move(step) {
      var count = options().length;
      if (!count) { return; }
      if (list.hidden) { show(true); }
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") {
        if (!list.hidden) { event.preventDefault(); show(false); }
        else if (input.value) { event.preventDefault(); input.value = ""; lastQuery = ""; render([]); }
      }
      else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        go(options()[active]);
      }
    });
    // mousedown rather than click: the input keeps focus, so blur does not close the list first.
    list.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { event.preventDefault(); go(option); }
    });
    input.addEventListener("blur", function () { show(false); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) { init(inputs[i]); }
  });
})();
