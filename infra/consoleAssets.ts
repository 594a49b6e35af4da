// The web console's static files and page CSP: plain strings, here beside the CDK app (which deploys them to S3 and
// puts the CSP in CloudFront's headers) rather than in infra/web, which sits above the CDK app in the layers.

/**
 * The content-security policy of the console's pages: script and style only from the two files below (no inline
 * script or style). The app sends it, and CloudFront's response-headers policy on AWS carries the same string.
 */
export const pageCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
  "frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'";

/** The console's style sheet: one column on a phone, readable tables that scroll sideways, visible focus. */
export const consoleCss = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif; color: #1a1a1a;
  background: #fafafa; line-height: 1.6; font-size: 16px; }
a { color: #0b4f9c; } a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible,
textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #e65100; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
.skip:focus { left: 8px; z-index: 10; }
header.top { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; padding: 8px 16px; background: #123b6d; color: #fff; }
header.top a, header.top .link { color: #fff; }
.brand { font-weight: 700; margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 16px; margin: 0; padding: 0; }
.who { display: flex; gap: 12px; align-items: center; margin-left: auto; flex-wrap: wrap; }
.who form { margin: 0; }
button.link { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 8px 0 16px; } h2 { font-size: 1.2rem; margin: 24px 0 8px; }
footer { max-width: 1200px; margin: 0 auto; padding: 8px 16px; color: #555; font-size: 0.875rem; }
.table-wrap { overflow-x: auto; margin: 8px 0 16px; }
.table-wrap table { min-width: 640px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #bbb; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #e8eef6; }
tr.overdue td { background: #fdecea; }
.badge { display: inline-block; padding: 0 8px; border-radius: 8px; font-size: 0.875rem; color: #fff; background: #555; }
.badge.ok { background: #1b5e20; } .badge.bad { background: #b71c1c; } .badge.warn { background: #8a4b00; }
form.stack { display: grid; gap: 12px; max-width: 560px; background: #fff; padding: 16px; border: 1px solid #ccc; }
form.stack label { font-weight: 600; } fieldset { border: 1px solid #ccc; } legend { font-weight: 600; }
input[type=text], input[type=password], input[type=number], select, textarea { font: inherit; padding: 6px; width: 100%;
  border: 1px solid #666; border-radius: 2px; }
button.primary { font: inherit; padding: 8px 16px; background: #0b4f9c; color: #fff; border: 0; border-radius: 2px; cursor: pointer; }
.drop { border: 2px dashed #0b4f9c; padding: 24px 16px; text-align: center; background: #f2f6fb; }
.drop.over { background: #dce8f7; }
progress { width: 100%; height: 16px; }
.error { color: #b71c1c; font-weight: 600; } .notice { background: #e8f5e9; padding: 8px; border-left: 4px solid #1b5e20; }
.alert { background: #fdecea; padding: 8px; border-left: 4px solid #b71c1c; }
tr.broken td { background: #fdecea; color: #b71c1c; font-weight: 700; }
tr.broken td:first-child { border-left: 6px solid #b71c1c; } .alert p { margin: 4px 0; }
td.file { overflow-wrap: anywhere; } .caution { color: #8a4b00; font-size: 0.875rem; }
iframe.report { width: 100%; height: 75vh; border: 1px solid #bbb; background: #fff; }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.filters div { display: grid; } .filters select { width: auto; min-width: 10em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { color: #444; } dl.facts dd { margin: 0; }
code.hash { word-break: break-all; } tr.muted td { color: #555; } fieldset.stack { display: grid; gap: 8px; }
input[type=datetime-local] { font: inherit; padding: 6px; border: 1px solid #666; border-radius: 2px; }
@media (max-width: 600px) { main { padding: 8px; } .who { margin-left: 0; } }
`;

/**
 * The console's only script: drag and drop onto the upload form, the upload sent with XMLHttpRequest so its
 * progress shows in the bar, and the check's progress followed on the bundle's page. Without it the form still posts
 * (and the server answers with a redirect) and the bundle's page offers a refresh link.
 */
export const consoleJs = `
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-upload]');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  var drop = form.querySelector('.drop');
  var bar = form.querySelector('progress');
  var status = form.querySelector('[data-status]');
  var chosen = form.querySelector('[data-chosen]');
  function show(text, isError) { status.textContent = text; status.className = isError ? 'error' : ''; }
  input.addEventListener('change', function () { chosen.textContent = input.files.length ? input.files[0].name : ''; });
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    chosen.textContent = input.files[0].name;
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!input.files.length) { show('请先选择材料包文件。', true); input.focus(); return; }
    bar.hidden = false; bar.value = 0;
    direct(input.files[0]).then(function (used) { if (!used) viaServer(); })
      .catch(function () { show('网络中断，上传已暂停。再次点击“上传并检查”将从中断处继续。', true); });
  });
  // On AWS the bundle goes straight to S3 in 10 MB parts (the server answers POST /unit/uploads; locally it does not,
  // and the form posts to the server). The parts stored so far are listed again after a dropped connection.
  var csrf = form.querySelector('input[name=csrf]');
  function api(method, url, body) {
    return fetch(url, { method: method, credentials: 'same-origin', headers: { Accept: 'application/json',
      'Content-Type': 'application/json', 'X-CSRF-Token': csrf ? csrf.value : '' },
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { b.status = r.status; return b; }); });
  }
  function putPart(url, blob, onProgress) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open('PUT', url);
      x.upload.addEventListener('progress', function (p) { onProgress(p.loaded); });
      x.addEventListener('load', function () { x.status === 200 ? resolve() : reject(new Error('part ' + x.status)); });
      x.addEventListener('error', function () { reject(new Error('network')); });
      x.send(blob);
    });
  }
  function retried(work, tries) {
    return work().catch(function (err) {
      if (tries <= 1) throw err;
      return new Promise(function (r) { setTimeout(r, 2000); }).then(function () { return retried(work, tries - 1); });
    });
  }
  function direct(file) {
    var memo = 'award-upload:' + file.name + ':' + file.size + ':' + file.lastModified;
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(memo) || 'null'); } catch (err) { saved = null; }
    var q = saved ? '?uploadId=' + encodeURIComponent(saved.uploadId) + '&fileName=' + encodeURIComponent(file.name) : '';
    var listed = saved ? api('GET', '/unit/uploads/parts' + q) : Promise.resolve({ status: 404 });
    return listed.then(function (l) {
      if (l.status === 200) return { upload: saved, done: l.parts };
      return api('POST', '/unit/uploads', { fileName: file.name, size: file.size }).then(function (c) {
        if (c.status === 404) return null;
        if (c.status !== 200) { show(c.message || ('上传失败（' + c.status + '）'), true); return 'refused'; }
        localStorage.setItem(memo, JSON.stringify(c));
        return { upload: c, done: [] };
      });
    }).then(function (state) {
      if (state === 'refused') return true;
      if (!state) return false;
      var up = state.upload, size = up.partSize, have = {}, stored = 0;
      state.done.forEach(function (p) { have[p.partNumber] = true; stored += p.size; });
      var todo = [];
      for (var n = 1; n <= up.parts; n++) if (!have[n]) todo.push(n);
      if (stored) show('继续上传：已有 ' + Math.round((stored / file.size) * 100) + '%');
      var chain = Promise.resolve();
      todo.forEach(function (n) {
        chain = chain.then(function () {
          var blob = file.slice((n - 1) * size, Math.min(n * size, file.size));
          return retried(function () {
            return api('POST', '/unit/uploads/parts', { fileName: file.name, uploadId: up.uploadId, partNumbers: [n] })
              .then(function (r) {
                if (r.status !== 200) throw new Error('presign ' + r.status);
                return putPart(r.urls[0].url, blob, function (loaded) {
                  bar.value = Math.round(((stored + loaded) / file.size) * 100); show('正在上传：' + bar.value + '%');
                });
              });
          }, 3).then(function () { stored += blob.size; });
        });
      });
      return chain.then(function () {
        return api('POST', '/unit/uploads/complete', { fileName: file.name, uploadId: up.uploadId, size: file.size });
      }).then(function (d) {
        if (d.status !== 200) { show(d.message || ('上传失败（' + d.status + '）'), true); return true; }
        localStorage.removeItem(memo);
        bar.value = 100; show('上传完成，正在打开检查进度。');
        window.location.assign(d.location);
        return true;
      });
    });
  }
  function viaServer() {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    bar.hidden = false; bar.value = 0;
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) { bar.value = Math.round((p.loaded / p.total) * 100); show('正在上传：' + bar.value + '%'); }
    });
    xhr.upload.addEventListener('load', function () { bar.value = 100; show('上传完成。'); });
    xhr.addEventListener('load', function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = {}; }
      if (xhr.status === 200 && body.location) { show('上传完成，正在打开检查进度。'); window.location.assign(body.location); }
      else show(body.message || ('上传失败（' + xhr.status + '）'), true);
    });
    xhr.addEventListener('error', function () { show('网络中断，上传未完成，请重新上传。', true); });
    xhr.send(new FormData(form));
  }
});
// While a bundle is being checked its page asks for the progress, then reloads to show the report.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('[data-intake-status]');
  if (!box) return;
  var bar = box.querySelector('progress');
  var text = box.querySelector('[data-progress-text]');
  function poll() {
    fetch(box.getAttribute('data-intake-status'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return setTimeout(poll, 3000);
        if (s.state === 'done' || s.state === 'failed') return window.location.reload();
        if (s.files) { bar.max = s.files; bar.value = s.filesRead; text.textContent = '正在读取文件：' + s.filesRead + ' / ' + s.files; }
        setTimeout(poll, 1500);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
});
`;
