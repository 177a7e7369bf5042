/* The phone menu from the keyboard. Material opens its drawer with a <label> for a hidden
   checkbox, which a keyboard cannot reach; this makes the label a button (Enter or Space opens
   the menu and moves focus into it; Escape closes it and returns focus to the button). Without
   JavaScript the label stays a plain label, so nothing takes focus that would do nothing. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-bt-menu]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  drawer.id = drawer.id || "bt-menu";
  button.setAttribute("aria-controls", drawer.id);

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change")); // Material locks the page's scroll on change
    sync();
  }

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    // Material clicks a focused label on Enter, which would toggle the drawer a second time
    event.preventDefault();
    event.stopPropagation();
    setOpen(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex]");
      // focus once the drawer is visible (it is hidden from focus while closed)
      if (first) window.setTimeout(function () { first.focus(); }, 50);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  // Tabbing out of the open menu closes it, so focus never goes behind the page's overlay.
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next) && next !== button) setOpen(false);
  });
  toggle.addEventListener("change", sync);
  sync();
})();
