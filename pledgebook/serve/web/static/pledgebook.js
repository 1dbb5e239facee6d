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

// The upload form: the same form posted without a page change, so the reader sees the
// upload's progress; when the document is stored, its page opens. Without script the form
// posts as it is. A file over the server's limit is refused before it is sent.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.upload-form");
  if (!form) return;
  const bar = form.querySelector(".upload-progress");
  const state = form.querySelector(".upload-state");
  form.addEventListener("submit", (event) => {
    const file = form.querySelector('input[type="file"]').files[0];
    const limit = Number(form.dataset.maxBytes);
    if (file && limit && file.size > limit) {
      event.preventDefault();
      state.textContent = "This file is over the server's limit of " + (limit / 1048576).toFixed(1) + " MB.";
      return;
    }
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value");  // sent: now reading and extracting
      state.textContent = "Uploaded; extracting its statements…";
    });
    request.addEventListener("load", () => {
      if (request.status < 400 && request.responseURL) {
        location.assign(request.responseURL);
      } else {
        bar.hidden = true;
        state.textContent = "Not stored: " + refusal(request);
      }
    });
    request.addEventListener("error", () => { state.textContent = "The upload failed: check the connection and try again."; });
    request.send(new FormData(form));
  });
});

// Why the server refused an upload: its page's one line, or its JSON error (413 over the limit).
function refusal(request) {
  const type = request.getResponseHeader("content-type") || "";
  if (type.startsWith("application/json")) {
    try {
      const body = JSON.parse(request.responseText);
      return body.detail && typeof body.detail === "string" ? body.detail : body.error;
    } catch (err) { return "error " + request.status; }
  }
  if (type.startsWith("text/plain")) return request.responseText.trim();
  const page = new DOMParser().parseFromString(request.responseText, "text/html");
  const line = page.querySelector(".form-error, .error-message");
  return line ? line.textContent.replace(/^Not stored: /, "") : "error " + request.status;
}
