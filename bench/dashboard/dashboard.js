// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// Draws the benchmark dashboard from the JSON in #bench-data (written by
// generate.lua): for every group of figures, bars of each contender's
// median with its min-max range and luv's ratio to it, and a line of luv's
// median over the earlier runs. Plain DOM and SVG, no library.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('bench-data').textContent);
  const run = data.current;
  const NS = 'http://www.w3.org/2000/svg';  // a namespace name, never fetched

  function el(parent, name, attrs, text) {
    const node = name.startsWith('svg:')
      ? document.createElementNS(NS, name.slice(4))
      : document.createElement(name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  // 22300000 -> "22.3M": three significant digits and a suffix.
  function fmt(value) {
    const units = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    for (const [size, suffix] of units) {
      if (Math.abs(value) >= size) return Number((value / size).toPrecision(3)) + suffix;
    }
    return String(Number(value.toPrecision(3)));
  }

  function describeRun() {
    const parts = [
      'Run of ' + run.date,
      'commit ' + String(run.commit).slice(0, 10) + (run.dirty ? ' (with uncommitted changes)' : ''),
      run.quick ? 'quick smoke run (--quick): small work, one sample per figure' : 'full run',
      'made by: ' + run.command,
    ];
    document.getElementById('run').textContent = parts.join(' · ');
    const footer = document.getElementById('machine');
    el(footer, 'h2', {}, 'Machine and peers');
    const table = el(footer, 'table', { class: 'machine' });
    const rows = Object.entries(run.machine || {}).concat(
      Object.entries(run.peers || {}).map(([name, version]) => ['Debian ' + name, version]));
    for (const [key, value] of rows) {
      const tr = el(table, 'tr');
      el(tr, 'td', {}, key);
      el(tr, 'td', {}, key === 'memory_bytes' ? (value / 2 ** 30).toFixed(1) + ' GiB' : String(value));
    }
  }

  // Bars: one row per contender, luv first as the runner recorded it.
  function drawBars(parent, bench, group) {
    const rowHeight = 22, labelWidth = 130, plotWidth = 250, top = 4;
    const width = 560, height = top + group.figures.length * rowHeight + 18;
    const svg = el(parent, 'svg:svg', {
      class: 'bars', viewBox: '0 0 ' + width + ' ' + height, width: '100%',
      'data-group': bench + '/' + group.id,
    });
    const scale = Math.max(...group.figures.map((f) => f.max)) || 1;
    const x = (value) => labelWidth + (value / scale) * plotWidth;
    group.figures.forEach((figure, i) => {
      const y = top + i * rowHeight;
      el(svg, 'svg:text', { x: labelWidth - 6, y: y + 12, 'text-anchor': 'end' }, figure.impl);
      const bar = el(svg, 'svg:rect', {
        class: 'bar ' + figure.role, x: labelWidth, y: y, height: 14,
        width: (figure.median / scale) * plotWidth,
        'data-impl': figure.impl, 'data-median': figure.median,
      });
      el(bar, 'svg:title', {}, figure.impl + ': median ' + figure.median + ', min ' + figure.min +
        ', max ' + figure.max + ' ' + group.unit + ' (' + (figure.samples || []).length + ' samples)');
      el(svg, 'svg:line', {
        class: 'whisker', x1: x(figure.min), x2: x(figure.max), y1: y + 7, y2: y + 7,
        'data-impl': figure.impl,
      });
      el(svg, 'svg:text', { x: labelWidth + plotWidth + 8, y: y + 12, class: 'value' },
        fmt(figure.median) + ' ' + group.unit);
      const ratio = group.ratios && group.ratios[figure.impl];
      if (ratio) {
        el(svg, 'svg:text', {
          x: labelWidth + plotWidth + 110, y: y + 12,
          class: 'ratio ' + (ratio >= 1 ? 'ahead' : 'behind'), 'data-impl': figure.impl,
        }, 'luv ×' + ratio.toFixed(2));
      }
    });
    el(svg, 'svg:text', { x: labelWidth, y: height - 3 },
      group.better === 'higher' ? 'longer is better' : 'shorter is better');
  }

  // luv's median of this group over the runs, oldest first.
  function drawTrend(parent, bench, group) {
    const key = bench + '/' + group.id;
    const points = data.history.filter((h) => h.values[key] !== undefined);
    const width = 560, height = 96, left = 60, right = 40, top = 8, bottom = 22;
    const svg = el(parent, 'svg:svg', {
      class: 'trend', viewBox: '0 0 ' + width + ' ' + height, width: '100%', 'data-group': key,
    });
    const max = Math.max(...points.map((p) => p.values[key])) || 1;
    const step = points.length > 1 ? (width - left - right) / (points.length - 1) : 0;
    const xy = points.map((p, i) => [
      left + i * step, top + (1 - p.values[key] / max) * (height - top - bottom)]);
    el(svg, 'svg:line', { class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom });
    el(svg, 'svg:text', { x: left - 4, y: top + 8, 'text-anchor': 'end' }, fmt(max));
    el(svg, 'svg:text', { x: left - 4, y: height - bottom, 'text-anchor': 'end' }, '0');
    el(svg, 'svg:polyline', {
      class: 'history', points: xy.map((p) => p.join(',')).join(' '), 'data-points': points.length,
    });
    points.forEach((p, i) => {
      const dot = el(svg, 'svg:circle', { class: 'point', cx: xy[i][0], cy: xy[i][1], r: 3 });
      el(dot, 'svg:title', {}, p.date + ' ' + String(p.commit).slice(0, 10) + ': ' + p.values[key] + ' ' + group.unit);
      if (points.length <= 8 || i === 0 || i === points.length - 1) {
        el(svg, 'svg:text', { x: xy[i][0], y: height - 6, 'text-anchor': 'middle' }, String(p.commit).slice(0, 7));
      }
    });
  }

  // At a glance: luv's median and its ratio to every contender, per group.
  function drawOverview() {
    const parent = document.getElementById('overview');
    el(parent, 'h2', {}, 'luv against each contender');
    el(parent, 'p', {}, 'How many times better luv did than each contender (medians; above 1 ' +
      'luv is ahead, whether the unit is a rate or a time). A limit is a floor such as bare C.');
    const table = el(parent, 'table', { class: 'overview' });
    const head = el(table, 'tr');
    for (const title of ['benchmark', 'work', 'luv', 'ratios']) el(head, 'th', {}, title);
    for (const bench of run.benchmarks) {
      for (const group of bench.groups || []) {
        const luv = group.figures.find((f) => f.impl === 'luv');
        const others = group.figures.filter((f) => group.ratios && group.ratios[f.impl]);
        if (!luv || others.length === 0) continue;
        const tr = el(table, 'tr', { 'data-group': bench.benchmark + '/' + group.id });
        el(tr, 'td', {}, bench.benchmark);
        el(tr, 'td', {}, group.title || group.id);
        el(tr, 'td', {}, fmt(luv.median) + ' ' + group.unit);
        const cell = el(tr, 'td');
        for (const f of others) {
          const ratio = group.ratios[f.impl];
          el(cell, 'span', { class: 'chip ' + (ratio >= 1 ? 'ahead' : 'behind') + ' ' + f.role },
            f.impl + (f.role === 'limit' ? ' (limit)' : '') + ' ×' + ratio.toFixed(2));
        }
      }
    }
  }

  // The runs the trend lines go through.
  function drawRuns() {
    const footer = document.getElementById('machine');
    el(footer, 'h2', {}, 'Runs in the trend lines');
    const list = el(footer, 'ol', { class: 'runs' });
    for (const h of data.history) {
      el(list, 'li', {}, h.date + ' · ' + String(h.commit).slice(0, 10) + (h.dirty ? ' (dirty)' : '') +
        ' · ' + Object.keys(h.values).length + ' figures of luv');
    }
  }

  describeRun();
  drawOverview();
  const toc = document.getElementById('toc');
  const main = document.getElementById('benchmarks');
  for (const bench of run.benchmarks) {
    const name = bench.benchmark;
    el(toc, 'a', { href: '#bench-' + name }, name);
    const section = el(main, 'section', { id: 'bench-' + name, 'data-status': bench.status });
    el(section, 'h2', {}, name + ' (' + bench.seconds + ' s)');
    if (bench.status !== 'ok') {
      el(section, 'p', { class: 'failed' }, bench.status + ': ' + (bench.message || ''));
      continue;
    }
    el(section, 'p', {}, bench.description || '');
    const cards = el(section, 'div', { class: 'cards' });
    for (const group of bench.groups) {
      const card = el(cards, 'div', { class: 'card' });
      el(card, 'h3', {}, group.title || group.id);
      drawBars(card, name, group);
      if (group.figures.some((f) => f.impl === 'luv')) {
        el(card, 'div', {}, 'luv over the runs (' + group.unit + ')');
        drawTrend(card, name, group);
      }
    }
  }
  drawRuns();
  document.body.setAttribute('data-rendered', 'true');
})();
