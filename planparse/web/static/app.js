// The page: sends what she pastes or drops to the local server, shows the outline beside the
// original text, keeps her edits to the schedule and asks the server for each download.
// Plain JavaScript with no library, so that nothing has to be fetched from the network.
"use strict";

const state = { config: null, doc: null, rows: [], units: null };

const $ = (id) => document.getElementById(id);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

function showMessage(text, ok = false) {
  const box = $("message");
  box.textContent = text;
  box.classList.toggle("ok", ok);
  box.hidden = !text;
}

// Spans count Unicode code points (Python's str); JavaScript strings count UTF-16 units. The two
// differ only after a character outside the BMP, so the table is built only for such a text.
function unitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const units = [0];
  let n = 0;
  for (const ch of text) { n += ch.length; units.push(n); }
  return units;
}

function toUnit(offset) {
  return state.units ? state.units[Math.min(offset, state.units.length - 1)] : offset;
}

function highlight(span, node) {
  const pre = $("original");
  const text = state.doc.text;
  const start = toUnit(span[0]);
  const end = toUnit(span[1]);
  const mark = el("mark", {}, text.slice(start, end));
  pre.replaceChildren(text.slice(0, start), mark, text.slice(end));
  for (const active of document.querySelectorAll("#outline .active")) active.classList.remove("active");
  if (node) node.classList.add("active");
  mark.scrollIntoView({ block: "center" });
}

function shorten(text, width = 40) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= width ? flat : flat.slice(0, width - 1) + "…";
}

function spanText(span) {
  return state.doc.text.slice(toUnit(span[0]), toUnit(span[1]));
}

function node(label, span, kind) {
  const button = el("button", { type: "button", class: "node", title: shorten(spanText(span), 200) });
  if (kind) button.append(el("span", { class: "kind kind-" + kind }, state.config.kinds[kind] || kind));
  button.append(label);
  button.dataset.start = span[0];
  button.dataset.end = span[1];
  return button;
}

function itemList(items) {
  const list = el("ul", { class: "items" });
  for (const item of items) {
    const li = el("li", {}, node(`${item.marker} ${shorten(item.text)}`, item.span));
    if (item.children.length) li.append(itemList(item.children));
    list.append(li);
  }
  return list;
}

function entryList(entries) {
  const list = el("ul", { class: "entries" });
  let label;
  for (const entry of entries) {
    const thisLabel = (entry.month_label || entry.months.join("、") + " 月").trim();
    if (thisLabel !== label) {
      list.append(el("li", { class: "month-label" }, thisLabel));
      label = thisLabel;
    }
    list.append(el("li", { class: "entry" }, node(shorten(entry.activity), entry.span)));
  }
  return list;
}

function renderOutline(doc) {
  const root = el("ul");
  doc.plans.forEach((plan, p) => {
    const year = plan.year ? `（${plan.year} 年）` : "";
    const head = node(`计划 ${p + 1}：${plan.title || "（无标题）"}${year}`, plan.span);
    head.classList.add("plan-title");
    const li = el("li", { class: "plan" }, head);
    const inner = el("ul");
    for (const span of plan.preamble) {
      inner.append(el("li", {}, node(`前言：${shorten(spanText(span), 30)}`, span)));
    }
    // a schedule section shows its entries under their month labels (its items are the same lines
    // without the months); entries that belong to no section follow the plan's sections
    const bySection = new Map();
    for (const entry of plan.schedule) {
      const key = entry.section_index ?? -1;
      if (!bySection.has(key)) bySection.set(key, []);
      bySection.get(key).push(entry);
    }
    plan.sections.forEach((section, s) => {
      const heading = section.heading ? shorten(section.heading, 30) : `（无标题）${shorten(spanText(section.span), 20)}`;
      const sli = el("li", { class: "section" }, node(heading, section.span, section.kind));
      if (bySection.has(s)) sli.append(entryList(bySection.get(s)));
      else if (section.items.length) sli.append(itemList(section.items));
      inner.append(sli);
    });
    if (bySection.has(-1)) {
      const rest = el("li", { class: "schedule" }, el("span", { class: "kind kind-schedule" }, "日程"));
      rest.append(entryList(bySection.get(-1)));
      inner.append(rest);
    }
    li.append(inner);
    root.append(li);
  });
  if (!doc.plans.length) root.append(el("li", { class: "muted" }, "没有找到计划的结构（标题、部分、条目）。"));
  $("outline").replaceChildren(root);
}

const CELLS = ["months", "dates", "activity", "responsible", "participants"];
const CELL_NAMES = { months: "月份", dates: "日期", activity: "活动", responsible: "负责人", participants: "参加范围" };

function renderTable() {
  const body = $("schedule").tBodies[0];
  body.replaceChildren();
  state.rows.forEach((row, r) => {
    const tr = el("tr", { dataset: { row: r } });
    tr.append(el("td", { class: "col-plan" }, String(row.plan + 1)));
    for (const cell of CELLS) {
      const input = el("input", { type: "text", value: row[cell], name: cell, title: CELL_NAMES[cell] });
      input.setAttribute("aria-label", `第 ${r + 1} 行 ${CELL_NAMES[cell]}`);
      input.addEventListener("input", () => { row[cell] = input.value; input.classList.remove("bad"); });
      tr.append(el("td", { class: "col-" + cell }, input));
    }
    const actions = el("td", { class: "actions" });
    const entry = row.entry === null ? null : state.doc.plans[row.plan].schedule[row.entry];
    if (entry) {
      const locate = el("button", { type: "button", class: "locate", title: "在原文中标出" }, "原文");
      locate.addEventListener("click", () => highlight(entry.span, null));
      actions.append(locate);
    }
    const remove = el("button", { type: "button", class: "remove", title: "删除这一行" }, "删除");
    remove.addEventListener("click", () => { state.rows.splice(r, 1); renderTable(); });
    actions.append(remove);
    tr.append(actions);
    body.append(tr);
  });
}

function render(result) {
  state.doc = result.document;
  state.rows = result.rows;
  state.units = unitOffsets(state.doc.text);
  document.body.classList.toggle("multi", state.doc.plans.length > 1);
  const plans = state.doc.plans.length;
  const entries = state.rows.length;
  $("result-title").textContent = `${state.doc.source}：${plans} 份计划，${entries} 条日程`;
  $("original").textContent = state.doc.text;
  renderOutline(state.doc);
  renderTable();
  $("year-hint").hidden = !result.needs_year;
  // empty: the plan's own year stands; what she types replaces it (last year's plan used again)
  const stated = state.doc.plans.find((plan) => plan.year);
  $("year").value = "";
  $("year").placeholder = stated ? `计划写的是 ${stated.year}` : "如 2025";
  $("result").hidden = false;
  showMessage("");
}

async function post(url, body, headers) {
  $("busy").hidden = false;
  try {
    const response = await fetch(url, { method: "POST", body, headers });
    return response;
  } finally {
    $("busy").hidden = true;
  }
}

async function errorOf(response) {
  try {
    const data = await response.json();
    if (data.error) return data.error;
  } catch (_) { /* not JSON: fall through */ }
  return `服务器出错（${response.status}）`;
}

async function parseResponse(response) {
  if (!response.ok) { showMessage(await errorOf(response)); return; }
  render(await response.json());
}

async function parseText() {
  const text = $("paste-text").value;
  if (!text.trim()) { showMessage("请先在文本框里粘贴计划的文字"); return; }
  try {
    await parseResponse(await post("/api/parse/text", text, { "Content-Type": "text/plain; charset=utf-8" }));
  } catch (_) {
    showMessage("连不上 planparse：请确认运行 planparse serve 的窗口还开着");
  }
}

async function uploadFile(file) {
  if (!file) return;
  if (file.size > state.config.max_bytes) {
    showMessage(`“${file.name}”太大：上限是 ${state.config.max_mb} MB`);
    return;
  }
  try {
    const headers = { "Content-Type": "application/octet-stream", "X-Filename": encodeURIComponent(file.name) };
    await parseResponse(await post("/api/parse/file", file, headers));
  } catch (_) {
    showMessage("连不上 planparse：请确认运行 planparse serve 的窗口还开着");
  }
}

function downloadName(response, fmt) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  return match ? decodeURIComponent(match[1]) : `日程.${fmt}`;
}

async function download(fmt) {
  const yearText = $("year").value.trim();
  const year = yearText ? Number(yearText) : null;
  if (yearText && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) {
    showMessage("年份请填写 1900 到 2200 之间的数字");
    return;
  }
  const body = JSON.stringify({ document: state.doc, rows: state.rows, year });
  let response;
  try {
    response = await post(`/api/download/${fmt}`, body, { "Content-Type": "application/json" });
  } catch (_) {
    showMessage("连不上 planparse：请确认运行 planparse serve 的窗口还开着");
    return;
  }
  if (!response.ok) {
    const message = await errorOf(response);
    showMessage(message);
    const row = /^第 (\d+) 行/.exec(message);
    if (row) {
      const cell = CELLS.find((c) => message.includes(CELL_NAMES[c]));
      const input = document.querySelector(`#schedule tr[data-row="${Number(row[1]) - 1}"] input[name="${cell || "activity"}"]`);
      if (input) { input.classList.add("bad"); input.focus(); }
    }
    return;
  }
  const blob = await response.blob();
  const link = el("a", { href: URL.createObjectURL(blob), download: downloadName(response, fmt) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  showMessage(`已下载：${link.download}`, true);
}

function addRow() {
  const last = state.rows[state.rows.length - 1];
  state.rows.push({ plan: last ? last.plan : 0, entry: null, months: "", dates: "", activity: "", responsible: "", participants: "" });
  renderTable();
  const inputs = $("schedule").tBodies[0].lastElementChild.querySelectorAll("input");
  inputs[0].focus();
}

async function start() {
  try {
    state.config = await (await fetch("/api/config")).json();
  } catch (_) {
    showMessage("连不上 planparse：请确认运行 planparse serve 的窗口还开着");
    return;
  }
  $("limit-hint").textContent = `文件不超过 ${state.config.max_mb} MB`;
  $("parse-text").addEventListener("click", parseText);
  $("file-input").addEventListener("change", (event) => { uploadFile(event.target.files[0]); event.target.value = ""; });
  const zone = $("drop-zone");
  // the zone takes the keyboard too: Enter or Space opens the file chooser
  zone.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); $("file-input").click(); }
  });
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const files = event.dataTransfer.files;
    if (files.length > 1) showMessage("一次只能放一个文件：先读第一个");
    uploadFile(files[0]);
  });
  // a file dropped beside the zone would make the browser leave the page to show it
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
  $("outline").addEventListener("click", (event) => {
    const button = event.target.closest("button.node");
    if (button) highlight([Number(button.dataset.start), Number(button.dataset.end)], button);
  });
  $("add-row").addEventListener("click", addRow);
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
