// Rasd dashboard: a map, a time series and a table of events over the
// Rasd API, and an event page that shows each source text with its
// evidence highlighted. Plain JavaScript and SVG, no library, no network
// beyond this server.
//
// Safety: everything that comes from the API (titles, article text, actor
// and place names) is untrusted. It is inserted only as text
// (textContent / createTextNode) or as attribute values through
// setAttribute; no HTML string is ever parsed. Links to source URLs are
// made only for http(s) URLs.
'use strict';

(function () {
  // ---------------------------------------------------------------- i18n
  const I18N = {
    en: {
      title: 'Rasd', tagline: 'Conflict events coded from news reports', download: 'Download', api: 'API',
      from: 'From', to: 'To', country: 'Country', admin1: 'Region (admin1)', actor: 'Actor', event_type: 'Event type',
      text: 'Words', reset: 'Reset', all: 'All', map: 'Map', reset_view: 'Reset view',
      timeline: 'Events and fatalities over time', by_month: 'by month', by_week: 'by week',
      events: 'Events', fatalities: 'Fatalities', prev: 'Previous', next: 'Next',
      date: 'Date', type: 'Type', actor1: 'Actor 1', actor2: 'Actor 2', location: 'Location', admin1_short: 'Admin1',
      sources: 'Sources', back: '← Back to the dashboard',
      attribution: 'Country boundaries: Made with Natural Earth (public domain).',
      lang_button: 'العربية', loading: 'Loading…',
      map_note: (shown, total) => shown < total ? `${shown} newest of ${total} events on the map` : `${total} events`,
      table_count: (a, b, total) => total === 0 ? 'No events match the filters' : `${a}–${b} of ${total}`,
      chart_total: (e, f) => `total: ${e} events, ${f} fatalities`,
      no_data: 'No events', size_key: 'size: fatalities', admin1_hint: 'zoom in to see admin1 areas',
      event_title: 'Event', reports: (n) => n === 1 ? '1 source report' : `${n} source reports`,
      fields_used: 'Fields taken from this report:', evidence_of: 'Evidence in this report:',
      no_evidence: 'No evidence spans recorded for this report.', published: 'Published',
      not_found: 'Event not found', doc_missing: 'The source document is not stored.',
      unknown: 'unknown', period_total: 'period total',
      f: {
        event_id: 'Event id', event_date: 'Date', date_precision: 'Date precision', disorder_type: 'Disorder type',
        event_type: 'Event type', sub_event_type: 'Sub-event type', actor1: 'Actor 1', assoc_actor_1: 'Associated with actor 1',
        actor2: 'Actor 2', assoc_actor_2: 'Associated with actor 2', interaction: 'Interaction', civilian_targeting: 'Civilian targeting',
        country: 'Country', admin1: 'Admin1', admin2: 'Admin2', location: 'Location', coordinates: 'Coordinates',
        geo_precision: 'Geo precision', fatalities: 'Fatalities', fatalities_by_group: 'Fatalities by group',
        injured: 'Injured', claimed_by: 'Claimed by', source_attribution: 'Reported by', notes: 'Notes',
        confidence: 'Confidence', sources: 'Sources', n_reports: 'Reports',
      },
    },
    ar: {
      title: 'رصد', tagline: 'أحداث النزاع مستخرجة من التقارير الإخبارية', download: 'تنزيل', api: 'الواجهة البرمجية',
      from: 'من', to: 'إلى', country: 'البلد', admin1: 'المنطقة (المستوى الأول)', actor: 'الفاعل', event_type: 'نوع الحدث',
      text: 'كلمات', reset: 'إعادة ضبط', all: 'الكل', map: 'الخريطة', reset_view: 'العرض الأصلي',
      timeline: 'الأحداث والقتلى عبر الزمن', by_month: 'شهريا', by_week: 'أسبوعيا',
      events: 'الأحداث', fatalities: 'القتلى', prev: 'السابق', next: 'التالي',
      date: 'التاريخ', type: 'النوع', actor1: 'الفاعل الأول', actor2: 'الفاعل الثاني', location: 'المكان', admin1_short: 'المنطقة',
      sources: 'المصادر', back: '→ العودة إلى اللوحة',
      attribution: 'حدود الدول: من بيانات Natural Earth (ملك عام).',
      lang_button: 'English', loading: 'جار التحميل…',
      map_note: (shown, total) => shown < total ? `أحدث ${shown} من ${total} حدثا على الخريطة` : `${total} حدثا`,
      table_count: (a, b, total) => total === 0 ? 'لا أحداث تطابق المرشحات' : `${a}–${b} من ${total}`,
      chart_total: (e, f) => `المجموع: ${e} حدثا، ${f} قتيلا`,
      no_data: 'لا أحداث', size_key: 'الحجم: عدد القتلى', admin1_hint: 'كبّر الخريطة لرؤية المناطق',
      event_title: 'حدث', reports: (n) => n === 1 ? 'تقرير مصدر واحد' : `${n} تقارير مصادر`,
      fields_used: 'الحقول المأخوذة من هذا التقرير:', evidence_of: 'الأدلة في هذا التقرير:',
      no_evidence: 'لا توجد مقاطع أدلة لهذا التقرير.', published: 'تاريخ النشر',
      not_found: 'الحدث غير موجود', doc_missing: 'الوثيقة المصدر غير مخزنة.',
      unknown: 'غير معروف', period_total: 'حصيلة فترة',
      f: {
        event_id: 'معرّف الحدث', event_date: 'التاريخ', date_precision: 'دقة التاريخ', disorder_type: 'نوع الاضطراب',
        event_type: 'نوع الحدث', sub_event_type: 'النوع الفرعي', actor1: 'الفاعل الأول', assoc_actor_1: 'حلفاء الفاعل الأول',
        actor2: 'الفاعل الثاني', assoc_actor_2: 'حلفاء الفاعل الثاني', interaction: 'رمز التفاعل', civilian_targeting: 'استهداف المدنيين',
        country: 'البلد', admin1: 'المنطقة', admin2: 'الإقليم', location: 'المكان', coordinates: 'الإحداثيات',
        geo_precision: 'دقة الموقع', fatalities: 'القتلى', fatalities_by_group: 'القتلى حسب الفئة',
        injured: 'الجرحى', claimed_by: 'تبنّاه', source_attribution: 'مصدر المعلومة', notes: 'ملاحظات',
        confidence: 'الثقة', sources: 'المصادر', n_reports: 'عدد التقارير',
      },
    },
  };
  const TYPES = [
    ['Battles', '#d62728', 'معارك'],
    ['Explosions/Remote violence', '#ff7f0e', 'انفجارات/عنف عن بعد'],
    ['Violence against civilians', '#9467bd', 'عنف ضد المدنيين'],
    ['Protests', '#2ca02c', 'احتجاجات'],
    ['Riots', '#8c564b', 'أعمال شغب'],
    ['Strategic developments', '#1f77b4', 'تطورات استراتيجية'],
  ];
  const TYPE_COLOR = Object.fromEntries(TYPES.map(([t, c]) => [t, c]));

  let lang = (localStorage.getItem('rasd.lang') === 'ar') ? 'ar' : 'en';
  const t = (key) => (I18N[lang][key] !== undefined ? I18N[lang][key] : I18N.en[key]);
  const fieldName = (f) => I18N[lang].f[f] || I18N.en.f[f] || f;
  const typeName = (name) => {
    const row = TYPES.find(([n]) => n === name);
    return (lang === 'ar' && row) ? row[2] : name;
  };

  // ------------------------------------------------------------ DOM helpers
  const $ = (sel) => document.querySelector(sel);
  const SVG = 'http://www.w3.org/2000/svg';

  // Element with attributes (values set with setAttribute: never parsed as
  // HTML) and children (strings become text nodes).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }
  function setAttrs(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      e.setAttribute(k, String(v));
    }
  }
  function append(e, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  // Only http(s) URLs become links (no javascript:, data: …).
  function safeUrl(u) {
    try {
      const url = new URL(String(u), location.href);
      return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
    } catch (_) { return null; }
  }

  function showError(msg) {
    const box = $('#error');
    if (!msg) { box.hidden = true; box.textContent = ''; return; }
    box.hidden = false;
    box.textContent = msg;
  }

  async function api(path, params) {
    const qs = params ? params.toString() : '';
    const resp = await fetch(path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await resp.json(); } catch (_) { body = null; }
    if (!resp.ok) {
      const err = new Error((body && body.error) ? body.error : `${resp.status} ${resp.statusText}`);
      err.status = resp.status;
      throw err;
    }
    return body;
  }

  // --------------------------------------------------------------- filters
  const FILTERS = ['from', 'to', 'country', 'admin1', 'actor', 'type', 'text'];
  // The filters named in FILTERS, read through `get`, empty ones dropped.
  function pickFilters(get) {
    const out = new URLSearchParams();
    for (const k of FILTERS) { const v = (get(k) || '').trim(); if (v) out.set(k, v); }
    return out;
  }
  function currentFilters() {
    const hash = location.hash.replace(/^#\/?/, '');
    const p = new URLSearchParams(hash.startsWith('?') ? hash.slice(1) : '');
    return pickFilters((k) => p.get(k));
  }
  function setFilters(p) {
    const s = p.toString();
    const h = '#/' + (s ? '?' + s : '');
    if (location.hash !== h) location.hash = h; else route();
  }
  function formToFilters() {
    const f = $('#filters');
    return pickFilters((k) => f.elements[k].value);
  }
  // The filters plus one more parameter, for one API call.
  function withParam(filters, key, value) {
    const p = new URLSearchParams(filters);
    p.set(key, value);
    return p;
  }
  function fillSelect(select, values, label, keep) {
    const old = keep !== undefined ? keep : select.value;
    clear(select);
    select.appendChild(el('option', { value: '' }, t('all')));
    for (const v of values) select.appendChild(el('option', { value: v }, label ? label(v) : v));
    if (old && !values.includes(old)) select.appendChild(el('option', { value: old }, label ? label(old) : old));
    select.value = old || '';
  }

  let countryNames = {};   // iso3 / English name -> Arabic name
  async function loadFilterOptions(filters) {
    const f = $('#filters');
    const [countries, actors] = await Promise.all([
      api('/api/stats', new URLSearchParams({ by: 'country' })),
      api('/api/actors', new URLSearchParams({ limit: '300' })),
    ]);
    const cs = countries.rows.map((r) => r.country).filter(Boolean).sort();
    fillSelect(f.elements.country, cs, (c) => (lang === 'ar' && countryNames[c]) ? countryNames[c] : c, filters.get('country') || '');
    const a1p = new URLSearchParams({ by: 'admin1' });
    if (filters.get('country')) a1p.set('country', filters.get('country'));
    const admin1 = await api('/api/stats', a1p);
    fillSelect(f.elements.admin1, admin1.rows.map((r) => r.admin1).filter(Boolean).sort(), null, filters.get('admin1') || '');
    fillSelect(f.elements.actor, actors.actors.map((r) => r.actor), null, filters.get('actor') || '');
    fillSelect(f.elements.type, TYPES.map(([n]) => n), typeName, filters.get('type') || '');
    for (const k of ['from', 'to', 'text']) f.elements[k].value = filters.get(k) || '';
  }

  // ------------------------------------------------------------------- map
  const MAP_W = 1000, MAP_H = 600;
  const VIEW = { lon0: -19, lon1: 64, lat0: -6, lat1: 42 };
  const mercY = (lat) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
  const RAD = Math.PI / 180;
  const S = Math.min(MAP_W / ((VIEW.lon1 - VIEW.lon0) * RAD), MAP_H / (mercY(VIEW.lat1) - mercY(VIEW.lat0)));
  const X0 = (MAP_W - (VIEW.lon1 - VIEW.lon0) * RAD * S) / 2;
  const Y0 = (MAP_H - (mercY(VIEW.lat1) - mercY(VIEW.lat0)) * S) / 2;
  function project(lon, lat) {
    return [X0 + (lon - VIEW.lon0) * RAD * S, Y0 + (mercY(VIEW.lat1) - mercY(lat)) * S];
  }

  const mapState = { k: 1, tx: 0, ty: 0, layer: null, markers: null, labels: null, admin: null, countries: null };

  // The outlines: rings of delta-encoded integers in hundredths of a degree.
  function ringPath(ring, q) {
    let x = ring[0], y = ring[1];
    let [px, py] = project(x * q, y * q);
    const parts = ['M' + px.toFixed(1) + ' ' + py.toFixed(1)];
    for (let i = 2; i + 1 < ring.length; i += 2) {
      x += ring[i]; y += ring[i + 1];
      [px, py] = project(x * q, y * q);
      parts.push('L' + px.toFixed(1) + ' ' + py.toFixed(1));
    }
    parts.push('Z');
    return parts.join('');
  }

  async function initMap() {
    const map = $('#map');
    const data = await api('/assets/countries.json');
    mapState.countries = data.countries;
    for (const c of data.countries) {
      if (c.name_ar) { countryNames[c.iso3] = c.name_ar; countryNames[c.name] = c.name_ar; }
    }
    const layer = svg('g', { class: 'layer' });
    const land = svg('g', { class: 'land' });
    for (const c of data.countries) {
      const d = c.rings.map((r) => ringPath(r, data.quantum)).join('');
      land.appendChild(svg('path', { d, class: 'country' + (c.in_scope ? ' in-scope' : ''), 'data-iso3': c.iso3, 'fill-rule': 'evenodd' },
        svg('title', {}, c.name)));
    }
    layer.appendChild(land);
    mapState.labels = svg('g', { class: 'labels' });
    mapState.admin = svg('g', { class: 'admin1' });
    mapState.markers = svg('g', { class: 'markers' });
    layer.append(mapState.labels, mapState.admin, mapState.markers);
    map.appendChild(layer);
    mapState.layer = layer;
    drawCountryLabels();
    enablePanZoom(map);
  }

  function drawCountryLabels() {
    if (!mapState.labels) return;
    clear(mapState.labels);
    for (const c of mapState.countries) {
      if (!c.in_scope || !c.label) continue;
      const [x, y] = project(c.label[0], c.label[1]);
      mapState.labels.appendChild(svg('text', { x: x.toFixed(1), y: y.toFixed(1), class: 'country-label' },
        lang === 'ar' && c.name_ar ? c.name_ar : c.name));
    }
    applyTransform();
  }

  function applyTransform() {
    const { k, tx, ty } = mapState;
    if (!mapState.layer) return;
    mapState.layer.setAttribute('transform', `translate(${tx.toFixed(2)} ${ty.toFixed(2)}) scale(${k.toFixed(4)})`);
    // Markers and labels keep their screen size whatever the zoom.
    for (const m of mapState.markers.children) m.setAttribute('r', (Number(m.dataset.r) / k).toFixed(3));
    for (const l of mapState.labels.children) l.setAttribute('font-size', (11 / k).toFixed(3));
    mapState.admin.style.display = k >= 2 ? '' : 'none';
    for (const n of mapState.admin.children) {
      if (n.tagName === 'text') {
        n.setAttribute('font-size', (9 / k).toFixed(3));
        n.setAttribute('dx', (4 / k).toFixed(3));
      } else n.setAttribute('r', (1.6 / k).toFixed(3));
    }
  }

  function zoomAt(px, py, factor) {
    const k2 = Math.max(1, Math.min(60, mapState.k * factor));
    const f = k2 / mapState.k;
    mapState.tx = px - (px - mapState.tx) * f;
    mapState.ty = py - (py - mapState.ty) * f;
    mapState.k = k2;
    if (k2 === 1) { mapState.tx = 0; mapState.ty = 0; }
    applyTransform();
  }

  function enablePanZoom(map) {
    const toSvg = (ev) => {
      const r = map.getBoundingClientRect();
      return [((ev.clientX - r.left) * MAP_W) / r.width, ((ev.clientY - r.top) * MAP_H) / r.height];
    };
    map.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const [x, y] = toSvg(ev);
      zoomAt(x, y, Math.exp(-ev.deltaY * 0.0015));
    }, { passive: false });
    let drag = null;
    map.addEventListener('pointerdown', (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, tx: mapState.tx, ty: mapState.ty, moved: false, id: ev.pointerId };
    });
    map.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const r = map.getBoundingClientRect();
      const dx = ((ev.clientX - drag.x) * MAP_W) / r.width, dy = ((ev.clientY - drag.y) * MAP_H) / r.height;
      if (!drag.moved && Math.hypot(dx, dy) > 3) {
        drag.moved = true;
        map.classList.add('dragging');
        map.setPointerCapture(drag.id);
      }
      if (drag.moved) { mapState.tx = drag.tx + dx; mapState.ty = drag.ty + dy; applyTransform(); }
    });
    const end = () => {
      if (drag && drag.moved) { mapState.justDragged = true; setTimeout(() => { mapState.justDragged = false; }, 0); }
      drag = null;
      map.classList.remove('dragging');
    };
    map.addEventListener('pointerup', end);
    map.addEventListener('pointercancel', end);
    $('#zoom-in').addEventListener('click', () => zoomAt(MAP_W / 2, MAP_H / 2, 1.6));
    $('#zoom-out').addEventListener('click', () => zoomAt(MAP_W / 2, MAP_H / 2, 1 / 1.6));
    $('#zoom-reset').addEventListener('click', () => { mapState.k = 1; mapState.tx = 0; mapState.ty = 0; applyTransform(); });
  }

  const markerRadius = (f) => Math.min(22, 3.5 + 2.2 * Math.sqrt(Math.max(0, f || 0)));

  function drawMarkers(events) {
    const g = mapState.markers;
    clear(g);
    const located = events.filter((e) => typeof e.latitude === 'number' && typeof e.longitude === 'number');
    // Big circles first so small ones stay clickable on top.
    located.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    for (const e of located) {
      const [x, y] = project(e.longitude, e.latitude);
      const r = markerRadius(e.fatalities);
      const tip = `${e.event_date || '?'} · ${typeName(e.event_type)} · ${e.location || e.admin1 || e.country}` +
        ` · ${t('fatalities')}: ${e.fatalities === null || e.fatalities === undefined ? t('unknown') : e.fatalities}`;
      const c = svg('circle', {
        class: 'marker', cx: x.toFixed(2), cy: y.toFixed(2), r: r / mapState.k,
        fill: TYPE_COLOR[e.event_type] || '#555', 'data-id': e.event_id, 'data-r': r,
        'data-type': e.event_type, 'data-fatalities': e.fatalities === null ? '' : e.fatalities,
        tabindex: 0, role: 'link',
      }, svg('title', {}, tip));
      const open = () => { if (!mapState.justDragged) location.hash = '#/event/' + encodeURIComponent(e.event_id); };
      c.addEventListener('click', open);
      c.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
      g.appendChild(c);
    }
    applyTransform();
    return located.length;
  }

  // Admin1 areas have no outlines in the data: each is labelled at the mean
  // position of its events on the map (the same as /api/places computes,
  // without a second pass over the store).
  function admin1Centres(events) {
    const acc = new Map();
    for (const e of events) {
      if (!e.admin1 || typeof e.latitude !== 'number' || typeof e.longitude !== 'number') continue;
      const key = e.iso3 + '\u0000' + e.admin1;
      const a = acc.get(key) || { admin1: e.admin1, lat: 0, lon: 0, n: 0 };
      a.lat += e.latitude; a.lon += e.longitude; a.n += 1;
      acc.set(key, a);
    }
    return [...acc.values()].map((a) => ({ admin1: a.admin1, latitude: a.lat / a.n, longitude: a.lon / a.n }));
  }

  function drawAdmin1(areas) {
    const g = mapState.admin;
    clear(g);
    for (const a of areas) {
      if (typeof a.latitude !== 'number') continue;
      const [x, y] = project(a.longitude, a.latitude);
      g.appendChild(svg('circle', { class: 'admin1-dot', cx: x.toFixed(2), cy: y.toFixed(2), r: 1.6 }));
      g.appendChild(svg('text', { class: 'admin1-label', x: x.toFixed(2), y: y.toFixed(2), dy: '-0.3em' }, a.admin1));
    }
    applyTransform();
  }

  function drawLegend(counts) {
    const ul = $('#legend');
    clear(ul);
    for (const [name, color] of TYPES) {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = color;
      ul.appendChild(el('li', { 'data-type': name }, sw, `${typeName(name)} (${counts[name] || 0})`));
    }
    ul.appendChild(el('li', { class: 'size-key' }, t('size_key') + ' · ' + t('admin1_hint')));
  }

  // ------------------------------------------------------------ time series
  function isoWeek(d) {
    const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    const day = x.getUTCDay() || 7;
    x.setUTCDate(x.getUTCDate() + 4 - day);
    const y0 = new Date(Date.UTC(x.getUTCFullYear(), 0, 1));
    const w = Math.ceil(((x - y0) / 86400000 + 1) / 7);
    return `${x.getUTCFullYear()}-W${String(w).padStart(2, '0')}`;
  }
  function weekMonday(key) {
    const [y, w] = key.split('-W').map(Number);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const mon = new Date(jan4);
    mon.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (w - 1) * 7);
    return mon;
  }
  // Every period from the first to the last, so gaps show as gaps.
  function fillPeriods(rows, period) {
    const by = new Map(rows.filter((r) => r[period]).map((r) => [r[period], r]));
    const keys = [...by.keys()].sort();
    if (keys.length === 0) return [];
    const out = [];
    if (period === 'month') {
      let [y, m] = keys[0].split('-').map(Number);
      const [y1, m1] = keys[keys.length - 1].split('-').map(Number);
      while (y < y1 || (y === y1 && m <= m1)) {
        const k = `${y}-${String(m).padStart(2, '0')}`;
        out.push(by.get(k) || { [period]: k, events: 0, fatalities: 0 });
        m += 1; if (m > 12) { m = 1; y += 1; }
        if (out.length > 1200) break;
      }
    } else {
      const d = weekMonday(keys[0]);
      const last = keys[keys.length - 1];
      for (;;) {
        const k = isoWeek(d);
        out.push(by.get(k) || { [period]: k, events: 0, fatalities: 0 });
        if (k >= last || out.length > 1200) break;
        d.setUTCDate(d.getUTCDate() + 7);
      }
    }
    return out.map((r) => ({ key: r[period], events: r.events, fatalities: r.fatalities }));
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function drawChart(rows, period) {
    const chart = $('#chart');
    clear(chart);
    const W = 640, H = 280, L = 44, R = 44, T = 12, B = 46;
    const data = fillPeriods(rows, period);
    if (data.length === 0) {
      chart.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t('no_data')));
      return;
    }
    const maxE = Math.max(4, niceMax(Math.max(...data.map((d) => d.events))));
    const maxF = niceMax(Math.max(...data.map((d) => d.fatalities)));
    const bw = (W - L - R) / data.length;
    const yE = (v) => T + (H - T - B) * (1 - v / maxE);
    const yF = (v) => T + (H - T - B) * (1 - v / maxF);
    for (let i = 0; i <= 4; i++) {
      const y = T + ((H - T - B) * i) / 4;
      chart.appendChild(svg('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'grid' }));
      chart.appendChild(svg('text', { x: L - 4, y: y + 3, 'text-anchor': 'end' }, String(Math.round(maxE * (1 - i / 4) * 100) / 100)));
      chart.appendChild(svg('text', { x: W - R + 4, y: y + 3, 'text-anchor': 'start', fill: '#c0392b' }, String(Math.round(maxF * (1 - i / 4) * 100) / 100)));
    }
    const bars = svg('g', { class: 'bars' });
    const step = Math.max(1, Math.ceil(data.length / 12));
    data.forEach((d, i) => {
      const x = L + i * bw;
      const h = (H - T - B) - (yE(d.events) - T);
      bars.appendChild(svg('rect', {
        class: 'bar', x: (x + bw * 0.1).toFixed(2), y: yE(d.events).toFixed(2), width: Math.max(1, bw * 0.8).toFixed(2),
        height: Math.max(0, h).toFixed(2), 'data-period': d.key, 'data-events': d.events, 'data-fatalities': d.fatalities,
      }, svg('title', {}, `${d.key}: ${d.events} ${t('events')}, ${d.fatalities} ${t('fatalities')}`)));
      if (i % step === 0) {
        chart.appendChild(svg('text', { x: (x + bw / 2).toFixed(2), y: H - B + 14, 'text-anchor': 'middle' }, d.key));
      }
    });
    chart.appendChild(bars);
    chart.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
    const pts = data.map((d, i) => [L + i * bw + bw / 2, yF(d.fatalities)]);
    chart.appendChild(svg('path', { class: 'fat-line', d: pts.map((p, i) => (i ? 'L' : 'M') + p[0].toFixed(2) + ' ' + p[1].toFixed(2)).join('') }));
    data.forEach((d, i) => chart.appendChild(svg('circle', { class: 'fat-point', cx: pts[i][0].toFixed(2), cy: pts[i][1].toFixed(2), r: 2.5, 'data-fatalities': d.fatalities })));
  }

  // ------------------------------------------------------------------ table
  const PAGE = 50;
  let tableOffset = 0;
  function cell(text, cls) { return el('td', { class: cls, dir: 'auto' }, text === null || text === undefined ? '' : String(text)); }
  async function loadTable(filters) {
    const p = new URLSearchParams(filters);
    p.set('limit', String(PAGE));
    p.set('offset', String(tableOffset));
    const page = await api('/api/events', p);
    const tbody = $('#events tbody');
    clear(tbody);
    for (const e of page.events) {
      const dot = el('span', { class: 'type-dot' });
      dot.style.background = TYPE_COLOR[e.event_type] || '#555';
      const tr = el('tr', { tabindex: 0, 'data-id': e.event_id },
        cell(e.event_date, 'date'), el('td', {}, dot, typeName(e.event_type) + ' — ' + e.sub_event_type),
        cell(e.actor1), cell(e.actor2), cell(e.location), cell(e.admin1),
        cell(lang === 'ar' && countryNames[e.iso3] ? countryNames[e.iso3] : e.country),
        cell(e.fatalities, 'num'), cell(e.n_reports, 'num'));
      const open = () => { location.hash = '#/event/' + encodeURIComponent(e.event_id); };
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
      tbody.appendChild(tr);
    }
    const a = page.total === 0 ? 0 : page.offset + 1;
    const b = page.offset + page.events.length;
    const count = $('#table-count');
    count.textContent = t('table_count')(a, b, page.total);
    count.dataset.total = String(page.total);
    $('#prev').disabled = page.offset === 0;
    $('#next').disabled = b >= page.total;
  }

  // -------------------------------------------------------------- dashboard
  const MAP_LIMIT = 2000;
  let refreshSeq = 0;
  async function showDashboard() {
    $('#dashboard').hidden = false;
    $('#event-page').hidden = true;
    const filters = currentFilters();
    const seq = ++refreshSeq;
    document.body.dataset.state = 'loading';
    for (const [id, fmt] of [['#dl-csv', 'csv'], ['#dl-geojson', 'geojson'], ['#dl-jsonl', 'jsonl']]) {
      const s = filters.toString();
      $(id).setAttribute('href', `/api/export.${fmt}` + (s ? '?' + s : ''));
    }
    try {
      const period = $('#period').value;
      const [events, stats, types] = await Promise.all([
        api('/api/events', withParam(filters, 'limit', String(MAP_LIMIT))),
        api('/api/stats', withParam(filters, 'by', period)),
        api('/api/stats', withParam(filters, 'by', 'event_type')),
        loadFilterOptions(filters), loadTable(filters),
      ]);
      if (seq !== refreshSeq) return;
      const shown = drawMarkers(events.events);
      const note = $('#map-note');
      note.textContent = t('map_note')(Math.min(events.events.length, events.total), events.total);
      note.dataset.markers = String(shown);
      drawAdmin1(admin1Centres(events.events));
      drawLegend(Object.fromEntries(types.rows.map((r) => [r.event_type, r.events])));
      drawChart(stats.rows, period);
      $('#chart-total').textContent = t('chart_total')(stats.total.events, stats.total.fatalities);
      showError(null);
      document.body.dataset.state = 'ready';
    } catch (err) {
      if (seq !== refreshSeq) return;
      showError(err.message);
      document.body.dataset.state = 'error';
    }
  }

  // ------------------------------------------------------------- event page
  // Splits the text at every evidence boundary; each piece knows the fields
  // whose spans cover it. Offsets are the server's UTF-16 offsets, so
  // String.slice cuts exactly where the byte spans do.
  function renderEvidence(text, spans) {
    const frag = document.createDocumentFragment();
    const good = spans.filter((s) => Number.isInteger(s.utf16_start) && Number.isInteger(s.utf16_end) &&
      s.utf16_start < s.utf16_end && s.utf16_end <= text.length);
    const cuts = new Set([0, text.length]);
    for (const s of good) { cuts.add(s.utf16_start); cuts.add(s.utf16_end); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = good.filter((s) => s.utf16_start <= a && b <= s.utf16_end);
      if (covering.length === 0) { frag.appendChild(document.createTextNode(piece)); continue; }
      const fields = [...new Set(covering.map((s) => s.field))];
      const starting = [...new Set(good.filter((s) => s.utf16_start === a).map((s) => s.field))];
      for (const f of starting) frag.appendChild(el('span', { class: 'ev-label', 'data-field': f, 'aria-hidden': 'true' }, fieldName(f)));
      frag.appendChild(el('mark', {
        class: 'evidence' + (fields.length > 1 ? ' multi' : ''), 'data-field': fields.join(' '),
        title: fields.map(fieldName).join(', '),
      }, piece));
    }
    return frag;
  }

  function fieldRows(e) {
    const rows = [];
    const add = (k, v) => { if (v !== null && v !== undefined && v !== '') rows.push([k, String(v)]); };
    add('event_date', e.event_date ? `${e.event_date} (${e.date_precision})` : null);
    add('event_type', typeName(e.event_type));
    add('sub_event_type', e.sub_event_type);
    add('disorder_type', e.disorder_type);
    add('actor1', e.actor1); add('assoc_actor_1', e.assoc_actor_1);
    add('actor2', e.actor2); add('assoc_actor_2', e.assoc_actor_2);
    add('interaction', e.interaction || null);
    add('civilian_targeting', e.civilian_targeting ? '✓' : null);
    add('country', (lang === 'ar' && countryNames[e.iso3] ? countryNames[e.iso3] : e.country) + (e.iso3 ? ` (${e.iso3})` : ''));
    add('admin1', e.admin1); add('admin2', e.admin2); add('location', e.location);
    add('coordinates', typeof e.latitude === 'number' ? `${e.latitude}, ${e.longitude} (${e.geo_precision})` : null);
    add('fatalities', e.fatalities === null ? t('unknown') : `${e.fatalities} (${e.fatalities_qualifier})` + (e.is_period_total ? ` · ${t('period_total')}` : ''));
    const groups = Object.entries(e.fatalities_by_group || {}).map(([g, n]) => `${g}: ${n}`).join(', ');
    add('fatalities_by_group', groups || null);
    add('injured', e.injured);
    add('claimed_by', e.claimed_by);
    add('source_attribution', e.source_attribution);
    add('notes', e.notes);
    add('n_reports', e.n_reports);
    add('confidence', typeof e.confidence === 'number' ? e.confidence.toFixed(2) : null);
    add('event_id', e.event_id);
    return rows;
  }

  async function showEvent(id) {
    $('#dashboard').hidden = true;
    $('#event-page').hidden = false;
    const seq = ++refreshSeq;
    document.body.dataset.state = 'loading';
    const box = $('#event-detail');
    clear(box);
    box.appendChild(el('p', { class: 'note' }, t('loading')));
    try {
      const ex = await api('/api/events/' + encodeURIComponent(id));
      const docs = await Promise.all(ex.reports.map((r) =>
        api('/api/documents/' + encodeURIComponent(r.doc_id), new URLSearchParams({ report: r.report_id }))
          .catch((err) => (err.status === 404 ? null : Promise.reject(err)))));
      if (seq !== refreshSeq) return;
      clear(box);
      const e = ex.event;
      box.appendChild(el('h2', { dir: 'auto' }, `${typeName(e.event_type)} — ${e.sub_event_type}` +
        (e.location ? ` · ${e.location}` : '') + (e.event_date ? ` · ${e.event_date}` : '')));
      const dl = el('dl', { class: 'fields' });
      for (const [k, v] of fieldRows(e)) dl.append(el('dt', {}, fieldName(k)), el('dd', { dir: 'auto' }, v));
      box.appendChild(dl);
      box.appendChild(el('h3', {}, t('reports')(ex.reports.length)));
      ex.reports.forEach((r, i) => {
        const doc = docs[i];
        const sec = el('section', { class: 'report', 'data-report': r.report_id });
        sec.appendChild(el('h3', { dir: 'auto' }, (doc && doc.title) || r.doc_title || r.doc_id));
        const meta = el('p', { class: 'meta' });
        if (r.published) meta.append(`${t('published')}: ${r.published.replace('T', ' ')} · `);
        const href = r.doc_url ? safeUrl(r.doc_url) : null;
        if (href) meta.append(el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'url' }, r.doc_url), ' · ');
        else if (r.doc_url) meta.append(el('span', { class: 'url' }, r.doc_url), ' · ');
        meta.append(r.doc_id);
        sec.appendChild(meta);
        if (r.fields_used.length) sec.appendChild(el('p', { class: 'used' }, `${t('fields_used')} ${r.fields_used.join(', ')}`));
        if (!doc) {
          sec.appendChild(el('p', { class: 'note' }, t('doc_missing')));
        } else {
          const dir = doc.lang === 'ar' ? 'rtl' : 'auto';
          const textBox = el('div', { class: 'doc-text', dir, lang: doc.lang || null });
          textBox.appendChild(renderEvidence(doc.text, doc.evidence));
          sec.appendChild(textBox);
          if (doc.evidence.length === 0) {
            sec.appendChild(el('p', { class: 'note' }, t('no_evidence')));
          } else {
            sec.appendChild(el('p', { class: 'used' }, t('evidence_of')));
            const ul = el('ul', { class: 'evidence-list' });
            for (const s of doc.evidence) {
              ul.appendChild(el('li', { 'data-field': s.field }, `${fieldName(s.field)}: `,
                el('q', { dir: 'auto' }, s.text === null ? `[${s.start}, ${s.end})` : s.text)));
            }
            sec.appendChild(ul);
          }
        }
        box.appendChild(sec);
      });
      showError(null);
      document.body.dataset.state = 'ready';
    } catch (err) {
      if (seq !== refreshSeq) return;
      clear(box);
      box.appendChild(el('h2', {}, err.status === 404 ? t('not_found') : 'Error'));
      showError(err.message);
      document.body.dataset.state = 'error';
    }
  }

  // ----------------------------------------------------------------- router
  let lastFilters = '';
  function route() {
    const h = location.hash;
    const m = h.match(/^#\/event\/(.+)$/);
    if (m) {
      $('#back').setAttribute('href', '#/' + (lastFilters ? '?' + lastFilters : ''));
      showEvent(decodeURIComponent(m[1]));
    } else {
      const f = currentFilters().toString();
      if (f !== lastFilters) tableOffset = 0;
      lastFilters = f;
      showDashboard();
    }
  }

  function applyLanguage() {
    const html = document.documentElement;
    html.lang = lang;
    html.dir = lang === 'ar' ? 'rtl' : 'ltr';
    for (const n of document.querySelectorAll('[data-i18n]')) {
      const v = t(n.dataset.i18n);
      if (typeof v === 'string') n.textContent = v;
    }
    const b = $('#lang');
    b.textContent = t('lang_button');
    b.lang = lang === 'ar' ? 'en' : 'ar';
    document.title = lang === 'ar' ? 'رصد' : 'Rasd — رصد';
  }

  async function start() {
    applyLanguage();
    $('#lang').addEventListener('click', () => {
      lang = lang === 'ar' ? 'en' : 'ar';
      localStorage.setItem('rasd.lang', lang);
      applyLanguage();
      drawCountryLabels();
      route();
    });
    const form = $('#filters');
    form.addEventListener('change', (ev) => {
      const p = formToFilters();
      if (ev.target.name === 'country') p.delete('admin1');
      setFilters(p);
    });
    form.addEventListener('submit', (ev) => { ev.preventDefault(); setFilters(formToFilters()); });
    form.addEventListener('reset', (ev) => { ev.preventDefault(); setFilters(new URLSearchParams()); });
    $('#period').addEventListener('change', () => route());
    $('#prev').addEventListener('click', () => { tableOffset = Math.max(0, tableOffset - PAGE); loadTable(currentFilters()).catch((e) => showError(e.message)); });
    $('#next').addEventListener('click', () => { tableOffset += PAGE; loadTable(currentFilters()).catch((e) => showError(e.message)); });
    window.addEventListener('hashchange', route);
    try {
      await initMap();
    } catch (err) {
      showError('map outlines: ' + err.message);
    }
    route();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
