// Follows an import job in place: while it is checked or imported, asks the
// API for its progress every second and shows the percent and rows read;
// once it ends, loads the page once to show its report. Without script the
// page refreshes itself instead (a <noscript> refresh in the layout).
"use strict";
(function () {
  const job = document.getElementById("job");
  if (!job) return;
  const running = (p) => p === "checking" || p === "importing";
  if (!running(job.dataset.phase)) return;
  const text = document.getElementById("progress-text");
  const bar = document.getElementById("progress");
  const vn = (n) => n.toLocaleString("vi-VN");

  function show(j) {
    if (!running(j.phase)) {
      window.location.reload();
      return;
    }
    if (j.total > 0) {
      let s = j.percent + " % — đã đọc " + vn(j.done) + "/" + vn(j.total) + " dòng";
      if (j.file) s += " (đang đọc bảng " + j.file + ": " + vn(j.rows) + " dòng)";
      text.textContent = s;
    } else {
      text.textContent = "Đang đếm số dòng của tệp…";
    }
    bar.value = j.percent;
    bar.textContent = j.percent + " %";
    setTimeout(poll, 1000);
  }

  function poll() {
    fetch("/api/v1/imports/" + encodeURIComponent(job.dataset.id), { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((body) => show(body.data || body))
      .catch(() => setTimeout(poll, 3000));
  }
  setTimeout(poll, 1000);
})();
