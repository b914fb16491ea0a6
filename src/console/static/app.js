// The console page: analyze a paste or a dropped file, search the knowledge base, read the handoff.
// Its words come from the server's message table (/api/messages), in the language the reader picks.

(() => {
  const $ = (id) => document.getElementById(id);
  /** An element with properties and children; text goes in as text, never as markup. */
  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  };
  const STORED = 'netty-oom.ui-lang';
  const loaded = {};
  let uiLang = 'en';
  let words = {};
  /** What the status line says, kept as key and values so a language switch rewords it. */
  let status = null;
  let lastReport = null;
  let lastDoc = null;

  /** A message of the table, `{name}` placeholders filled. */
  const t = (key, values = {}) =>
    (words[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => (values[k] === undefined ? m : String(values[k])));
  const chosenLang = () => $('lang').value;
  const langParam = () => (chosenLang() === 'auto' ? '' : `?lang=${chosenLang()}`);

  async function messagesOf(lang) {
    if (!loaded[lang]) loaded[lang] = (await (await fetch(`/api/messages?lang=${lang}`)).json()).messages;
    return loaded[lang];
  }

  async function setUiLang(lang) {
    uiLang = lang === 'zh' ? 'zh' : 'en';
    words = await messagesOf(uiLang);
    try {
      localStorage.setItem(STORED, uiLang);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
    $('ui-lang').value = uiLang;
    document.documentElement.lang = uiLang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-placeholder]'))
      e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const e of document.querySelectorAll('[data-i18n-aria]'))
      e.setAttribute('aria-label', t(e.dataset.i18nAria));
    for (const b of document.querySelectorAll('[data-seed]')) b.textContent = t(`seed.${b.dataset.seed}`);
    showStatus();
    if (lastReport) renderFacts(lastReport);
    const docShown = lastDoc && !$('doc').hidden;
    if ($('hits').children.length > 0) await search();
    if (docShown) openDoc(lastDoc);
    if (!$('tab-handoff').hidden) loadHandoff();
  }

  /** `language` names a `lang.*` message, worded when shown: a language switch rewords it too. */
  function setStatus(key, values = {}, language = null) {
    status = { key, values, language };
    showStatus();
  }
  function showStatus() {
    if (!status) $('status').textContent = '';
    else if (status.text !== undefined) $('status').textContent = status.text;
    else {
      const language = status.language ? { language: t(status.language) } : {};
      $('status').textContent = t(status.key, { ...status.values, ...language });
    }
  }

  // Tabs
  for (const b of document.querySelectorAll('[role="tab"]')) {
    b.addEventListener('click', () => {
      for (const x of document.querySelectorAll('[role="tab"]'))
        x.setAttribute('aria-selected', String(x === b));
      for (const s of document.querySelectorAll('.tab')) s.hidden = s.id !== `tab-${b.dataset.tab}`;
      if (b.dataset.tab === 'handoff') loadHandoff();
    });
  }

  $('ui-lang').addEventListener('change', () => setUiLang($('ui-lang').value));
  $('lang').addEventListener('change', () => {
    if (!$('result').hidden && $('paste').value.trim()) analyze($('paste').value);
  });

  // Analyze
  async function analyze(body) {
    if (!body || (typeof body === 'string' && !body.trim())) {
      setStatus('empty');
      return;
    }
    setStatus('working');
    const chosen = chosenLang();
    const res = await fetch(`/api/analyze${langParam()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
    });
    const data = await res.json();
    if (!res.ok) {
      // Worded by the page when the server names a message, else as sent.
      status = data.message ?? { text: data.error };
      showStatus();
      return;
    }
    window.renderBlocks(data.blocks, $('reply'), { buttonTitle: t('buttonsInSlack') });
    // In Slack the playbook is one click away; here it is shown under the reply.
    window.renderBlocks(data.playbook ?? [], $('playbook'));
    $('playbook-box').hidden = !data.playbook?.length;
    lastReport = data.report;
    renderFacts(data.report);
    $('json').textContent = JSON.stringify(data.report, null, 2);
    $('result').hidden = false;
    // The status line speaks of the analysis just shown, in the reader's language.
    if (!data.report.detected) setStatus('nothing');
    else setStatus(chosen === 'auto' ? 'answered' : 'answeredAsChosen', {}, `lang.${data.report.language}`);
  }

  const bytes = (n) => (n === null || n === undefined ? '—' : `${fmt(n)} (${n} B)`);
  function fmt(n) {
    const units = [
      ['GiB', 2 ** 30],
      ['MiB', 2 ** 20],
      ['KiB', 2 ** 10],
    ];
    for (const [u, s] of units)
      if (Math.abs(n) >= s) return `${(n / s).toFixed(2).replace(/\.?0+$/, '')} ${u}`;
    return `${n} B`;
  }

  /** An enum of the report with its label: `新的池化 chunk (pooled-chunk)`. */
  const labelled = (group, id) => {
    const label = words[`${group}.${id}`];
    return label && label !== id ? `${label} (${id})` : id;
  };

  function renderFacts(report) {
    const s = report.summary;
    const table = document.createElement('table');
    table.className = 'facts';
    const row = (k, v) => {
      const tr = table.insertRow();
      tr.insertCell().textContent = t(k);
      tr.insertCell().textContent = v === null || v === undefined || v === '' ? '—' : String(v);
    };
    row('kind', s.kind);
    row('requested', bytes(s.requestedBytes));
    row('used', bytes(s.usedBytes));
    row('max', bytes(s.maxBytes));
    row('frameworks', s.frameworks.map((f) => `${f.id} (${f.evidence})`).join(', '));
    row('netty', s.nettyVersion);
    row('transport', s.transport);
    row('threads', s.threads.join(', '));
    row('path', labelled('allocationPath', s.allocationPath));
    row('limit', `${labelled('limitGuess', s.limitOrigin.guess)}: ${s.limitOrigin.evidence}`);
    row('io', labelled('ioDirection', s.ioDirection));
    row('leak', s.leakSites.map((l) => `${l.frame} ×${l.count}`).join(', '));
    row('playbook', report.playbook ? `${report.playbook.title} (${report.playbook.id})` : null);
    const findings = report.findings.map((f) => {
      const bar = el('span', { className: 'bar' });
      bar.style.width = `${Math.round(f.confidence * 120)}px`;
      const percent = `${Math.round(f.confidence * 100)} %`;
      const head = el('strong', { textContent: `${f.scenario} — ${t('confidence', { percent })}` });
      const evidence = el('ul', {}, ...f.evidence.map((ev) => el('li', { textContent: ev })));
      return el('div', { className: 'finding' }, bar, head, evidence);
    });
    $('facts').replaceChildren(table, el('div', {}, ...findings));
  }

  $('analyze').addEventListener('click', () => analyze($('paste').value));

  async function analyzeFile(file) {
    $('paste').value = file.size < 200_000 ? await file.text() : `[${file.name}: ${fmt(file.size)}]`;
    await analyze(file);
  }
  $('file').addEventListener('change', () => {
    const f = $('file').files[0];
    if (f) analyzeFile(f);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer.files[0];
    if (f) analyzeFile(f);
  });

  // Seeds: one click away
  async function loadSeeds() {
    const seeds = await (await fetch('/api/seeds')).json();
    for (const s of seeds) {
      const b = document.createElement('button');
      b.textContent = t(`seed.${s.id}`);
      b.dataset.seed = s.id;
      b.addEventListener('click', () => {
        $('paste').value = s.text;
        analyze(s.text);
      });
      $('seeds').append(b);
    }
  }

  // Search: English or Chinese questions, the hits and the entries in the reader's language.
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search();
  });
  async function search() {
    const q = $('q').value.trim();
    if (!q) return;
    const data = await (await fetch(`/api/search?q=${encodeURIComponent(q)}&lang=${uiLang}`)).json();
    const items = data.hits.map((h) => {
      const a = el('a', { href: `#${h.type}/${h.id}`, textContent: h.title });
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        openDoc(h.id);
      });
      return el(
        'li',
        {},
        a,
        el('span', { className: 'tag', textContent: h.type === 'playbook' ? t('playbook') : h.id }),
      );
    });
    if (items.length === 0) items.push(el('li', { textContent: t('noHits') }));
    $('hits').replaceChildren(...items);
    $('doc').hidden = true;
  }

  /** An entry or a playbook, in the reader's language. */
  async function openDoc(id) {
    const lang = uiLang;
    lastDoc = id;
    const doc = await (await fetch(`/api/docs/${encodeURIComponent(id)}`)).json();
    const d = doc.doc;
    const parts = [el('h2', { textContent: d.title[lang] }), el('p', { textContent: d.summary[lang] })];
    if (doc.type === 'knowledge') {
      parts.push(window.renderMrkdwn(d.explanation[lang], el('div', { className: 'slack' })));
      if (d.commands?.length) parts.push(el('pre', { textContent: d.commands.join('\n') }));
    } else {
      const steps = d.steps.map((s) => {
        const text = `*${t(`step.${s.kind}`)}* — ${s.fallback ? s.fallback[lang] : s.text[lang]}`;
        const li = window.renderMrkdwn(text, el('li', { className: 'slack' }));
        if (s.command || s.commandFallback)
          li.append(el('pre', { textContent: s.commandFallback ?? s.command }));
        return li;
      });
      parts.push(el('ol', {}, ...steps));
    }
    const link = (url) => el('a', { href: url, rel: 'noopener noreferrer', textContent: url });
    parts.push(el('ul', {}, ...d.references.map((url) => el('li', {}, link(url)))));
    $('doc').replaceChildren(...parts);
    $('doc').hidden = false;
  }

  // Handoff, in the reader's language
  async function loadHandoff() {
    const since = encodeURIComponent($('since').value || '24h');
    const res = await fetch(`/api/handoff?since=${since}&lang=${uiLang}`);
    const data = await res.json();
    if (!res.ok) {
      $('handoff').textContent = data.message ? t(data.message.key, data.message.values) : data.error;
      return;
    }
    window.renderBlocks(data.blocks, $('handoff'), { buttonTitle: t('buttonsInSlack') });
  }
  $('handoff-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadHandoff();
  });

  let stored = null;
  try {
    stored = localStorage.getItem(STORED);
  } catch {
    // No storage: fall back to the browser's language.
  }
  const initial = stored ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  setUiLang(initial).then(loadSeeds);
})();
