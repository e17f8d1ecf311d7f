// Keeps chat threads scrolled to the newest message, also after htmx swaps in a fresh copy.
(function () {
  function toBottom() {
    document.querySelectorAll(".chat").forEach(function (chat) { chat.scrollTop = chat.scrollHeight; });
  }
  document.addEventListener("DOMContentLoaded", toBottom);
  document.addEventListener("htmx:afterSettle", toBottom);
})();
