// Narrows the support directory by kind of support, region and free text. The list works
// without this script; the form stays hidden unless the script runs.
(function () {
  "use strict";
  var form = document.getElementById("bt-filter");
  var list = document.getElementById("bt-directory");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-categories]"));
  var text = form.elements.q, category = form.elements.category, region = form.elements.region;
  var count = document.getElementById("bt-filter-count");
  function matches(item) {
    var words = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var content = item.textContent.toLowerCase();
    var inRegion = !region.value ||
      (" " + item.dataset.regions + " ").indexOf(" " + region.value + " ") >= 0 ||
      (" " + item.dataset.regions + " ").indexOf(" national ") >= 0;
    return (!category.value || (" " + item.dataset.categories + " ").indexOf(" " + category.value + " ") >= 0) &&
      inRegion && words.every(function (w) { return content.indexOf(w) >= 0; });
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
  }
  form.hidden = false;
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
})();
