// Paperboy: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var saved = null;
  try { saved = localStorage.getItem("theme"); } catch (e) { /* storage may be disabled */ }
  if (saved === "light" || saved === "dark") { root.dataset.theme = saved; }

  function currentTheme() {
    if (root.dataset.theme) { return root.dataset.theme; }
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function toggleTheme() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try { localStorage.setItem("theme", next); } catch (e) { /* not persisted */ }
  }

  var selected = -1;
  function cards() { return Array.prototype.slice.call(document.querySelectorAll(".paper-card")); }
  function select(index) {
    var all = cards();
    if (all.length === 0) { return; }
    selected = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (card, i) { card.classList.toggle("selected", i === selected); });
    var link = all[selected].querySelector(".paper-link");
    if (link) { link.focus(); }
    all[selected].scrollIntoView({ block: "nearest" });
  }
  function openSelected() {
    var all = cards();
    if (selected >= 0 && selected < all.length) {
      var link = all[selected].querySelector(".paper-link");
      if (link) { window.location.href = link.href; }
    }
  }

  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var help = document.getElementById("help");
    switch (event.key) {
      case "j": select(selected + 1); break;
      case "k": select(selected - 1); break;
      case "o": openSelected(); break;
      case "t": toggleTheme(); break;
      case "?": if (help && !help.open) { help.showModal(); } break;
      default: return;
    }
    event.preventDefault();
  });

  // Titles and abstracts keep arXiv's TeX ($x^2$); KaTeX renders it in place. Rendering builds
  // DOM nodes (not HTML strings), which the Content-Security-Policy allows.
  function renderMath(scope) {
    if (typeof window.renderMathInElement !== "function") { return; }
    var within = scope || document;
    var elements = Array.prototype.slice.call(within.querySelectorAll(".math, .paper-card h2, .paper-card .abstract"));
    if (within.matches && within.matches(".math")) { elements.push(within); }
    elements.forEach(function (element) {
      window.renderMathInElement(element, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "\\[", right: "\\]", display: true },
          { left: "$", right: "$", display: false },
          { left: "\\(", right: "\\)", display: false }
        ],
        throwOnError: false
      });
    });
  }

  // Comment forms posted with htmx: a form with a problem (422, which htmx swaps as it swaps a 200:
  // htmx-config in layout.jte) comes back re-rendered and takes the form's place, wherever the
  // form's own target was; after a success the form empties and its Reply/Edit disclosure closes.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var form = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (event.detail.xhr.status === 422 && form && form.matches("form.comment-form")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      event.detail.target = form;
      event.detail.swapOverride = "outerHTML";
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!event.detail.successful || !form.matches || !form.matches("form.comment-form")) { return; }
    var disclosure = form.closest("details");
    if (disclosure && !disclosure.classList.contains("comment-edit")) { disclosure.open = false; }
    if (form.isConnected && !form.closest(".comment-edit")) { form.reset(); }
  });
  // A session that ended meanwhile: htmx followed the redirect to the login page; go there too,
  // instead of placing the login page inside a button or a comment list.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var url = event.detail.xhr.responseURL;
    if (url && new URL(url).pathname === "/login") {
      event.detail.shouldSwap = false;
      window.location.assign(url);
    }
  });
  // Any other refusal (an unconfirmed address, a throttle) is said in the flash region, in the
  // server's words: the text of its error page, parsed inertly (DOMParser runs no scripts).
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var message = "";
    var type = xhr.getResponseHeader("Content-Type") || "";
    if (type.indexOf("text/html") === 0) {
      var paragraph = new DOMParser().parseFromString(xhr.responseText, "text/html").querySelector("section.error p");
      message = paragraph ? paragraph.textContent : "";
    } else if (type.indexOf("application/json") === 0) {
      try { message = JSON.parse(xhr.responseText).error || ""; } catch (ignored) { message = ""; }
    }
    flash(message || "The server refused this (" + xhr.status + "); reload the page and try again.");
  });
  var flashTimer = null;
  function flash(message) {
    var region = document.getElementById("flash");
    if (!region) { return; }
    region.textContent = message;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(function () { region.textContent = ""; }, 10000);
  }

  // A form that waits on someone else (the submit form asks arXiv) says so while it waits, and
  // cannot be sent twice; coming back to the page (the back button) makes it usable again.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.dataset || !form.dataset.busy || event.defaultPrevented) { return; }
    var button = form.querySelector("button[type=submit]");
    var status = form.querySelector(".busy");
    if (button) { button.disabled = true; button.dataset.label = button.textContent; button.textContent = form.dataset.busy; }
    if (status) { status.textContent = form.dataset.busy; }
    form.setAttribute("aria-busy", "true");
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy]").forEach(function (form) {
      var button = form.querySelector("button[type=submit]");
      var status = form.querySelector(".busy");
      if (button && button.dataset.label) { button.disabled = false; button.textContent = button.dataset.label; }
      if (status) { status.textContent = ""; }
      form.removeAttribute("aria-busy");
    });
  });

  // Comments arrive with TeX in them too.
  document.addEventListener("htmx:afterSettle", function (event) { renderMath(event.detail.elt); });

  document.addEventListener("DOMContentLoaded", function () {
    renderMath();
    // A new digest form starts at UTC; the browser knows the reader's own zone, when the list has it.
    document.querySelectorAll("select[data-guess-zone]").forEach(function (select) {
      var zone = "";
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
      if (zone && select.querySelector("option[value='" + zone.replace(/'/g, "") + "']")) { select.value = zone; }
    });
    var toggle = document.getElementById("theme-toggle");
    if (toggle) { toggle.addEventListener("click", toggleTheme); }
    var helpButton = document.getElementById("help-open");
    var help = document.getElementById("help");
    if (helpButton && help) { helpButton.addEventListener("click", function () { help.showModal(); }); }
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.dataset.copy);
        if (source && navigator.clipboard) {
          navigator.clipboard.writeText(source.textContent).then(function () { button.textContent = "Copied"; });
        }
      });
    });
  });
}());
