// Good Offices room: the only script. It reloads the page when the room changes (server-sent events),
// unless the reader is typing (then a banner asks to reload), and counts the turn's timer down. Every
// page works without it: reload by hand.
(function () {
  "use strict";
  var url = document.body.getAttribute("data-live");
  function typing() {
    var fields = document.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value.length > 0) { return true; }
    }
    return false;
  }
  if (url && window.EventSource) {
    var source = new EventSource(url);
    source.addEventListener("change", function () {
      if (typing()) {
        var news = document.getElementById("news");
        if (news) { news.hidden = false; }
      } else {
        window.location.replace(window.location.pathname);
      }
    });
  }
  var timer = document.getElementById("timer");
  if (timer && timer.getAttribute("data-left") && timer.getAttribute("data-paused") !== "yes") {
    var end = Date.now() + 1000 * parseInt(timer.getAttribute("data-left"), 10);
    window.setInterval(function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      timer.textContent = s > 0 ? Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2) : "time is up";
    }, 1000);
  }
})();
