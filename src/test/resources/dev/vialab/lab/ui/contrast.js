// WCAG 2.x contrast of every visible text on the page, shadow roots included (the ladder and the timeline draw
// in theirs). Returns the texts under AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled
// controls are exempt (WCAG 1.4.3). The background is the composed stack of ancestor backgrounds.
() => {
  const parse = c => {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(x => x).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lum = c => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const over = (fg, bg) => ({ r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a),
    b: fg.b * fg.a + bg.b * (1 - fg.a), a: 1 });
  const up = e => e.parentElement || (e.getRootNode && e.getRootNode().host) || null;
  const background = el => {
    const layers = [];
    for (let e = el; e; e = up(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const disabled = el => { for (let e = el; e; e = up(e)) if (e.hasAttribute && e.hasAttribute('disabled')) return true; return false; };
  const all = function* (root) {
    for (const e of root.querySelectorAll('*')) { yield e; if (e.shadowRoot) yield* all(e.shadowRoot); }
  };
  const bad = [];
  for (const e of all(document)) {
    const svgText = e instanceof SVGElement && (e.tagName === 'text' || e.tagName === 'tspan');
    const own = [...e.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
    if (!own) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight) continue;
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0 || disabled(e)) continue;
    let fg = parse(svgText ? s.fill : s.color);
    if (!fg) continue;
    const bg = background(e);
    fg = over(fg, bg);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize), weight = parseInt(s.fontWeight) || 400;
    const need = size >= 24 || (size >= 18.66 && weight >= 700) ? 3 : 4.5;
    if (ratio < need) {
      bad.push(`${ratio.toFixed(2)} < ${need} ${e.tagName.toLowerCase()}.${(e.getAttribute('class') || '').trim()} "${own.slice(0, 40)}" fg ${s[svgText ? 'fill' : 'color']} bg rgb(${Math.round(bg.r)},${Math.round(bg.g)},${Math.round(bg.b)})`);
    }
  }
  return bad;
}
