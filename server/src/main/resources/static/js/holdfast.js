// Holdfast's page behaviour. Loaded from the app itself: the Content-Security-Policy forbids inline script.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token from the page's meta tags, when present.
  document.body.addEventListener('htmx:configRequest', (event) => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
});

// <select data-autosubmit> submits its form on change (the company switcher).
document.addEventListener('change', (event) => {
  if (event.target.matches('select[data-autosubmit]')) {
    event.target.form.requestSubmit();
  }
});
