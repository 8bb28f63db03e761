// Mounts Pagefind's search UI on the full-text search page. The index and the UI live in
// pagefind/ at the root of the built site (made by `briefing build`); a large site's index
// comes in parts, listed in pagefind/parts.json and merged into one search. Everything is
// fetched from this site only. Material's instant navigation swaps pages without reloading
// scripts, so the UI is mounted on each page change through Material's `document$`. The page
// runs the search in its address, `?text=words`: not `?q=`, which opens Material's own search
// box over the page.
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);
  var bundle = new URL("pagefind/", root);
  var loading = null;

  function parts() {
    return fetch(new URL("parts.json", bundle).href).then(
      function (response) {
        return response.ok ? response.json() : { parts: [] };
      },
      function () {
        return { parts: [] };
      }
    );
  }

  function load() {
    if (loading === null) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = new URL("pagefind-ui.css", bundle).href;
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = new URL("pagefind-ui.js", bundle).href;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // Pagefind's box has only a placeholder: give it a name that screen readers announce.
  function label(element) {
    var input = element.querySelector("input");
    if (input !== null) {
      input.setAttribute("aria-label", "Search the full text of the site");
    }
  }

  function mount() {
    var element = document.getElementById("pagefind-search");
    if (element === null || element.dataset.mounted) {
      return;
    }
    element.dataset.mounted = "true";
    Promise.all([load(), parts()]).then(
      function (loaded) {
        var ui = new PagefindUI({
          element: element,
          bundlePath: bundle.pathname,
          baseUrl: root.pathname,
          mergeIndex: loaded[1].parts.map(function (part) {
            return { bundlePath: new URL(part, bundle).pathname };
          }),
          showSubResults: true,
          showImages: false,
          autofocus: true,
        });
        label(element);
        var query = new URLSearchParams(window.location.search).get("text");
        if (query) {
          ui.triggerSearch(query);
        }
      },
      function () {
        element.textContent =
          "This copy of the site has no full-text index: build it with 'briefing build'.";
      }
    );
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
