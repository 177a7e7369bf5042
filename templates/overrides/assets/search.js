// The search page, on Pagefind's JavaScript API. Pagefind loads only the parts of the index a
// query needs; this page adds about 2 KB on top, where Pagefind's ready-made UI adds 32 KB.
(function () {
  "use strict";
  var form = document.getElementById("bt-search");
  if (!form || !window.URL || !window.Promise) return;
  var input = document.getElementById("bt-search-input");
  var status = document.getElementById("bt-search-status");
  var list = document.getElementById("bt-search-results");
  var more = document.getElementById("bt-search-more");
  var PAGE = 5;  // results per batch: five fill a phone screen, and each costs a download
  var bundle = new URL("../pagefind/pagefind.js", document.currentScript.src);
  var engine = null;
  var shown = 0;
  var results = [];
  var generation = 0;  // bumped by every search, so late answers to an older one are dropped

  function pagefind() {
    if (!engine) {
      engine = import(bundle.href).then(function (module) {
        // result links are relative to where the site is served, not to the domain root
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () {
          return module;
        });
      });
    }
    return engine;
  }

  // Pagefind's excerpt is HTML with <mark> around the matched words. Only the text and the
  // marks are copied into the page, so the excerpt can never add markup of its own.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body.childNodes;
    Array.prototype.forEach.call(parsed, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    li.appendChild(heading);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    var current = generation;
    shown += batch.length;
    more.hidden = shown >= results.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      var first = null;
      if (current !== generation) return first;
      pages.forEach(function (data) {
        var li = list.appendChild(item(data));
        first = first || li;
      });
      return first;
    });
  }

  function search(term) {
    term = term.trim();
    var current = (generation += 1);
    var address = new URL(window.location.href);
    if (term) address.searchParams.set("q", term); else address.searchParams.delete("q");
    window.history.replaceState(null, "", address.href);
    if (!term) {
      results = [];
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = "Searching…";
    pagefind().then(function (module) {
      return module.debouncedSearch(term);
    }).then(function (found) {
      if (found === null || current !== generation) return;  // a newer search has started
      results = found.results;
      shown = 0;
      list.textContent = "";
      status.textContent = results.length
        ? results.length + (results.length === 1 ? " result" : " results") + " for “" + term + "”"
        : "No results for “" + term + "”. Try fewer or different words.";
      return showMore();
    }).catch(function () {
      status.textContent = "Search is not available just now. You can still browse the stories and the support directory.";
    });
  }

  form.hidden = false;
  document.getElementById("bt-search-nojs").hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("focus", function () { pagefind(); }, { once: true });
  more.addEventListener("click", function () {
    showMore().then(function (first) {
      if (first) first.querySelector("a").focus();  // keyboard users continue where the new results start
    });
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
})();
