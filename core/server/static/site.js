// Tōroku: small improvements on pages that work without it. No inline script anywhere.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Move focus to the error summary so screen readers announce it and keyboard users start there.
  const summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
});
