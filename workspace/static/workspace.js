// The workspace's behaviour: a little vanilla JavaScript over server-rendered pages.
// Event delegation on the document, so parts of the page swapped in by polling keep working.
"use strict";
(function () {
  const body = document.body;
  const base = body.dataset.base;
  const api = body.dataset.api;

  function toast(text) {
    const t = document.getElementById("toast");
    t.textContent = text;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.textContent = ""; }, 6000);
  }

  async function send(method, url, payload, headers) {
    const init = { method, headers: Object.assign({}, headers || {}) };
    if (payload instanceof Blob) {
      init.body = payload;
    } else if (payload !== undefined) {
      init.body = JSON.stringify(payload);
      init.headers["Content-Type"] = "application/json";
    }
    const r = await fetch(url, init);
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (!r.ok) {
      const msg = (data && (data.error || data.message)) || (r.status + " " + r.statusText);
      throw new Error(msg);
    }
    return data;
  }

  // Swap <main> for a fresh rendering of the same page (no reload; the audio position is kept).
  async function refreshMain() {
    const r = await fetch(location.href, { headers: { "Accept": "text/html" } });
    if (!r.ok) return;
    const doc = new DOMParser().parseFromString(await r.text(), "text/html");
    const fresh = doc.getElementById("main");
    const player = document.getElementById("player");
    const at = player ? player.currentTime : 0;
    document.getElementById("main").innerHTML = fresh.innerHTML;
    const again = document.getElementById("player");
    if (again && at) again.currentTime = at;
    start();
  }

  // ---- calls list --------------------------------------------------------------------------
  let rowTimer = null;
  let pollUntil = 0;
  async function pollRows() {
    const rows = document.getElementById("call-rows");
    if (!rows) return;
    try {
      const r = await fetch(rows.dataset.poll);
      if (r.ok) { rows.innerHTML = await r.text(); localTimes(); }
    } catch (e) { /* next round */ }
    const busy = rows.querySelector('tr[data-status="processing"]');
    if (busy || Date.now() < pollUntil) {
      rowTimer = setTimeout(pollRows, 1000);
    } else {
      rowTimer = null;
    }
  }
  function watchRows(seconds) {
    pollUntil = Math.max(pollUntil, Date.now() + seconds * 1000);
    if (!rowTimer) rowTimer = setTimeout(pollRows, 500);
  }

  async function uploadFiles(files) {
    const list = document.getElementById("uploads");
    for (const file of files) {
      const li = document.createElement("li");
      li.textContent = "Uploading " + file.name + " …";
      list.appendChild(li);
      try {
        await send("POST", api + "/uploads?name=" + encodeURIComponent(file.name), file,
                   { "Content-Type": file.type || "application/octet-stream" });
        li.textContent = "Uploaded " + file.name + ": it appears in the list as it is processed.";
        watchRows(120);
      } catch (e) {
        li.textContent = "Upload of " + file.name + " failed: " + e.message;
      }
    }
  }

  function bindDropzone() {
    const zone = document.getElementById("dropzone");
    if (!zone || zone.dataset.bound) return;
    zone.dataset.bound = "1";
    const input = document.getElementById("upload-input");
    zone.addEventListener("dragover", (ev) => { ev.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (ev) => {
      ev.preventDefault();
      zone.classList.remove("over");
      if (ev.dataTransfer && ev.dataTransfer.files.length) uploadFiles(ev.dataTransfer.files);
    });
    zone.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); input.click(); }
    });
    input.addEventListener("change", () => { if (input.files.length) uploadFiles(input.files); });
  }

  // ---- one call ----------------------------------------------------------------------------
  function highlight(button) {
    document.querySelectorAll(".turn.highlight").forEach((el) => el.classList.remove("highlight"));
    document.querySelectorAll(".turn mark").forEach((m) => m.replaceWith(m.textContent));
    document.querySelectorAll(".field .value.active").forEach((el) => el.classList.remove("active"));
    const ids = (button.dataset.segments || "").split(" ").filter(Boolean);
    button.classList.add("active");
    if (!ids.length) { toast("The quote was not found in the transcript."); return; }
    const quote = (button.dataset.quote || "").toLowerCase();
    ids.forEach((id, i) => {
      const li = document.getElementById("seg-" + id);
      if (!li) return;
      li.classList.add("highlight");
      const text = li.querySelector(".text");
      const at = text.textContent.toLowerCase().indexOf(quote);
      if (at >= 0 && quote) {
        const node = text.firstChild;
        const tail = node.splitText(at);
        tail.splitText(quote.length);
        const mark = document.createElement("mark");
        mark.textContent = tail.textContent;
        tail.replaceWith(mark);
      } else if (ids.length > 1) {  // the quote runs across turns: this turn is a piece of it
        const mark = document.createElement("mark");
        mark.textContent = text.textContent;
        text.replaceChildren(mark);
      }
      if (i === 0) li.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }

  function playFrom(button) {
    const player = document.getElementById("player");
    if (!player) return;
    player.currentTime = parseFloat(button.dataset.start) || 0;
    const p = player.play();
    if (p && p.catch) p.catch(() => toast("Press play to listen from " + button.textContent + "."));
  }

  function followPlayback() {
    const player = document.getElementById("player");
    if (!player || player.dataset.bound) return;
    player.dataset.bound = "1";
    player.addEventListener("timeupdate", () => {
      const t = player.currentTime;
      let current = null;
      document.querySelectorAll(".turn .ts").forEach((b) => {
        if (parseFloat(b.dataset.start) <= t + 0.05) current = b.closest(".turn");
      });
      document.querySelectorAll(".turn.playing").forEach((el) => { if (el !== current) el.classList.remove("playing"); });
      if (current) current.classList.add("playing");
    });
  }

  let statusTimer = null;
  async function pollStatus() {
    const call = document.getElementById("call");
    if (!call || call.dataset.status !== "processing") { statusTimer = null; return; }
    try {
      const view = await send("GET", call.dataset.statusUrl);
      const status = (view.record && view.record.status) || view.status;
      const custom = (view.orchestration && view.orchestration.customStatus) || view.customStatus || {};
      const stage = document.getElementById("live-stage");
      if (stage && custom.stage) {
        let line = custom.stage;
        if (custom.chunksTotal) line += ": " + (custom.chunksDone || 0) + " of " + custom.chunksTotal + " chunks";
        stage.textContent = line;
        const meter = document.getElementById("live-meter");
        if (meter && custom.chunksTotal) meter.style.width = Math.round(100 * (custom.chunksDone || 0) / custom.chunksTotal) + "%";
      }
      // after Replay, the record still shows the failed attempt until the service has counted the
      // new one (a rewind or a new start): only then can "failed" or "completed" be final
      const waiting = call.dataset.replayedFrom;
      const attempts = (view.record && view.record.attempts) || 0;
      const runtime = (view.orchestration && view.orchestration.runtimeStatus) || "";
      const ended = status && status !== "processing" &&
        (!runtime || ["Completed", "Failed", "Terminated"].includes(runtime));
      if (ended && (!waiting || attempts > Number(waiting))) {
        delete call.dataset.replayedFrom;
        statusTimer = null;
        await refreshMain();
        return;
      }
    } catch (e) { /* next round */ }
    statusTimer = setTimeout(pollStatus, 1000);
  }

  function watchStatus() {
    const call = document.getElementById("call");
    if (call && call.dataset.status === "processing" && !statusTimer) statusTimer = setTimeout(pollStatus, 500);
  }

  document.addEventListener("click", async (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    if (!target) return;
    const value = target.closest(".field .value");
    if (value) { highlight(value); return; }
    const ts = target.closest(".turn .ts");
    if (ts) { playFrom(ts); return; }
    const row = target.closest("#call-rows tr[data-call]");
    if (row && !target.closest("a")) { location.href = base + "/calls/" + row.dataset.call; return; }
    if (target.id === "upload-pick") { document.getElementById("upload-input").click(); return; }
    if (target.id === "replay" || target.id === "replay-failed") {
      target.disabled = true;
      const call = document.getElementById("call");
      let before = 0;  // the attempt count when Replay was pressed (see pollStatus)
      if (target.id === "replay" && call) {
        try {
          const view = await send("GET", call.dataset.statusUrl);
          before = (view.record && view.record.attempts) || 0;
        } catch (e) { /* counted from 0 */ }
      }
      try {
        const out = await send("POST", target.dataset.url);
        const n = out && out.replayed ? out.replayed.filter((x) => !x.skipped).length : 1;
        toast(target.id === "replay" ? "Replay started." : "Replay started for " + n + " failed call(s).");
        if (target.id === "replay") {
          call.dataset.status = "processing";
          call.dataset.replayedFrom = String(before);
          document.getElementById("live-status").textContent = "replaying";
          statusTimer = null;
          setTimeout(pollStatus, 500);
        } else {
          watchRows(120);
        }
      } catch (e) { toast("Replay refused: " + e.message); }
      target.disabled = false;
      return;
    }
    if (target.id === "delete") {
      const name = target.dataset.name;
      if (!window.confirm("Delete " + name + " everywhere: the recording, its chunks, its record and its history? This cannot be undone.")) return;
      try {
        await send("DELETE", target.dataset.url);
        location.href = base + "?deleted=" + encodeURIComponent(name);
      } catch (e) { toast("Delete failed: " + e.message); }
    }
  });

  document.addEventListener("submit", async (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("correction")) return;
    ev.preventDefault();
    const data = new FormData(form);
    try {
      const raw = String(data.get("value") || "").trim();
      let value = raw === "" ? null : raw;
      if (value !== null && form.dataset.kind === "number") value = parseFloat(raw.replace(/[^0-9.\-]/g, ""));
      if (value !== null && form.dataset.kind === "list") value = raw.split(",").map((x) => x.trim()).filter(Boolean);
      await send("POST", form.dataset.url, { field: form.dataset.field, value: value, by: data.get("by") });
      toast("Correction saved.");
      await refreshMain();
    } catch (e) { toast("Correction refused: " + e.message); }
  });

  // Dates as the reader's clock shows them (the server writes UTC): "Today, 14:05", "28 Nov, 09:10".
  function localTimes() {
    const now = new Date();
    const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
    const day = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
    const full = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
    document.querySelectorAll("time[datetime]").forEach((el) => {
      const d = new Date(el.getAttribute("datetime"));
      if (isNaN(d) || el.dataset.local) return;
      el.dataset.local = "1";
      el.title = el.textContent + " UTC";
      if (d.toDateString() === now.toDateString()) el.textContent = "Today, " + time.format(d);
      else if (d.getFullYear() === now.getFullYear()) el.textContent = day.format(d) + ", " + time.format(d);
      else el.textContent = full.format(d);
    });
  }

  // The insights page arrives at once; its figures are fetched here, with the seconds counted,
  // since with many calls in the view they take dozens of queries.
  async function loadInsights() {
    const box = document.getElementById("insights");
    if (!box || !box.dataset.src) return;
    const elapsed = box.querySelector("[data-elapsed]");
    const began = Date.now();
    const tick = setInterval(() => {
      const s = Math.round((Date.now() - began) / 1000);
      if (elapsed && s >= 2) elapsed.textContent = " (" + s + " s)";
    }, 1000);
    try {
      const r = await fetch(box.dataset.src, { headers: { Accept: "text/html" } });
      const body = await r.text();
      box.innerHTML = r.ok || r.status === 400 ? body
        : '<p class="panel error" role="alert">The figures could not be computed (HTTP ' + r.status +
          '). <a href="">Try again</a></p>';
    } catch (err) {
      box.innerHTML = '<p class="panel error" role="alert">The figures could not be loaded. <a href="">Try again</a></p>';
    } finally {
      clearInterval(tick);
      box.setAttribute("aria-busy", "false");
    }
  }

  function start() {
    loadInsights();
    localTimes();
    bindDropzone();
    followPlayback();
    watchStatus();
    const rows = document.getElementById("call-rows");
    if (rows && rows.querySelector('tr[data-status="processing"]')) watchRows(5);
    const deleted = new URLSearchParams(location.search).get("deleted");
    if (deleted && !start.told) { start.told = true; toast("Deleted " + deleted + "."); }
  }
  start();
})();
