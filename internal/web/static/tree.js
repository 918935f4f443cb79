// Expands the organization tree in place: opening a unit's <details> loads
// the units directly under it (on the page's date) from the API, once: the
// first page of them (50), with a link to the unit's own page of the tree
// for the rest.
"use strict";
(function () {
  const tree = document.getElementById("tree");
  if (!tree) return;
  const date = tree.dataset.date;

  function item(u) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = "/don-vi/" + encodeURIComponent(u.id) + "?ngay=" + date;
    link.textContent = u.name;
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = " " + u.kind_label;
    if (u.children > 0) {
      const det = document.createElement("details");
      det.dataset.id = u.id;
      const sum = document.createElement("summary");
      const n = document.createElement("span");
      n.className = "children";
      n.textContent = " (" + u.children.toLocaleString("vi-VN") + ")";
      const branch = document.createElement("a");
      branch.className = "branch";
      branch.href = "/to-chuc?don_vi=" + encodeURIComponent(u.id) + "&ngay=" + date;
      branch.textContent = "xem nhánh";
      sum.append(link, kind, n, " ", branch);
      det.append(sum);
      li.append(det);
    } else {
      li.append(link, kind);
    }
    return li;
  }

  tree.addEventListener("toggle", async function (ev) {
    const det = ev.target;
    if (!det.open || !det.dataset.id || det.dataset.loaded) return;
    det.dataset.loaded = "1";
    const resp = await fetch("/api/v1/units/" + encodeURIComponent(det.dataset.id) + "/children?ngay=" + date,
      { credentials: "same-origin" });
    if (!resp.ok) return;
    const body = await resp.json();
    const ul = document.createElement("ul");
    for (const u of body.data.units) ul.append(item(u));
    if (body.data.next) {
      const li = document.createElement("li");
      const more = document.createElement("a");
      more.href = "/to-chuc?don_vi=" + encodeURIComponent(det.dataset.id) + "&ngay=" + date;
      more.textContent = "Xem tất cả " + body.data.total.toLocaleString("vi-VN") + " đơn vị trực thuộc";
      li.append(more);
      ul.append(li);
    }
    det.querySelector(":scope > ul")?.remove();
    det.append(ul);
  }, true);
})();
