// Holdfast's maps (Leaflet, served by the app). Tiles only from HOLDFAST_MAP_TILE_URL (data-tiles); without it the
// map draws Locations as circles and a scale bar, and loads nothing from outside.
(function () {
  'use strict';

  function base(el, options) {
    const map = L.map(el, Object.assign({ zoomSnap: 1, worldCopyJump: true }, options || {}));
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);
    return map;
  }

  function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }

  function fleet(el) {
    const map = base(el);
    const geofences = L.layerGroup().addTo(map);
    const layer = L.layerGroup().addTo(map);
    const summary = document.getElementById('map-summary');
    const filters = new URLSearchParams(window.location.search);
    let fitted = false;
    let pending = null;
    map.setView([20, 0], 2);

    fetch(el.dataset.geofences, { credentials: 'same-origin' }).then((r) => r.json()).then((fences) => {
      fences.forEach((f) => {
        L.circle([f.lat, f.lon], { radius: f.radiusM, color: '#0d6efd', weight: 1, fillOpacity: 0.06 })
          .bindTooltip(text(f.name)).on('click', () => { window.location.href = el.dataset.locationBase + f.id; })
          .addTo(geofences);
      });
      load(true);
    }).catch(() => load(true));

    function load(fit) {
      const params = new URLSearchParams(filters);
      params.set('zoom', map.getZoom());
      if (!fit) {
        const b = map.getBounds();
        const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
        params.set('bbox', [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
          clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(6)).join(','));
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(el.dataset.view + '?' + params.toString(), { credentials: 'same-origin', signal: pending.signal })
        .then((r) => r.json()).then((view) => draw(view, fit)).catch(() => {});
    }

    function draw(view, fit) {
      layer.clearLayers();
      const points = [];
      view.markers.forEach((m) => {
        points.push([m.lat, m.lon]);
        L.circle([m.lat, m.lon], { radius: m.accuracyM, weight: 0, fillOpacity: 0.12, interactive: false }).addTo(layer);
        L.circleMarker([m.lat, m.lon], { radius: 6, color: '#fff', weight: 2, fillColor: '#198754', fillOpacity: 1,
          className: 'hf-asset-marker' })
          .bindPopup('<a href="' + el.dataset.assetBase + m.assetId + '">' + text(m.name) + '</a><br><code>'
            + text(m.assetTag) + '</code><br>' + text(m.seenAt.replace('T', ' ').substring(0, 16)) + ' UTC'
            + (m.locationName ? '<br>at ' + text(m.locationName) : ''))
          .addTo(layer);
      });
      view.clusters.forEach((c) => {
        points.push([c.lat, c.lon]);
        const radius = 8 + Math.min(22, Math.log10(c.count + 1) * 7);
        L.circleMarker([c.lat, c.lon], { radius: radius, color: '#fff', weight: 2, fillColor: '#0d6efd',
          fillOpacity: 0.85, className: 'hf-asset-cluster' })
          .bindTooltip(String(c.count), { permanent: true, direction: 'center', className: 'hf-cluster-label' })
          .on('click', () => map.setView([c.lat, c.lon], Math.min(map.getZoom() + 3, 19)))
          .addTo(layer);
      });
      if (summary) {
        summary.textContent = view.total === 0 ? 'No positioned asset matches.'
          : view.total + (view.total === 1 ? ' asset' : ' assets') + ' in view'
            + (view.clusters.length ? ' (grouped; zoom in to see each)' : '') + '.';
      }
      if (fit && !fitted) {
        fitted = true;
        geofences.eachLayer((g) => points.push(g.getLatLng()));
        if (points.length) {
          map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 17 });
        }
        map.on('moveend', () => load(false));
      }
    }
  }

  function asset(el) {
    const map = base(el);
    const at = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    map.setView(at, 17); // a view first: a circle's bounds need one
    const circle = L.circle(at, { radius: parseFloat(el.dataset.acc), weight: 1, fillOpacity: 0.15 }).addTo(map);
    L.circleMarker(at, { radius: 6, color: '#fff', weight: 2, fillColor: '#198754', fillOpacity: 1,
      className: 'hf-asset-marker' }).addTo(map);
    let bounds = circle.getBounds();
    if (el.dataset.homeLat && el.dataset.homeRadius) {
      const home = L.circle([parseFloat(el.dataset.homeLat), parseFloat(el.dataset.homeLon)],
        { radius: parseFloat(el.dataset.homeRadius), color: '#6c757d', dashArray: '4 4', weight: 1, fillOpacity: 0.04 })
        .bindTooltip(text(el.dataset.homeName || '')).addTo(map);
      bounds = bounds.extend(home.getBounds());
    }
    map.fitBounds(bounds.pad(0.3), { maxZoom: 18 });
  }

  function bars(root) {
    root.querySelectorAll('.hf-bar[data-share]').forEach((bar) => {
      bar.style.width = Math.max(2, parseInt(bar.dataset.share, 10)) + '%';
    });
  }

  function init(root) {
    if (typeof L === 'undefined') {
      return;
    }
    root.querySelectorAll('.hf-map:not([data-ready])').forEach((el) => {
      el.dataset.ready = 'true';
      if (el.dataset.mode === 'fleet') {
        fleet(el);
      } else if (el.dataset.mode === 'asset') {
        asset(el);
      }
    });
    bars(root);
  }

  window.addEventListener('load', () => init(document));
  document.addEventListener('htmx:afterSettle', () => init(document));
})();
