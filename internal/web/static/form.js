// Proximité: the editing forms, a little quicker. Every form works
// without this script: "add" and "remove" buttons post the form, which
// comes back with one row more or less, and pickers accept a name or a
// slug that the server resolves. With it, rows are added and removed in
// place, and pickers suggest organisations as one types.
(function () {
  "use strict";
  var form = document.querySelector("[data-edit-form]");
  if (!form) return;
  var lang = document.documentElement.lang || "fr";

  // The blank row of a repeated part sits in a <template> whose names
  // hold a placeholder (__0__ for the outer parts, __1__ for the parts
  // nested in a row) and whose legend holds __N0__ for the row's number.
  function fill(node, placeholder, index) {
    var number = placeholder.replace(/^__/, "__N");
    var walker = function (el) {
      if (el.nodeType === 3) {
        el.nodeValue = el.nodeValue.split(number).join(String(index + 1));
        return;
      }
      if (el.nodeType !== 1 && el.nodeType !== 11) return;
      if (el.attributes) {
        for (var i = 0; i < el.attributes.length; i++) {
          var a = el.attributes[i];
          if (a.value.indexOf("__") >= 0) {
            a.value = a.value.split(placeholder).join(String(index)).split(number).join(String(index + 1));
          }
        }
      }
      var kids = el.tagName === "TEMPLATE" ? el.content.childNodes : el.childNodes;
      for (var k = 0; k < kids.length; k++) walker(kids[k]);
    };
    walker(node);
  }

  function rowsOf(part) {
    return part.querySelector(":scope > [data-rows]");
  }

  // nextIndex is one more than the highest row number of the part, so
  // that rows removed in between leave gaps rather than duplicates; the
  // server closes the gaps.
  function nextIndex(part) {
    var next = 0;
    var rows = rowsOf(part).children;
    for (var i = 0; i < rows.length; i++) {
      var m = /\[(\d+)\]$/.exec(rows[i].getAttribute("data-row") || "");
      if (m) next = Math.max(next, parseInt(m[1], 10) + 1);
    }
    return next;
  }

  function addRow(part) {
    var tpl = part.querySelector(":scope > template[data-blank]");
    if (!tpl) return;
    var index = nextIndex(part);
    var frag = document.importNode(tpl.content, true);
    fill(frag, tpl.getAttribute("data-blank"), index);
    var row = frag.firstElementChild;
    rowsOf(part).appendChild(frag);
    var first = row && row.querySelector("input, select, textarea");
    if (first) first.focus();
  }

  function removeRow(row) {
    var part = row.parentElement.closest("[data-repeat]");
    row.remove();
    var add = part && part.querySelector(":scope > [data-add]");
    if (add) add.focus();
  }

  form.addEventListener("click", function (e) {
    var add = e.target.closest("[data-add]");
    if (add) {
      e.preventDefault();
      addRow(add.closest("[data-repeat]"));
      return;
    }
    var rm = e.target.closest("[data-remove]");
    if (rm) {
      e.preventDefault();
      removeRow(rm.closest("[data-row]"));
    }
  });

  // Pickers: suggestions from the registry's search as one types.
  var timer = null;
  var last = "";
  function suggest(input) {
    var q = input.value.trim();
    var type = input.getAttribute("data-pick");
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || q.length < 2 || q === last) return;
    last = q;
    var url = "/api/v1/search?type=" + encodeURIComponent(type) + "&limit=8&q=" + encodeURIComponent(q);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (data) {
        list.textContent = "";
        (data.items || []).forEach(function (it) {
          var o = document.createElement("option");
          o.value = it.slug;
          var t = it.title || {};
          o.textContent = t[lang] || t.fr || t.en || it.slug;
          list.appendChild(o);
        });
      })
      .catch(function () { /* no suggestions: the server resolves the text on saving */ });
  }
  form.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[data-pick]")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { suggest(input); }, 200);
  });
})();
