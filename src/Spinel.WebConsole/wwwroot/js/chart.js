import { h } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 480;
const height = 140;
const palette = ['#2f6fde', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#0b7285'];

function svg(tag, attributes) {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * A small live line chart: push(series, value) adds one sample per refresh; the last `capacity` samples are drawn.
 * Hand-written SVG, so the console needs no chart library and no internet.
 */
export class LineChart {
  constructor(title, unit, capacity = 60) {
    this.unit = unit;
    this.capacity = capacity;
    this.series = new Map();
    this.plot = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
    this.legend = h('div', { class: 'legend' });
    this.element = h('figure', { class: 'chart-box' }, h('figcaption', {}, title), this.plot, this.legend);
  }

  push(name, value) {
    const samples = this.series.get(name) ?? [];
    samples.push(Number.isFinite(value) ? value : 0);
    if (samples.length > this.capacity) samples.shift();
    this.series.set(name, samples);
  }

  draw() {
    const max = Math.max(1, ...[...this.series.values()].flat());
    this.plot.replaceChildren(
      svg('line', { x1: 0, y1: height - 1, x2: width, y2: height - 1, class: 'axis' }),
      Object.assign(svg('text', { x: 4, y: 12, class: 'scale' }), { textContent: `${formatScale(max)} ${this.unit}` }));
    this.legend.replaceChildren();
    [...this.series.entries()].forEach(([name, samples], index) => {
      const color = palette[index % palette.length];
      const step = width / (this.capacity - 1);
      const offset = (this.capacity - samples.length) * step;
      const points = samples.map((v, i) => `${(offset + i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 20)).toFixed(1)}`);
      this.plot.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
      const last = samples[samples.length - 1];
      this.legend.append(h('span', { class: 'legend-item', 'data-series': name },
        h('i', { class: `swatch swatch-${index % palette.length}` }), `${name}: ${formatScale(last)} ${this.unit}`));
    });
  }
}

function formatScale(value) {
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
}
