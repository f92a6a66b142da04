// taalwacht: small enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-kopieer]")) {
    const field = document.getElementById(button.dataset.kopieer);
    const done = button.parentElement.querySelector(".kopieer-klaar");
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (done) done.textContent = "De tekst is gekopieerd.";
      } catch {
        field.select();
        if (done) done.textContent = "Kopiëren lukte niet; de tekst is geselecteerd.";
      }
    });
  }
});
