// pledgebook: the document page's details panel. A highlighted statement is a link to its
// details (which CSS shows by :target without this script); the script opens them in the
// panel without jumping the page, and marks the chosen statement.
"use strict";

function openDetails(anchor, scroll) {
  const details = document.getElementById(anchor);
  if (!details || !details.classList.contains("details")) return;
  document.querySelectorAll(".details.open").forEach((el) => el.classList.remove("open"));
  document.querySelectorAll(".doctext .st.selected").forEach((el) => el.classList.remove("selected"));
  details.classList.add("open");
  document.querySelectorAll('.doctext .st[data-details="' + CSS.escape(anchor) + '"]')
    .forEach((el) => el.classList.add("selected"));
  if (scroll) details.scrollIntoView({ block: "nearest" });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".doctext .st[data-details]").forEach((mark) => {
    mark.addEventListener("click", (event) => {
      event.preventDefault();
      const anchor = mark.dataset.details;
      history.replaceState(null, "", "#" + anchor);
      openDetails(anchor, true);
    });
  });
  if (location.hash.length > 1) {
    const anchor = decodeURIComponent(location.hash.slice(1));
    openDetails(anchor, false);
    const mark = document.querySelector('.doctext .st[data-details="' + CSS.escape(anchor) + '"]');
    if (mark) mark.scrollIntoView({ block: "center" });
  }
});

// A section whose content is its own page (slow to compute, e.g. a thread's suggested
// evidence): fetched after the page has loaded and put in place; the link stays without script.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("a.fragment[data-fragment]").forEach(async (link) => {
    const target = document.getElementById(link.dataset.fragment);
    try {
      const response = await fetch(link.href);
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const section = page.getElementById(link.dataset.fragment);
      if (target && section) target.replaceWith(document.importNode(section, true));
    } catch (err) {
      // the link stays: the reader can still open the suggestions' page
    }
  });
});
