/* Quick exit, as GOV.UK Frontend's "Exit this page" component works (no code of theirs here).
   The button and the skip link are plain links to a neutral site, so they work without this
   script. With it: pressing Shift three times, within five seconds of each press, also exits;
   on exit the page is covered at once (so nothing stays on screen while the other site loads)
   and replaced with location.replace, so this page is not left as the tab's current entry; and
   a pageshow handler takes the cover away if the reader comes back (the page may be restored
   from the back-forward cache exactly as it was left). */
(function () {
  "use strict";
  var root = document.querySelector("[data-bt-exit]");
  if (!root) return;
  var button = root.querySelector("a");
  var TIMEOUT = 5000;
  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;
  var messageTimer = null;
  var cover = null;

  // Read out by screen readers: how many more presses, and when the count ran out.
  var status = document.createElement("span");
  status.className = "bt-visually-hidden";
  status.setAttribute("role", "status");
  root.appendChild(status);

  // Three lights on the button show how many times Shift has been pressed.
  var lights = document.createElement("span");
  lights.className = "bt-exit__lights";
  lights.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) lights.appendChild(document.createElement("span"));
  button.appendChild(lights);

  function showPresses() {
    lights.classList.toggle("bt-exit__lights--on", presses > 0);
    Array.prototype.forEach.call(lights.children, function (light, index) {
      light.classList.toggle("bt-lit", index < presses);
    });
  }

  function exitPage(event) {
    if (event) event.preventDefault();
    status.textContent = "";
    // the body's class hides everything but the cover, so nothing behind it can be read out
    // or reached with Tab while the other site loads
    document.body.classList.add("bt-exiting");
    cover = document.createElement("div");
    cover.className = "bt-exit-cover";
    cover.setAttribute("role", "alert");
    document.body.appendChild(cover);
    cover.textContent = "Loading."; // set after adding: screen readers announce it more reliably
    window.location.replace(button.href);
  }

  function stopCounting() {
    if (pressTimer) window.clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    status.textContent = "Exit this page expired.";
    messageTimer = window.setTimeout(function () { status.textContent = ""; }, TIMEOUT);
    showPresses();
  }

  // Shift alone, not Shift held for a capital letter: typing "A" fires keyup for A (with
  // shiftKey true) and then for Shift, so a Shift keyup right after a shifted key is skipped.
  function onKeyup(event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      showPresses();
      if (messageTimer) window.clearTimeout(messageTimer);
      messageTimer = null;
      if (presses >= 3) {
        presses = 0;
        if (pressTimer) window.clearTimeout(pressTimer);
        pressTimer = null;
        exitPage();
      } else {
        status.textContent = presses === 1
          ? "Shift, press 2 more times to exit."
          : "Shift, press 1 more time to exit.";
        if (pressTimer) window.clearTimeout(pressTimer);
        pressTimer = window.setTimeout(stopCounting, TIMEOUT);
      }
    } else if (pressTimer) {
      stopCounting(); // any other key breaks the sequence
    }
    lastKeyWasModified = event.shiftKey;
  }

  function resetPage() {
    document.body.classList.remove("bt-exiting");
    if (cover) cover.remove();
    cover = null;
    status.setAttribute("role", "status");
    status.textContent = "";
    presses = 0;
    showPresses();
    if (pressTimer) window.clearTimeout(pressTimer);
    if (messageTimer) window.clearTimeout(messageTimer);
    pressTimer = messageTimer = null;
  }

  document.querySelectorAll("[data-bt-exit-link]").forEach(function (link) {
    link.addEventListener("click", exitPage);
  });
  document.addEventListener("keyup", onKeyup, true);
  window.addEventListener("pageshow", resetPage);
})();
