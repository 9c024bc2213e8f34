// Citations on case pages: copy buttons, and GB/T 7714's access date.
// Without this script the citations are plain text to select and copy; the
// buttons stay hidden (they would do nothing) and the access date says so in words.
(function () {
  "use strict";
  var now = new Date();
  var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map(function (part) { return String(part).padStart(2, "0"); }).join("-");
  document.querySelectorAll(".cb-accessed").forEach(function (span) { span.textContent = today; });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // A site served over plain http has no clipboard API: copy a selection the older way.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.querySelectorAll("button[data-cb-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-cb-copy"));
    if (!target) { return; }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(target.textContent.trim()).then(function () {
        button.textContent = button.getAttribute("data-cb-copied");
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
