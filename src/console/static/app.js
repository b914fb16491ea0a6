// The console page: analyze a paste or a dropped file, search the knowledge base, read the handoff.

(() => {
  const $ = (id) => document.getElementById(id);
  const T = {
    en: {
      tabAnalyze: 'Analyze',
      tabSearch: 'Knowledge base',
      tabHandoff: 'Handoff',
      language: 'Language',
      intro:
        'Paste a Netty OutOfDirectMemoryError, a JDK "Direct buffer memory" error or a Netty LEAK report, or drop a log file. You see the reply the bot would post in Slack.',
      examples: 'Examples:',
      drop: '…or drop a .log / .txt file here',
      analyze: 'Analyze',
      chooseFile: 'Choose a log file',
      reply: 'The reply',
      facts: 'Facts and findings',
      json: 'The JSON report',
      search: 'Search',
      since: 'Since',
      show: 'Show',
      working: 'Analyzing…',
      nothing: 'Nothing found.',
      empty: 'Paste a trace first.',
      noHits: 'Nothing in the knowledge base matches.',
      kind: 'Event',
      requested: 'Requested',
      used: 'Used',
      max: 'Limit (max)',
      frameworks: 'Frameworks',
      netty: 'Netty version',
      transport: 'Transport',
      threads: 'Threads',
      path: 'Allocation path',
      limit: 'Limit set by',
      io: 'Read / write',
      leak: 'Leak sites',
      playbook: 'Playbook',
      confidence: 'confidence',
      commands: 'Commands',
      references: 'References',
      steps: 'Steps',
    },
    zh: {
      tabAnalyze: '分析',
      tabSearch: '知识库',
      tabHandoff: '交接',
      language: '语言',
      intro:
        '粘贴 Netty OutOfDirectMemoryError、JDK “Direct buffer memory” 报错或 Netty LEAK 报告，或拖入日志文件，即可看到机器人在 Slack 里的回复。',
      examples: '示例：',
      drop: '……或把 .log / .txt 文件拖到这里',
      analyze: '分析',
      chooseFile: '选择日志文件',
      reply: '回复',
      facts: '事实与结论',
      json: 'JSON 报告',
      search: '搜索',
      since: '时间范围',
      show: '查看',
      working: '分析中……',
      nothing: '没有发现。',
      empty: '请先粘贴堆栈。',
      noHits: '知识库中没有匹配的内容。',
      kind: '事件',
      requested: '申请',
      used: '已用',
      max: '上限 (max)',
      frameworks: '框架',
      netty: 'Netty 版本',
      transport: '传输',
      threads: '线程',
      path: '分配路径',
      limit: '上限来源',
      io: '读 / 写',
      leak: '泄漏位置',
      playbook: '处理手册',
      confidence: '置信度',
      commands: '命令',
      references: '参考',
      steps: '步骤',
    },
  };
  let uiLang = 'en';
  const t = (k) => T[uiLang][k] ?? T.en[k] ?? k;
  const chosenLang = () => $('lang').value;
  const langParam = () => (chosenLang() === 'auto' ? '' : `?lang=${chosenLang()}`);

  function setUiLang(lang) {
    uiLang = lang === 'zh' ? 'zh' : 'en';
    document.documentElement.lang = uiLang === 'zh' ? 'zh-CN' : 'en';
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
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

  $('lang').addEventListener('change', () => {
    if (chosenLang() !== 'auto') setUiLang(chosenLang());
    if (!$('result').hidden && $('paste').value.trim()) analyze($('paste').value);
  });

  // Analyze
  async function analyze(body) {
    if (!body || (typeof body === 'string' && !body.trim())) {
      $('status').textContent = t('empty');
      return;
    }
    $('status').textContent = t('working');
    const res = await fetch(`/api/analyze${langParam()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body,
    });
    const data = await res.json();
    if (!res.ok) {
      $('status').textContent = data.error;
      return;
    }
    $('status').textContent = data.report.detected ? '' : t('nothing');
    if (chosenLang() === 'auto') setUiLang(data.report.language);
    window.renderBlocks(data.blocks, $('reply'));
    renderFacts(data.report);
    $('json').textContent = JSON.stringify(data.report, null, 2);
    $('result').hidden = false;
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
    row('path', s.allocationPath);
    row('limit', `${s.limitOrigin.guess}: ${s.limitOrigin.evidence}`);
    row('io', s.ioDirection);
    row('leak', s.leakSites.map((l) => `${l.frame} ×${l.count}`).join(', '));
    row('playbook', report.playbook ? `${report.playbook.title} (${report.playbook.id})` : null);
    const findings = document.createElement('div');
    for (const f of report.findings) {
      const d = document.createElement('div');
      d.className = 'finding';
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${Math.round(f.confidence * 120)}px`;
      const head = document.createElement('strong');
      head.textContent = `${f.scenario} — ${Math.round(f.confidence * 100)} % ${t('confidence')}`;
      const ul = document.createElement('ul');
      for (const ev of f.evidence) {
        const li = document.createElement('li');
        li.textContent = ev;
        ul.append(li);
      }
      d.append(bar, head, ul);
      findings.append(d);
    }
    $('facts').replaceChildren(table, findings);
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
  fetch('/api/seeds')
    .then((r) => r.json())
    .then((seeds) => {
      for (const s of seeds) {
        const b = document.createElement('button');
        b.textContent = s.title;
        b.dataset.seed = s.id;
        b.addEventListener('click', () => {
          $('paste').value = s.text;
          analyze(s.text);
        });
        $('seeds').append(b);
      }
    });

  // Search
  $('search-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = $('q').value.trim();
    if (!q) return;
    const lang = chosenLang() === 'auto' ? '' : `&lang=${chosenLang()}`;
    const data = await (await fetch(`/api/search?q=${encodeURIComponent(q)}${lang}`)).json();
    const items = data.hits.map((h) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${h.type}/${h.id}`;
      a.textContent = h.title;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        openDoc(h.id);
      });
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = h.type === 'playbook' ? t('playbook') : h.id;
      li.append(a, tag);
      return li;
    });
    if (items.length === 0) {
      const li = document.createElement('li');
      li.textContent = t('noHits');
      items.push(li);
    }
    $('hits').replaceChildren(...items);
    $('doc').hidden = true;
  });

  async function openDoc(id) {
    const lang = chosenLang() === 'auto' ? uiLang : chosenLang();
    const doc = await (await fetch(`/api/docs/${encodeURIComponent(id)}`)).json();
    const d = doc.doc;
    const box = $('doc');
    const h = document.createElement('h2');
    h.textContent = d.title[lang];
    const summary = document.createElement('p');
    summary.textContent = d.summary[lang];
    const parts = [h, summary];
    if (doc.type === 'knowledge') {
      const ex = document.createElement('div');
      ex.className = 'slack';
      window.renderMrkdwn(d.explanation[lang], ex);
      parts.push(ex);
      if (d.commands?.length) {
        const pre = document.createElement('pre');
        pre.textContent = d.commands.join('\n');
        parts.push(pre);
      }
    } else {
      const ol = document.createElement('ol');
      for (const s of d.steps) {
        const li = document.createElement('li');
        li.className = 'slack';
        window.renderMrkdwn(`*${s.kind}* — ${s.fallback ? s.fallback[lang] : s.text[lang]}`, li);
        if (s.command || s.commandFallback) {
          const pre = document.createElement('pre');
          pre.textContent = s.commandFallback ?? s.command;
          li.append(pre);
        }
        ol.append(li);
      }
      parts.push(ol);
    }
    const refs = document.createElement('ul');
    for (const url of d.references) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = url;
      a.rel = 'noopener noreferrer';
      a.textContent = url;
      li.append(a);
      refs.append(li);
    }
    parts.push(refs);
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  // Handoff
  async function loadHandoff() {
    const since = encodeURIComponent($('since').value || '24h');
    const res = await fetch(`/api/handoff?since=${since}`);
    const data = await res.json();
    if (!res.ok) {
      $('handoff').textContent = data.error;
      return;
    }
    window.renderBlocks(data.blocks, $('handoff'));
  }
  $('handoff-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadHandoff();
  });

  setUiLang(navigator.language?.startsWith('zh') ? 'zh' : 'en');
})();
