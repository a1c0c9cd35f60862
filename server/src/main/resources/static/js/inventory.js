// Holdfast inventory pages: selection across pages for bulk actions, and the label sheet's print button.
// Loaded as a file: the Content-Security-Policy forbids inline script.
(() => {
  const bulkForm = () => document.getElementById('bulk-form');

  const storageKey = () => {
    const form = bulkForm();
    return form ? form.dataset.selectionKey : null;
  };

  // The selected asset ids, kept in sessionStorage so a selection survives paging, sorting and filtering.
  const load = () => {
    const key = storageKey();
    if (!key) {
      return new Set();
    }
    try {
      return new Set(JSON.parse(sessionStorage.getItem(key) || '[]'));
    } catch (e) {
      return new Set();
    }
  };

  const save = (ids) => {
    const key = storageKey();
    if (key) {
      sessionStorage.setItem(key, JSON.stringify([...ids]));
    }
  };

  // Shows the selection: ticks the rows on this page, the count, the bar, the label link.
  const render = () => {
    const form = bulkForm();
    if (!form) {
      return;
    }
    const ids = load();
    const boxes = [...document.querySelectorAll('input.row-select')];
    boxes.forEach((box) => { box.checked = ids.has(box.value); });
    const all = document.getElementById('select-page');
    if (all) {
      const ticked = boxes.filter((b) => b.checked).length;
      all.checked = boxes.length > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    }
    form.classList.toggle('d-none', ids.size === 0);
    document.getElementById('bulk-count').textContent = ids.size + ' selected';
    document.getElementById('bulk-ids').value = [...ids].join(',');
    const labels = document.getElementById('bulk-labels');
    if (labels) {
      labels.href = '/assets/labels?ids=' + encodeURIComponent([...ids].join(','));
    }
  };

  document.addEventListener('change', (event) => {
    const target = event.target;
    if (target.matches('input.row-select')) {
      const ids = load();
      if (target.checked) {
        ids.add(target.value);
      } else {
        ids.delete(target.value);
      }
      save(ids);
      render();
    } else if (target.id === 'select-page') {
      const ids = load();
      document.querySelectorAll('input.row-select').forEach((box) => {
        if (target.checked) {
          ids.add(box.value);
        } else {
          ids.delete(box.value);
        }
      });
      save(ids);
      render();
    }
  });

  document.addEventListener('click', (event) => {
    if (event.target.closest('#bulk-clear')) {
      save(new Set());
      render();
    } else if (event.target.closest('[data-print]')) {
      window.print();
    }
  });

  document.addEventListener('submit', (event) => {
    if (event.target.id === 'bulk-form') {
      document.getElementById('bulk-ids').value = [...load()].join(',');
      document.getElementById('bulk-back').value = window.location.pathname + window.location.search;
    }
  });

  const start = () => {
    const form = bulkForm();
    if (form && form.dataset.clear === 'true') {
      save(new Set()); // the bulk change went through
    }
    render();
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  // htmx replaced the table (search, filter, sort, next page): tick the selected rows again.
  document.addEventListener('htmx:afterSettle', render);
})();
