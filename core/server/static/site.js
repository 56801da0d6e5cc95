// Tōroku: small improvements on pages that work without it. No inline script anywhere.
"use strict";

// Move focus to the error summary so screen readers announce it and keyboard users start there.
function focusErrorSummary() {
  const summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
}

// Postal code → prefecture and city, as you type (Japan Post data bundled in the server).
function postalAutofill() {
  document.querySelectorAll("input[data-postal-code]").forEach((input) => {
    const prefix = input.id.replace(/postal_code$/, "");
    const prefecture = document.getElementById(prefix + "prefecture");
    const city = document.getElementById(prefix + "city");
    let last = "";
    input.addEventListener("input", async () => {
      const digits = input.value.normalize("NFKC").replace(/[^0-9]/g, "");
      if (digits.length !== 7 || digits === last) return;
      last = digits;
      try {
        const response = await fetch("/api/v1/postal-codes/" + digits);
        if (!response.ok) return;
        const body = await response.json();
        const first = (body.candidates || [])[0];
        if (!first) return;
        if (prefecture && !prefecture.value) prefecture.value = first.prefecture;
        if (city && !city.value) city.value = first.city;
      } catch (_) {
        // Offline or the server is busy: the fields stay for the user to fill in.
      }
    });
  });
}

// The FTE calculator beside each business line.
function fteCalculators() {
  document.querySelectorAll("details[data-fte]").forEach((details) => {
    const tool = details.querySelector(".fte__tool");
    const noJs = details.querySelector(".fte__nojs");
    if (!tool) return;
    tool.hidden = false;
    if (noJs) noJs.hidden = true;
    const target = document.getElementById(details.dataset.target);
    const result = tool.querySelector("[data-fte-result]");
    const use = tool.querySelector("[data-fte-use]");
    const number = (text) => Number(String(text).normalize("NFKC").trim() || "0");
    tool.querySelector("[data-fte-add]").addEventListener("click", () => {
      const rows = tool.querySelectorAll("[data-fte-pattern]");
      const copy = rows[rows.length - 1].cloneNode(true);
      copy.querySelectorAll("input").forEach((i) => { i.value = ""; });
      rows[rows.length - 1].after(copy);
      copy.querySelector("input").focus();
    });
    let figure = null;
    tool.querySelector("[data-fte-calculate]").addEventListener("click", async () => {
      const patterns = [];
      tool.querySelectorAll("[data-fte-pattern]").forEach((row) => {
        const hours = row.querySelector("[data-fte-hours]").value;
        const people = row.querySelector("[data-fte-people]").value;
        if (hours.trim() || people.trim()) {
          patterns.push({ hours_per_week: number(hours), people: number(people) });
        }
      });
      const body = {
        standard_weekly_hours: number(tool.querySelector("[data-fte-standard]").value),
        full_time: number(tool.querySelector("[data-fte-full]").value),
        patterns,
      };
      const lang = document.documentElement.lang;
      const response = await fetch("/api/v1/fte?lang=" + encodeURIComponent(lang), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (response.ok) {
        figure = answer.fte;
        result.textContent = result.dataset.template
          .replace("{fte}", answer.fte)
          .replace("{exact}", answer.fte_exact);
        use.hidden = false;
      } else {
        figure = null;
        use.hidden = true;
        const fields = (answer.error && answer.error.fields) || [];
        result.textContent = fields.length ? fields[0].message : answer.error.message;
      }
    });
    use.addEventListener("click", () => {
      if (figure !== null && target) {
        target.value = String(figure);
        target.focus();
      }
    });
  });
}

// Buttons that ask before they do something that cannot be undone.
function confirmations() {
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
}

function printButtons() {
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
}

document.addEventListener("DOMContentLoaded", () => {
  focusErrorSummary();
  postalAutofill();
  fteCalculators();
  confirmations();
  printButtons();
});
