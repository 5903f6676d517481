// Progressive enhancement only: every page works without this file.
// 1. htmx requests carry the gateway's CSRF token as X-XSRF-TOKEN (forms also carry it as _csrf).
// 2. Pages with data-live-streams listen to the comparison service's server-sent events and, when a view they
//    show changes, re-read the page and swap in the regions marked data-live-region (figures, chart, scorecard).
(function () {
  "use strict";

  function cookie(name) {
    var match = document.cookie.split("; ").find(function (part) { return part.indexOf(name + "=") === 0; });
    return match ? decodeURIComponent(match.substring(name.length + 1)) : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = cookie("XSRF-TOKEN");
    if (token) {
      event.detail.headers["X-XSRF-TOKEN"] = token;
    }
  });

  function refresh(status) {
    return fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live-region][id]").forEach(function (region) {
          var replacement = fresh.getElementById(region.id);
          if (replacement) {
            region.replaceWith(document.importNode(replacement, true));
          }
        });
        if (status) {
          status.textContent = "Figures updated " + new Date().toLocaleTimeString();
        }
        document.body.setAttribute("data-live-updated", String(Date.now()));
      })
      .catch(function () { /* the next change will try again */ });
  }

  function listen(main) {
    var streams = (main.getAttribute("data-live-streams") || "").split(" ").filter(Boolean);
    if (!streams.length || !window.EventSource) {
      return;
    }
    var status = document.getElementById("live-status");
    var pending = null;
    var open = [];
    // EventSource reconnects by itself after a dropped connection, but gives up for good on an HTTP error (a 429
    // while this address still holds streams of pages just left, a 503 while the gateway restarts): then try again
    // after 5 s, doubling to a minute, and re-read the page once back, since changes may have been missed meanwhile.
    function connect(url, delay) {
      var source = new EventSource(url);
      open.push(source);
      source.addEventListener("subscribed", function () {
        document.body.setAttribute("data-live", "connected");
        if (delay > 5000) {
          refresh(status);
        }
        delay = 5000;
      });
      source.addEventListener("view-changed", function () {
        clearTimeout(pending);
        pending = setTimeout(function () { refresh(status); }, 150);
      });
      source.addEventListener("error", function () {
        if (source.readyState === EventSource.CLOSED) {
          open.splice(open.indexOf(source), 1);
          setTimeout(function () { connect(url, Math.min(delay * 2, 60000)); }, delay);
        }
      });
    }
    streams.forEach(function (url) { connect(url, 5000); });
    // leaving the page hangs up at once, so the address's stream slots free up for the next page
    window.addEventListener("pagehide", function () { open.forEach(function (source) { source.close(); }); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var main = document.querySelector("main[data-live-streams]");
    if (main) {
      listen(main);
    }
  });
}());
