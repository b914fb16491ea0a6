/** The console page: paste a trace, see the reply the bot would post. Works offline: no outside assets. */
export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>netty-oom console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 1.5rem; color: #1d1c1d; }
  textarea { width: 100%; height: 14rem; font: 13px ui-monospace, monospace; box-sizing: border-box; }
  button { font: inherit; padding: .4rem 1rem; margin: .5rem .5rem 0 0; }
  pre { background: #f6f6f6; padding: 1rem; white-space: pre-wrap; word-break: break-word; }
</style>
</head>
<body>
<h1>netty-oom</h1>
<p>Paste a Netty <code>OutOfDirectMemoryError</code>, a JDK <code>Direct buffer memory</code> error or a Netty <code>LEAK:</code> report.</p>
<textarea id="paste" aria-label="Pasted trace" placeholder="io.netty.util.internal.OutOfDirectMemoryError: failed to allocate …"></textarea>
<div><button id="go">Analyze</button></div>
<pre id="reply" aria-live="polite"></pre>
<script>
const reply = document.getElementById('reply');
document.getElementById('go').addEventListener('click', async () => {
  reply.textContent = '…';
  const res = await fetch('/api/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: document.getElementById('paste').value });
  const data = await res.json();
  if (!res.ok) { reply.textContent = data.error; return; }
  reply.textContent = data.blocks.map((b) => b.text ? b.text.text : b.fields ? b.fields.map((f) => f.text).join('\\n') : b.elements ? b.elements.map((e) => e.text.text || e.text).join(' ') : '').join('\\n\\n');
});
</script>
</body>
</html>
`;
