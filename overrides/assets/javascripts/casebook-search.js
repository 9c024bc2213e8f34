// The search page: Pagefind's ready-made UI. It searches the index of the
// page's own language (from <html lang>). A link such as /search/?q=调解 opens
// with its results shown, for slides and handouts.
//
// A large casebook's index comes in parts (hooks/casebook/search.py): the
// bundle beside pagefind-ui.js lists the others in casebook-parts.json, and
// the UI merges them into one list of results and filters.
window.addEventListener("DOMContentLoaded", async () => {
  const script = document.querySelector('script[src$="pagefind-ui.js"]');
  const bundle = new URL(".", script.src);
  const ui = new PagefindUI({
    element: "#casebook-search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    mergeIndex: (await otherParts(bundle)).map((part) => ({ bundlePath: part })),
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});

// The other parts' bundle paths, or none if the list cannot be read (the first
// part alone still searches its pages).
async function otherParts(bundle) {
  try {
    const response = await fetch(new URL("casebook-parts.json", bundle));
    const parts = await response.json();
    return parts.merge.map((path) => new URL(path, bundle).pathname);
  } catch (error) {
    console.error("casebook-parts.json", error);
    return [];
  }
}
