// The search page: Pagefind's ready-made UI. It searches the index of the
// page's own language (from <html lang>). A link such as /search/?q=调解 opens
// with its results shown, for slides and handouts.
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({
    element: "#casebook-search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
