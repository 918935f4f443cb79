// Pickers: an input marked data-pick="nguoi", "don_vi" or "van_ban" keeps
// taking a code (as it does without JavaScript), and as one types a name it
// offers the people, units or documents in the user's scope that match
// (GET /api/v1/pick), each with its code and what tells it apart. Arrow
// keys move through the choices, Enter or a click takes one (its code goes
// into the input, its name shows beside it), Escape closes the list.
"use strict";
(function () {
  let serial = 0;

  function pageDate() {
    const d = document.getElementById("ngay");
    return d && d.value ? d.value : "";
  }

  function setup(input) {
    const id = "pick-" + (++serial);
    const box = document.createElement("div");
    box.className = "pick";
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    const list = document.createElement("ul");
    list.id = id;
    list.className = "pick-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    box.appendChild(list);
    let echo = input.parentNode.parentNode.querySelector(".pick-name[data-for='" + input.name + "']");
    if (!echo) {
      echo = document.createElement("span");
      echo.className = "pick-name";
      box.appendChild(echo);
    }
    echo.setAttribute("aria-live", "polite");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);
    input.setAttribute("autocomplete", "off");
    if (!input.placeholder) input.placeholder = "gõ tên hoặc mã";

    let items = [], active = -1, timer = 0, asked = "";

    function close() {
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function mark(i) {
      active = i;
      Array.from(list.children).forEach(function (li, j) {
        li.setAttribute("aria-selected", j === i ? "true" : "false");
      });
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", id + "-" + i);
        list.children[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    // typedPart is what the list is asked for: the whole input, or for a
    // list of codes (data-multi) the part after the last comma.
    function typedPart() {
      if (!input.dataset.multi) return input.value.trim();
      const parts = input.value.split(",");
      return parts[parts.length - 1].trim();
    }

    function choose(i) {
      const it = items[i];
      if (!it) return;
      if (input.dataset.multi) {
        const parts = input.value.split(",").map(function (p) { return p.trim(); });
        parts[parts.length - 1] = it.id;
        input.value = parts.join(", ");
        const names = echo.textContent ? echo.textContent + "; " : "";
        echo.textContent = names + it.name + " (" + it.id + ")";
        close();
        return;
      }
      input.value = it.id;
      echo.textContent = it.name + " ";
      const code = document.createElement("small");
      code.className = "code";
      code.textContent = it.id;
      echo.appendChild(code);
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function show(found, typed) {
      list.replaceChildren();
      items = found;
      if (found.length === 0) {
        const li = document.createElement("li");
        li.className = "pick-none";
        li.textContent = "Không tìm thấy “" + typed + "” trong phạm vi của bạn.";
        list.appendChild(li);
      }
      found.forEach(function (it, i) {
        const li = document.createElement("li");
        li.id = id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const name = document.createElement("span");
        name.className = "pick-title";
        name.textContent = it.name;
        const code = document.createElement("small");
        code.className = "code";
        code.textContent = " " + it.id;
        li.append(name, code);
        if (it.detail) {
          const detail = document.createElement("small");
          detail.className = "pick-detail";
          detail.textContent = it.detail;
          li.append(detail);
        }
        li.addEventListener("mousedown", function (e) {
          e.preventDefault(); // keep the focus in the input
          choose(i);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function ask() {
      const typed = typedPart();
      if (typed.length < 2) {
        close();
        return;
      }
      asked = typed;
      const q = new URLSearchParams({ doi_tuong: input.dataset.pick, q: typed });
      const d = pageDate();
      if (d) q.set("ngay", d);
      fetch("/api/v1/pick?" + q.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body || asked !== typed || document.activeElement !== input) return;
          show(body.data.items || [], typed);
        })
        .catch(function () { /* the input still takes a code */ });
    }

    input.addEventListener("input", function () {
      if (!input.dataset.multi) echo.textContent = "";
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) {
        if (e.key === "ArrowDown" && typedPart().length >= 2) {
          ask();
          e.preventDefault();
        }
        return;
      }
      if (e.key === "ArrowDown") {
        mark(Math.min(active + 1, items.length - 1));
        e.preventDefault();
      } else if (e.key === "ArrowUp") {
        mark(Math.max(active - 1, 0));
        e.preventDefault();
      } else if (e.key === "Enter") {
        if (active >= 0) {
          choose(active);
          e.preventDefault();
        } else if (items.length === 1) {
          choose(0);
          e.preventDefault();
        }
      } else if (e.key === "Escape") {
        close();
        e.preventDefault();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  document.querySelectorAll("input[data-pick]").forEach(setup);
})();
