// Filters for the stance matrix, in the page itself (no server): by kind of actor, by issue,
// and hiding the rows that hold no position on the issues shown. The matrix is a plain table
// that reads without this script; the script only adds the filters above it. Material's
// instant navigation swaps pages without reloading scripts, so they are added on each page
// change through Material's `document$`.
(function () {
  "use strict";

  function checkbox(text, checked, onChange) {
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", onChange);
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }

  function fieldset(legend, labels) {
    var set = document.createElement("fieldset");
    var caption = document.createElement("legend");
    caption.textContent = legend;
    set.appendChild(caption);
    labels.forEach(function (label) {
      set.appendChild(label);
    });
    return set;
  }

  function filter(matrix, state) {
    matrix.querySelectorAll("[data-issue]").forEach(function (cell) {
      cell.hidden = state.issues[cell.dataset.issue] === false;
    });
    matrix.querySelectorAll("tbody tr").forEach(function (row) {
      var shown = row.querySelectorAll("td:not([hidden]):not(.matrix__cell--empty)");
      row.hidden =
        state.kinds[row.dataset.kind] === false || (state.hideEmpty && shown.length === 0);
    });
  }

  function setUp(matrix) {
    if (matrix.dataset.filters) {
      return;
    }
    matrix.dataset.filters = "on";
    var state = { kinds: {}, issues: {}, hideEmpty: false };
    var update = function () {
      filter(matrix, state);
    };
    var kinds = matrix.dataset.kinds.split(" ").filter(Boolean);
    var kindBoxes = kinds.map(function (kind) {
      return checkbox(kind, true, function (event) {
        state.kinds[kind] = event.target.checked;
        update();
      });
    });
    var issueBoxes = Array.prototype.map.call(
      matrix.querySelectorAll("thead th[data-issue]"),
      function (header) {
        var issue = header.dataset.issue;
        return checkbox(header.textContent.trim(), true, function (event) {
          state.issues[issue] = event.target.checked;
          update();
        });
      }
    );
    var empty = checkbox("hide rows without a position", false, function (event) {
      state.hideEmpty = event.target.checked;
      update();
    });
    var filters = document.createElement("details");
    var summary = document.createElement("summary");
    var body = document.createElement("div");
    filters.className = "matrix__filters";
    summary.textContent = "Filter the matrix";
    if (kinds.length > 1) {
      body.appendChild(fieldset("Actors", kindBoxes));
    }
    body.appendChild(fieldset("Issues", issueBoxes));
    body.appendChild(empty);
    filters.appendChild(summary);
    filters.appendChild(body);
    matrix.insertBefore(filters, matrix.firstChild);
  }

  function mount() {
    document.querySelectorAll(".matrix[data-kinds]").forEach(setUp);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
