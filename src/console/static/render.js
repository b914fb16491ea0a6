// Block Kit and Slack mrkdwn to DOM nodes, for the blocks and elements the bot posts. Every text ends
// up in a text node: nothing pasted can become markup.

(() => {
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  /** Slack's three entities back to characters (the bot escapes only &, < and >). */
  const unslack = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  /** `<https://x|label>`, `<#C1>`, `<@U1>`, `<!date^…|fallback>` */
  function special(token) {
    const body = token.slice(1, -1);
    const [target, label] = body.split('|');
    if (/^https?:\/\//.test(target)) {
      const a = el('a', null, unslack(label ?? target));
      a.href = target;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      return a;
    }
    if (target.startsWith('#')) return el('span', 'mention', `#${label ?? target.slice(1)}`);
    if (target.startsWith('@')) return el('span', 'mention', `@${label ?? target.slice(1)}`);
    if (target.startsWith('!date^')) {
      const seconds = Number(target.split('^')[1]);
      const d = new Date(seconds * 1000);
      return el('span', null, Number.isFinite(seconds) ? d.toLocaleString() : unslack(label ?? ''));
    }
    return document.createTextNode(unslack(token));
  }

  /** Inline mrkdwn: `code`, *bold*, _italic_, ~strike~ and <links>. */
  function inline(text, into) {
    const re = /(`[^`\n]+`|<[^<>\s][^<>]*>|\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > last) into.append(unslack(text.slice(last, m.index)));
      const t = m[0];
      if (t[0] === '`') into.append(el('code', null, unslack(t.slice(1, -1))));
      else if (t[0] === '<') into.append(special(t));
      else {
        const tag = t[0] === '*' ? 'strong' : t[0] === '_' ? 'em' : 's';
        const e = el(tag);
        inline(t.slice(1, -1), e);
        into.append(e);
      }
      last = m.index + t.length;
    }
    if (last < text.length) into.append(unslack(text.slice(last)));
  }

  /** Block mrkdwn: ``` fenced code ``` between inline runs. */
  function mrkdwn(text, into) {
    const parts = text.split(/```/);
    parts.forEach((part, i) => {
      if (i % 2 === 1) into.append(el('pre', null, unslack(part.replace(/^\n|\n$/g, ''))));
      else if (part) inline(part, into);
    });
    return into;
  }

  function textObject(obj, into) {
    if (!obj) return into;
    if (obj.type === 'mrkdwn') return mrkdwn(obj.text, into);
    into.append(obj.text);
    return into;
  }

  function block(b, labels) {
    switch (b.type) {
      case 'header':
        return textObject(b.text, el('div', 'bk-header'));
      case 'section': {
        const s = el('div', 'bk-section');
        if (b.text) textObject(b.text, s);
        if (b.fields) {
          const grid = el('div', 'bk-fields');
          for (const f of b.fields) grid.append(textObject(f, el('div', 'bk-field')));
          s.append(grid);
        }
        return s;
      }
      case 'context': {
        const c = el('div', 'bk-context');
        for (const e of b.elements ?? []) textObject(e, c);
        return c;
      }
      case 'divider':
        return el('hr', 'bk-divider');
      case 'actions': {
        const row = el('div', 'bk-actions');
        for (const e of b.elements ?? []) {
          const btn = el('button', null, e.text?.text ?? '');
          btn.disabled = true;
          btn.title = labels.buttonTitle ?? '';
          row.append(btn);
        }
        return row;
      }
      case 'rich_text': {
        const r = el('div', 'bk-section');
        for (const e of b.elements ?? []) {
          const text = (e.elements ?? []).map((x) => x.text ?? '').join('');
          r.append(e.type === 'rich_text_preformatted' ? el('pre', null, text) : el('div', null, text));
        }
        return r;
      }
      default:
        return el('div', 'bk-context', `[${b.type}]`);
    }
  }

  /** Render a Block Kit array into `container`, replacing what was there; `labels` word the page's own parts. */
  window.renderBlocks = (blocks, container, labels = {}) => {
    container.replaceChildren(...blocks.map((b) => block(b, labels)));
  };
  window.renderMrkdwn = (text, container) => mrkdwn(text, container);
})();
