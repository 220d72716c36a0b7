// Tanji's pages: charts on the result page, rows, live checks and findings in the study editor.
// No inline scripts (the pages' content security policy forbids them): everything starts here.
(function () {
  'use strict';
  var csrf = document.body.getAttribute('data-csrf') || '';

  document.body.addEventListener('htmx:configRequest', function (e) {
    e.detail.headers['X-CSRF-Token'] = csrf;
  });

  // ---- charts
  var palette = ['#0f766e', '#3b82a0', '#d08c34', '#7a6bb0', '#b4534b', '#5b8c3a', '#8a6d5c', '#4a5a66'];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var c = echarts.init(el, null, { renderer: 'svg' });
    c.setOption(option(data));
    window.addEventListener('resize', function () { c.resize(); });
  }

  function fmt(v) {
    return Number(v).toLocaleString(undefined, { maximumFractionDigits: 2 });
  }

  chart('chart-stages', function (d) {
    return {
      color: palette,
      tooltip: { trigger: 'item', valueFormatter: function (v) { return fmt(v) + ' ' + d.unit; } },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'], avoidLabelOverlap: true,
        label: { formatter: '{d}%' },
        data: d.stages.map(function (s) { return { name: s.name, value: s.value }; })
      }]
    };
  });

  chart('chart-pareto', function (d) {
    var lines = d.lines.slice(0, 25);
    return {
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: 70, right: 50, top: 30, bottom: 90 },
      xAxis: { type: 'category', data: lines.map(function (l) { return l.name; }),
        axisLabel: { rotate: 30, interval: 0, width: 90, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', name: d.valueLabel, nameTextStyle: { align: 'left' } },
        { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } }
      ],
      series: [
        { type: 'bar', name: d.valueLabel, data: lines.map(function (l) { return l.value; }), barMaxWidth: 48 },
        { type: 'line', name: d.cumulativeLabel, yAxisIndex: 1, data: lines.map(function (l) { return l.cumulative; }),
          symbolSize: 6, color: '#d08c34' }
      ]
    };
  });

  chart('chart-histogram', function (d) {
    return {
      color: palette,
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', name: d.unit, nameLocation: 'middle', nameGap: 32,
        data: d.bins.map(function (b) { return fmt((b.from + b.to) / 2); }) },
      yAxis: { type: 'value', name: d.runsLabel },
      series: [{ type: 'bar', barCategoryGap: '5%', data: d.bins.map(function (b) { return b.runs; }) }]
    };
  });

  chart('chart-tornado', function (d) {
    var rows = d.tornado.slice(0, 10).reverse();
    return {
      color: ['#3b82a0', '#d08c34'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 170, right: 30, top: 20, bottom: 40 },
      xAxis: { type: 'value', name: d.unit, scale: true },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }),
        axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: d.lowLabel, data: rows.map(function (r) { return r.low - d.computed; }),
          stack: 'swing' },
        { type: 'bar', name: d.highLabel, data: rows.map(function (r) { return r.high - d.computed; }),
          stack: 'swing' }
      ]
    };
  });

  // ---- the editor
  var form = document.getElementById('study-form');
  if (!form) { return; }

  function rows(kind) {
    return Array.prototype.slice.call(form.querySelectorAll('tr.' + kind));
  }

  function addRow(templateId, tableId) {
    var t = document.getElementById(templateId);
    var row = t.content.firstElementChild.cloneNode(true);
    document.querySelector('#' + tableId + ' tbody').appendChild(row);
    var first = row.querySelector('input:not([type=hidden])');
    if (first) { first.focus(); }
    changed();
  }

  document.getElementById('add-line').addEventListener('click', function () { addRow('line-template', 'line-table'); });
  document.getElementById('add-factor').addEventListener('click', function () { addRow('factor-template', 'factor-table'); });
  form.addEventListener('click', function (e) {
    var remove = e.target.closest('.remove-row');
    if (remove) {
      remove.closest('tr').remove();
      changed();
    }
  });

  // the factor keys of the study, offered in the lines' factor fields
  function refreshKeys() {
    var list = document.getElementById('factor-keys');
    list.innerHTML = '';
    rows('factor').forEach(function (r) {
      var k = r.querySelector('input.factor-key').value.trim();
      if (k) {
        var o = document.createElement('option');
        o.value = k;
        list.appendChild(o);
      }
    });
  }

  // the library search's "use" buttons fill the factor field last focused
  var lastFactorInput = null;
  form.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('factor-input')) { lastFactorInput = e.target; }
  });
  document.getElementById('factor-results').addEventListener('click', function (e) {
    var b = e.target.closest('.use-factor');
    if (!b) { return; }
    var input = lastFactorInput || form.querySelector('tr.line:last-child .factor-input');
    if (input) {
      input.value = b.getAttribute('data-factor');
      input.focus();
      changed();
    }
  });

  // ---- findings, next to the field they concern
  function clearFindings() {
    form.querySelectorAll('.fd').forEach(function (n) { n.remove(); });
    form.querySelectorAll('.has-error, .has-warning').forEach(function (n) {
      n.classList.remove('has-error', 'has-warning');
    });
    document.getElementById('general-findings').innerHTML = '';
  }

  function note(container, f) {
    var d = document.createElement('div');
    d.className = 'fd ' + f.severity;
    d.setAttribute('data-code', f.code);
    d.textContent = f.message;
    container.appendChild(d);
  }

  function mark(input, f) {
    if (input && (f.severity === 'error' || f.severity === 'warning')) {
      input.classList.add(f.severity === 'error' ? 'has-error' : 'has-warning');
    }
  }

  // a key path inside a row: the input for it, or the nearest enclosing key's, else the row's first cell
  function placeInRow(row, rest, f) {
    var path = rest;
    while (path) {
      var input = row.querySelector('[data-path="' + path + '"]');
      if (input) {
        mark(input, f);
        note(input.closest('td'), f);
        return true;
      }
      var cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.substring(0, cut) : '';
    }
    note(row.querySelector('td[data-cell]'), f);
    return true;
  }

  function place(f) {
    var w = f.where || '';
    var m = /^inventory\[(\d+)\](?:\.(.*))?$/.exec(w);
    if (m) {
      var line = rows('line')[Number(m[1])];
      if (line) { return placeInRow(line, m[2] || 'name', f); }
    }
    m = /^factors#(\d+)\.(.*)$/.exec(w);
    if (m) {
      var fr = rows('factor')[Number(m[1])];
      if (fr) { return placeInRow(fr, m[2], f); }
    }
    m = /^factors\.([^.]+)(?:\.(.*))?$/.exec(w);
    if (m) {
      var found = rows('factor').filter(function (r) { return r.querySelector('input.factor-key').value.trim() === m[1]; });
      if (found.length) { return placeInRow(found[0], m[2] || 'key', f); }
    }
    var path = w;
    while (path) {
      var input = form.querySelector('input[data-path="' + path + '"], select[data-path="' + path + '"]');
      if (input && !input.closest('tr')) {
        mark(input, f);
        note(input.closest('label') || input.parentNode, f);
        return true;
      }
      var cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.substring(0, cut) : '';
    }
    return false;
  }

  function show(findings, perUnit) {
    clearFindings();
    var errors = 0, warnings = 0;
    var general = document.getElementById('general-findings');
    findings.forEach(function (f) {
      if (f.severity === 'error') { errors++; } else if (f.severity === 'warning') { warnings++; }
      if (!place(f)) {
        var li = document.createElement('li');
        li.className = f.severity;
        li.textContent = f.message;
        general.appendChild(li);
      }
    });
    var counts = document.getElementById('finding-counts');
    counts.textContent = findings.length ? counts.getAttribute('data-template').replace('{e}', errors).replace('{w}', warnings) : '';
    var clean = document.getElementById('findings-clean');
    clean.hidden = findings.length > 0;
    // the panel holds what has no field of its own; with everything placed on fields it steps aside
    document.getElementById('findings-panel').hidden = findings.length > 0 && !general.children.length;
    var live = document.getElementById('live-result');
    live.textContent = perUnit ? live.getAttribute('data-template').replace('{v}', perUnit) : '';
  }

  var timer = null;
  var sequence = 0;
  function check() {
    var mine = ++sequence;
    fetch('/studies/check', {
      method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf }
    }).then(function (r) {
      if (r.status === 401) { throw new Error('session'); }
      return r.json();
    }).then(function (answer) {
      if (mine === sequence) { show(answer.findings, answer.perUnit); }
    }).catch(function () { /* the next save shows what is wrong */ });
  }

  function changed() {
    refreshKeys();
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }

  form.addEventListener('input', function (e) {
    if (e.target.id !== 'factor-search') { changed(); }
  });
  form.addEventListener('change', function (e) {
    if (e.target.tagName === 'SELECT') { changed(); }
  });

  refreshKeys();
  var initial = JSON.parse(form.getAttribute('data-problems') || '[]')
    .concat(JSON.parse(form.getAttribute('data-findings') || '[]'));
  show(initial, null);
  form.setAttribute('data-ready', 'true');
})();
