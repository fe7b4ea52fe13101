// Rådslag's own few lines of script; every page works without them.
"use strict";

// Lists filtered in place change the address without a page load, so the language form's
// "next", written when the page was rendered, would send the visitor back to the unfiltered
// list. The address as it is when the form is sent is the one to come back to.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form.classList && form.classList.contains("language-form") && form.elements.next) {
    form.elements.next.value = window.location.pathname + window.location.search;
  }
});

// A chart's table is printed under it. The print style sheet shows the content of a closed
// <details class="chart-table"> where the browser knows ::details-content; elsewhere the
// tables are opened for printing and closed again afterwards.
var openedForPrint = [];
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.chart-table:not([open])").forEach(function (details) {
    details.open = true;
    openedForPrint.push(details);
  });
});
window.addEventListener("afterprint", function () {
  openedForPrint.forEach(function (details) {
    details.open = false;
  });
  openedForPrint = [];
});
