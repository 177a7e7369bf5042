// The search page. The index is split into small files (generator/search_index.py): a search
// downloads the list of chunks, the chunks holding its words, and the five pages it shows.
(function () {
  "use strict";
  var form = document.getElementById("bt-search");
  if (!form || !window.URL || !window.Promise || !window.fetch) return;
  var input = document.getElementById("bt-search-input");
  var status = document.getElementById("bt-search-status");
  var list = document.getElementById("bt-search-results");
  var more = document.getElementById("bt-search-more");
  var PAGE = 5;  // results per batch: five fill a phone screen, and each costs a download
  var CONTEXT = 30;  // words of a page shown around the first match
  var root = new URL("../", document.currentScript.src);  // the site's root, under any path
  var base = new URL("search-index/", root);
  var meta = null;
  var chunks = {};
  var shown = 0;
  var results = [];
  var terms = [];
  var generation = 0;  // bumped by every search, so late answers to an older one are dropped
  var typing = 0;

  // Exactly as generator/search_index.py's words(): lower case, accents off, letters and
  // digits only, one-letter words left out.
  var SPLIT = /[^\p{L}\p{N}]+/u;
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }
  function words(text) {
    return fold(text).split(SPLIT).filter(function (word) { return Array.from(word).length > 1; });
  }

  function json(path) {
    var url = new URL(path, base);
    if (meta && meta.tag) url.searchParams.set("v", meta.tag);  // a new build, new addresses: no stale files
    return fetch(url.href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url.href);
      return response.json();
    });
  }

  function loadMeta() {
    if (!meta) {
      meta = json("meta.json").then(function (data) { meta = data; return data; },
        function (error) { meta = null; throw error; });
    }
    return Promise.resolve(meta);
  }

  function chunk(number) {
    if (!chunks[number]) {
      chunks[number] = json("words/" + number + ".json").catch(function (error) {
        delete chunks[number];
        throw error;
      });
    }
    return chunks[number];
  }

  // The chunks that can hold ``term`` or, for terms of three letters or more, words that
  // start with it ("walk" also finds "walking"): at most four, so a short term stays cheap.
  // Chunks are in UTF-16 order, as JavaScript compares strings.
  function chunksFor(term) {
    var firsts = meta.chunks;
    if (!firsts.length) return [];
    var low = 0, high = firsts.length - 1, start = 0;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= term) { start = middle; low = middle + 1; } else { high = middle - 1; }
    }
    var wanted = [start];
    if (term.length >= 3) {
      for (var next = start + 1; next < firsts.length && next < start + 4; next++) {
        if (firsts[next].lastIndexOf(term, 0) !== 0) break;
        wanted.push(next);
      }
    }
    return wanted;
  }

  function matches(word, term) {
    return word === term || (term.length >= 3 && word.lastIndexOf(term, 0) === 0);
  }

  // Each page's score for one term: rarer words and more uses score higher (BM25 without
  // length), an exact word higher than a longer word that starts with the term.
  function scores(term, loaded) {
    var found = {};
    loaded.forEach(function (held) {
      Object.keys(held).forEach(function (word) {
        if (!matches(word, term)) return;
        var entries = held[word];
        var weight = Math.log(1 + meta.pages / (entries.length / 2)) * (word === term ? 1 : 0.7);
        for (var i = 0, page = 0; i < entries.length; i += 2) {
          page += entries[i];
          var uses = entries[i + 1];
          found[page] = (found[page] || 0) + weight * uses * 2.2 / (uses + 1.2);
        }
      });
    });
    return found;
  }

  function find(query) {
    return loadMeta().then(function () {
      var wanted = words(query).filter(function (term, i, all) { return all.indexOf(term) === i; });
      if (!wanted.length) return { terms: [], pages: [] };
      return Promise.all(wanted.map(function (term) {
        return Promise.all(chunksFor(term).map(chunk)).then(function (loaded) {
          return scores(term, loaded);
        });
      })).then(function (perTerm) {
        // every word of the query must be on the page
        var pages = Object.keys(perTerm[0]).filter(function (page) {
          return perTerm.every(function (found) { return page in found; });
        }).map(function (page) {
          var total = perTerm.reduce(function (sum, found) { return sum + found[page]; }, 0);
          return { page: Number(page), score: total };
        });
        pages.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
        return { terms: wanted, pages: pages.map(function (p) { return p.page; }) };
      });
    });
  }

  // CONTEXT words around the first word that matches, with every match marked. Built from
  // text nodes and <mark> elements only: nothing in the index is ever read as markup.
  function excerpt(text) {
    var paragraph = document.createElement("p");
    var parts = text.split(/([^\p{L}\p{N}\p{M}]+)/u);  // words at even places, gaps at odd
    var hit = function (part) {
      var folded = fold(part);
      return terms.some(function (term) { return matches(folded, term); });
    };
    var first = 0;
    for (var i = 0; i < parts.length; i += 2) {
      if (hit(parts[i])) { first = i; break; }
    }
    var from = Math.max(0, first - 16);
    var to = Math.min(parts.length, from + CONTEXT * 2);
    if (from > 0) paragraph.appendChild(document.createTextNode("… "));
    for (var j = from; j < to; j++) {
      if (j % 2 === 0 && parts[j] && hit(parts[j])) {
        var mark = document.createElement("mark");
        mark.textContent = parts[j];
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(parts[j]));
      }
    }
    if (to < parts.length) paragraph.appendChild(document.createTextNode(" …"));
    return paragraph;
  }

  function item(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = new URL(data.url, root).pathname;
    link.textContent = data.title || data.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    li.appendChild(heading);
    if (data.warnings && data.warnings.length) {
      // as the listings do: a reader sees what a story talks about before any of its words
      var warning = document.createElement("p");
      warning.className = "bt-cw";
      warning.textContent = "Content warning: " + data.warnings.join(", ") + ".";
      li.appendChild(warning);
    }
    li.appendChild(excerpt(data.text || ""));
    return li;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    var current = generation;
    shown += batch.length;
    more.hidden = shown >= results.length;
    return Promise.all(batch.map(function (page) {
      return json("pages/" + page + ".json");
    })).then(function (pages) {
      var first = null;
      if (current !== generation) return first;
      pages.forEach(function (data) {
        var li = list.appendChild(item(data));
        first = first || li;
      });
      return first;
    });
  }

  function failed() {
    status.textContent = "Search is not available just now. You can still browse the stories and the support directory.";
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
    find(term).then(function (found) {
      if (current !== generation) return;  // a newer search has started
      results = found.pages;
      terms = found.terms;
      shown = 0;
      list.textContent = "";
      status.textContent = results.length
        ? results.length + (results.length === 1 ? " result" : " results") + " for “" + term + "”"
        : "No results for “" + term + "”. Try fewer or different words.";
      return showMore();
    }).catch(function () {
      if (current === generation) failed();
    });
  }

  form.hidden = false;
  document.getElementById("bt-search-nojs").hidden = true;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(typing);  // search once typing pauses, not for every letter's chunks
    typing = setTimeout(function () { search(input.value); }, 250);
  });
  input.addEventListener("focus", function () { loadMeta().catch(function () {}); }, { once: true });
  more.addEventListener("click", function () {
    showMore().then(function (first) {
      if (first) first.querySelector("a").focus();  // keyboard users continue where the new results start
    }, failed);
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
})();
