import type { FlowLayout, PlacedNode } from './layout';

const FILL: Record<PlacedNode['kind'], string> = {
  input: '#eef2ff',
  tool: '#f1f5f9',
  destination: '#ecfdf5',
  agent: '#fef3c7',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string, width: number): string {
  const max = Math.floor((width - 16) / 6.5);
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
}

/**
 * A laid-out diagram as a standalone SVG (the evidence pack's picture of a map): the same boxes
 * and edges the dashboard draws, external destinations in red. Edges are straight lines from the
 * right edge of one box to the left edge of the next.
 */
export function flowSvg(layout: FlowLayout, title: string): string {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const w = layout.width + 16;
  const h = layout.height + 16;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
  ];
  for (const e of layout.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    parts.push(
      `<line x1="${s.x + s.width}" y1="${s.y + s.height / 2}" x2="${t.x}" y2="${t.y + t.height / 2}" stroke="#94a3b8" stroke-width="1.5"/>`,
    );
  }
  for (const n of layout.nodes) {
    const stroke = n.external ? '#e11d48' : n.excess ? '#d97706' : '#64748b';
    parts.push(
      `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="6" fill="${FILL[n.kind]}" stroke="${stroke}"/>`,
      `<text x="${n.x + 8}" y="${n.y + 18}" font-weight="600">${esc(clip(n.label, n.width))}</text>`,
    );
    if (n.detail) parts.push(`<text x="${n.x + 8}" y="${n.y + 38}" fill="#475569">${esc(clip(n.detail, n.width))}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
