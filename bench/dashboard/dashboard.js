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
// generate.lua): a banner when the run is not comparable (--quick, or a
// loaded machine), a summary chart of luv's ratio to the best contender in
// every group of every benchmark, a legend of the roles, the table, then
// for every group bars of each contender's median with its min-max range
// and luv's ratio to it, and a line of luv's median over the comparable
// runs when there are at least 3. Plain DOM and SVG, no library.
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
      el(bar, 'svg:title', {}, figure.impl + ' (' + figure.role +
        (figure.reason ? ': ' + figure.reason : '') + '): median ' + figure.median + ', min ' + figure.min +
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

  // Not comparable: a --quick run, or one on a loaded machine.
  function drawBanner() {
    const notice = data.notice || {};
    if (!notice.quick && !notice.loaded) return;
    const why = (notice.quick ? 'a --quick run (small work, one sample per figure)' : 'a run') +
      (notice.loaded ? ' on a loaded machine (load average ' + notice.load + ' at the start on ' +
        notice.cores + ' cores)' : '');
    const banner = el(null, 'div', {
      id: 'banner', class: 'banner', role: 'alert',
      'data-quick': String(!!notice.quick), 'data-loaded': String(!!notice.loaded),
    });
    el(banner, 'strong', {}, 'Not comparable: ');
    el(banner, 'span', {}, 'these figures come from ' + why +
      '. Do not compare them with full runs or quote them; the trends below use full runs only.');
    const header = document.querySelector('header');
    header.parentNode.insertBefore(banner, header.nextSibling);
  }

  // For one group: the contender luv compares worst with (lowest ratio).
  function bestContender(group) {
    let best = null;
    for (const f of group.figures) {
      const ratio = group.ratios && group.ratios[f.impl];
      if (f.impl !== 'luv' && ratio && (!best || ratio < best.ratio)) best = { figure: f, ratio: ratio };
    }
    return best;
  }

  // The first chart: per benchmark, one dot per group at luv's ratio to the
  // best contender, on a log axis where 1 is a tie, and their geometric mean.
  function drawSummary() {
    const parent = document.getElementById('summary');
    el(parent, 'h2', {}, 'luv against the best contender');
    el(parent, 'p', {}, 'One dot per kind of work: how many times better luv did than the ' +
      'best contender there (medians). Right of 1 luv is ahead; between ' +
      (1 / data.noise).toFixed(2) + ' and ' + data.noise.toFixed(2) + ' read a tie. ' +
      'The dot\'s colour is the best contender\'s role; the black mark is the geometric mean.');
    const rows = run.benchmarks.map((bench) => ({
      bench: bench,
      dots: (bench.groups || []).map((g) => ({ group: g, best: bestContender(g) })).filter((d) => d.best),
    }));
    const ratios = rows.flatMap((r) => r.dots.map((d) => d.best.ratio));
    const lo = Math.min(-1, Math.floor(Math.log10(Math.min(...ratios, 1)) - 1e-9));
    const hi = Math.max(1, Math.ceil(Math.log10(Math.max(...ratios, 1)) + 1e-9));
    const rowHeight = 24, top = 24, x0 = 110, x1 = 760, width = 900;
    const height = top + rows.length * rowHeight + 26;
    const x = (r) => x0 + (Math.log10(r) - lo) / (hi - lo) * (x1 - x0);
    const svg = el(parent, 'svg:svg', {
      id: 'summary-chart', class: 'summary', viewBox: '0 0 ' + width + ' ' + height, width: '100%',
      'data-lo': lo, 'data-hi': hi, 'data-x0': x0, 'data-x1': x1,
    });
    el(svg, 'svg:rect', { class: 'tieband', x: x(1 / data.noise), width: x(data.noise) - x(1 / data.noise),
      y: top - 6, height: rows.length * rowHeight + 6 });
    for (let e = lo; e <= hi; e++) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (Math.log10(v) > hi + 1e-9) continue;
        el(svg, 'svg:line', { class: m === 1 ? 'grid major' : 'grid', x1: x(v), x2: x(v), y1: top - 6,
          y2: top + rows.length * rowHeight });
        el(svg, 'svg:text', { x: x(v), y: height - 12, 'text-anchor': 'middle' }, '×' + Number(v.toPrecision(2)));
      }
    }
    el(svg, 'svg:line', { class: 'tie', x1: x(1), x2: x(1), y1: top - 10, y2: top + rows.length * rowHeight,
      'data-x': x(1) });
    el(svg, 'svg:text', { x: x(1), y: top - 12, 'text-anchor': 'middle', class: 'tie-label' }, '1 = tie');
    el(svg, 'svg:text', { x: x(1) - 40, y: top - 12, 'text-anchor': 'end' }, '← contender ahead');
    el(svg, 'svg:text', { x: x(1) + 40, y: top - 12 }, 'luv ahead →');
    rows.forEach((row, i) => {
      const y = top + i * rowHeight + rowHeight / 2;
      const g = el(svg, 'svg:g', { class: 'summary-row', 'data-benchmark': row.bench.benchmark });
      const label = el(g, 'svg:a', { href: '#bench-' + row.bench.benchmark });
      el(label, 'svg:text', { x: x0 - 8, y: y + 4, 'text-anchor': 'end', class: 'bench-name' },
        row.bench.benchmark);
      if (row.dots.length === 0) {
        el(g, 'svg:text', { x: x0 + 4, y: y + 4, class: 'failed' },
          row.bench.status === 'ok' ? 'no ratio' : row.bench.status);
        return;
      }
      for (const d of row.dots) {
        const dot = el(g, 'svg:circle', {
          class: 'dot ' + d.best.figure.role, cx: x(d.best.ratio), cy: y, r: 4.5,
          'data-group': row.bench.benchmark + '/' + d.group.id, 'data-ratio': d.best.ratio,
          'data-best': d.best.figure.impl,
        });
        el(dot, 'svg:title', {}, (d.group.title || d.group.id) + ': luv ×' + d.best.ratio.toFixed(2) +
          ' against ' + d.best.figure.impl + ' (' + d.best.figure.role + ')');
      }
      const mean = 10 ** (row.dots.reduce((s, d) => s + Math.log10(d.best.ratio), 0) / row.dots.length);
      el(g, 'svg:line', { class: 'gmean', x1: x(mean), x2: x(mean), y1: y - 8, y2: y + 8, 'data-mean': mean });
      el(g, 'svg:text', { x: x1 + 12, y: y + 4, class: 'mean-label' },
        'mean ×' + mean.toFixed(2) + ' over ' + row.dots.length);
    });
  }

  // What the colours mean, and why each baseline can be beaten.
  function drawLegend() {
    const parent = document.getElementById('legend');
    const roles = [
      ['luv', 'luv', 'luv itself'],
      ['peer', 'peer', 'another library doing the same work (cqueues, luvit\'s luv, Node.js, cjson, ...)'],
      ['limit', 'limit', 'a floor nothing can beat (bare C, a plain loop): luv can at best tie with it'],
      ['baseline', 'baseline', 'a plain program luv can beat, for the reason given below'],
    ];
    const list = el(parent, 'ul', { class: 'legend' });
    for (const [cls, name, text] of roles) {
      const li = el(list, 'li', { 'data-role': cls });
      el(li, 'span', { class: 'swatch ' + cls });
      el(li, 'b', {}, name);
      el(li, 'span', {}, ': ' + text);
    }
    const seen = new Set();
    const reasons = [];
    for (const bench of run.benchmarks) {
      for (const group of bench.groups || []) {
        for (const f of group.figures) {
          const key = bench.benchmark + '/' + f.impl;
          if (f.role === 'baseline' && !seen.has(key)) {
            seen.add(key);
            reasons.push([bench.benchmark, f]);
          }
        }
      }
    }
    if (reasons.length === 0) return;
    el(parent, 'p', {}, 'Baselines in this run, and why luv can be faster:');
    const why = el(parent, 'ul', { class: 'reasons' });
    for (const [bench, f] of reasons) {
      const li = el(why, 'li', { 'data-benchmark': bench, 'data-impl': f.impl });
      el(li, 'b', {}, bench + ', ' + f.impl);
      el(li, 'span', {}, ': ' + (f.reason || 'a baseline, not a bound') +
        (f.declared_role === 'limit' ? ' (declared a limit by the benchmark)' : ''));
    }
  }

  // At a glance: luv's median and its ratio to every contender, per group.
  function drawOverview() {
    const parent = document.getElementById('overview');
    el(parent, 'h2', {}, 'luv against each contender');
    el(parent, 'p', {}, 'How many times better luv did than each contender (medians; above 1 ' +
      'luv is ahead, whether the unit is a rate or a time); the legend above says what limit and baseline mean.');
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
            f.impl + (f.role === 'peer' ? '' : ' (' + f.role + ')') + ' ×' + ratio.toFixed(2));
        }
      }
    }
  }

  // The runs the trend lines go through.
  function drawRuns() {
    const footer = document.getElementById('machine');
    el(footer, 'h2', {}, 'Runs in the trend lines (full runs on a machine that was not loaded)');
    const list = el(footer, 'ol', { class: 'runs' });
    for (const h of data.history) {
      el(list, 'li', {}, h.date + ' · ' + String(h.commit).slice(0, 10) + (h.dirty ? ' (dirty)' : '') +
        ' · ' + Object.keys(h.values).length + ' figures of luv');
    }
  }

  describeRun();
  drawBanner();
  drawSummary();
  drawLegend();
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
        const key = name + '/' + group.id;
        const points = data.history.filter((h) => h.values[key] !== undefined).length;
        if (points >= 3) {
          el(card, 'div', {}, 'luv over the full runs (' + group.unit + ')');
          drawTrend(card, name, group);
        } else {
          el(card, 'div', { class: 'no-trend', 'data-group': key },
            'No trend yet: ' + points + ' comparable full run(s), 3 needed.');
        }
      }
    }
  }
  drawRuns();
  document.body.setAttribute('data-rendered', 'true');
})();
