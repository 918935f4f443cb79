// app.js: what every page does with a script, and does without one too:
// the menu folds on a phone (shown whole without a script), and a form being
// sent says so (and is not sent twice) when the answer takes a while.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var toggle = document.getElementById("menu-toggle");
  var menu = document.getElementById("menu");
  if (toggle && menu) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
    });
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || ev.defaultPrevented) {
      return;
    }
    if (form.dataset.sending) { // a second press while the first is on its way
      ev.preventDefault();
      return;
    }
    form.dataset.sending = "1";
    form.setAttribute("aria-busy", "true");
    var note = document.createElement("p");
    note.className = "busy";
    note.setAttribute("role", "status");
    setTimeout(function () {
      note.textContent = "Đang xử lý, xin chờ…";
      form.appendChild(note);
    }, 400);
    // Back from the next page (bfcache), the form is usable again.
    window.addEventListener("pageshow", function () {
      delete form.dataset.sending;
      form.removeAttribute("aria-busy");
      note.remove();
    }, { once: true });
  });
})();

// A print button prints the page (its print stylesheet gives the form).
document.addEventListener("click", function (ev) {
  if (ev.target instanceof HTMLElement && ev.target.matches("button.print")) {
    window.print();
  }
});

// An edit form whose subject is a person or a unit (subject_type): the
// subject's picker finds what the select names.
document.addEventListener("change", function (ev) {
  const sel = ev.target;
  if (!(sel instanceof HTMLSelectElement) || sel.name !== "v_subject_type" || !sel.form) {
    return;
  }
  const input = sel.form.querySelector('input[name="v_subject_id"][data-pick]');
  if (input) {
    input.dataset.pick = sel.value === "unit" ? "don_vi" : "nguoi";
  }
});
