// Narrows the support directory by kind of support, region and free text. The list works
// without this script; the form stays hidden unless the script runs. The filter is kept in the
// address (?q=…&category=…&region=…), so a filtered view can be shared and bookmarked, and a
// page opened from such a link starts filtered.
(function () {
  "use strict";
  var form = document.getElementById("bt-filter");
  var list = document.getElementById("bt-directory");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-categories]"));
  var text = form.elements.q, category = form.elements.category, region = form.elements.region;
  var count = document.getElementById("bt-filter-count");

  function has(ids, id) {
    return (" " + ids + " ").indexOf(" " + id + " ") >= 0;
  }
  // Words match what the item shows and what it is (its kinds of support and regions, which
  // a listing names only in part); data-regions holds every region the service serves.
  function matches(item) {
    var words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var content = (item.textContent + " " + (item.dataset.terms || "")).toLowerCase();
    return (!category.value || has(item.dataset.categories, category.value)) &&
      (!region.value || has(item.dataset.regions, region.value)) &&
      words.every(function (w) { return content.indexOf(w) >= 0; });
  }

  function remember() {
    if (!window.history || !window.history.replaceState || !window.URL) return;
    var address = new URL(window.location.href);
    [["q", text.value.trim()], ["category", category.value], ["region", region.value]]
      .forEach(function (pair) {
        if (pair[1]) address.searchParams.set(pair[0], pair[1]);
        else address.searchParams.delete(pair[0]);
      });
    window.history.replaceState(null, "", address.href);
  }

  function update() {
    var shown = 0;
    items.forEach(function (item) {
      var show = matches(item);
      item.hidden = !show;
      if (show) shown += 1;
    });
    count.textContent = shown === items.length ? "" :
      shown + " of " + items.length + " services shown";
    remember();
  }

  // A shared link's filter, where the page has such an option (an old link may name one no
  // longer offered: it is ignored rather than hiding everything).
  function restore() {
    if (!window.URLSearchParams) return;
    var params = new URLSearchParams(window.location.search);
    text.value = params.get("q") || "";
    [[category, params.get("category")], [region, params.get("region")]].forEach(function (pair) {
      var wanted = pair[1] || "";
      var offered = Array.prototype.some.call(pair[0].options, function (option) {
        return option.value === wanted;
      });
      pair[0].value = offered ? wanted : "";
    });
  }

  form.hidden = false;
  restore();
  update();
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
})();
