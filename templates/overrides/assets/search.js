// Starts Pagefind's search on the search page, and runs the query from ?q= if there is one.
// Pagefind loads only the parts of the index that a query needs.
(function () {
  "use strict";
  var element = document.getElementById("bt-search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#bt-search",
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "Search stories and support" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
