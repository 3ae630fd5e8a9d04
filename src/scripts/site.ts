/**
 * The only script a reading page runs: the theme toggle, the narrow-screen menu and the
 * search launcher. The search dialog itself is fetched the first time it is opened.
 */
import { THEME_STORAGE_KEY } from '../consts';
import { isEditableTarget, isSearchShortcut } from '../lib/shortcuts';

type Theme = 'light' | 'dark';

const root = document.documentElement;
const darkQuery = matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function applyTheme(theme: Theme): void {
  // The head script has usually set the same theme already: an unchanged attribute is left alone.
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  const pressed = String(theme === 'dark');
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    if (toggle.getAttribute('aria-pressed') !== pressed) toggle.setAttribute('aria-pressed', pressed);
  }
}

function setupTheme(): void {
  applyTheme(storedTheme() ?? (darkQuery.matches ? 'dark' : 'light'));
  for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    toggle.addEventListener('click', () => {
      const next: Theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
      applyTheme(next);
      try {
        localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Storage is blocked: the choice still holds for this page view.
      }
    });
  }
  darkQuery.addEventListener('change', (event) => {
    if (!storedTheme()) applyTheme(event.matches ? 'dark' : 'light');
  });
  // Another tab's choice follows here. The first storage listener of a page costs 1-6 ms here, so it
  // is added in a task of its own instead of lengthening the page's first script task. (A timer,
  // not whenIdle: importing that would add a module request to every reading page.)
  window.setTimeout(() => {
    window.addEventListener('storage', (event) => {
      if (event.key === THEME_STORAGE_KEY) applyTheme(storedTheme() ?? (darkQuery.matches ? 'dark' : 'light'));
    });
  }, 0);
}

function setupMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const pane = document.querySelector<HTMLElement>('[data-sidebar-pane]');
  if (!button || !pane) return;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    pane.toggleAttribute('data-open', open);
    document.body.toggleAttribute('data-menu-open', open);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
  matchMedia('(min-width: 50em)').addEventListener('change', (event) => {
    if (event.matches) setOpen(false);
  });
}

let searchModule: Promise<typeof import('../islands/search-mount')> | undefined;

function openSearch(query = ''): void {
  searchModule ??= import('../islands/search-mount');
  void searchModule.then((module) => module.openSearch({ base: document.body.dataset.base ?? '/', query }));
}

function setupSearch(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-search-open]')) {
    button.addEventListener('click', () => openSearch());
  }
  if (/Mac|iPhone|iPad/.test(navigator.userAgent)) {
    for (const hint of document.querySelectorAll('[data-shortcut-hint]')) hint.textContent = '⌘ K';
  }
  document.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event, isEditableTarget(event.target as Element | null))) return;
    event.preventDefault();
    openSearch();
  });
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-form]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = form.querySelector<HTMLInputElement>('input[type="search"]');
      openSearch(input?.value.trim() ?? '');
    });
  }
}

/**
 * Glossary terms: CSS shows the definition on hover and focus; this adds Escape to dismiss
 * it (WCAG 1.4.13) and a first tap that shows it on touch screens, where hover does not exist.
 */
function setupTerms(): void {
  const terms = document.querySelectorAll<HTMLElement>('[data-term]');
  if (terms.length === 0) return;
  const closeAll = (except?: Element) => {
    for (const term of terms) if (term !== except) term.removeAttribute('data-open');
  };
  for (const term of terms) {
    const link = term.querySelector('a');
    if (!link) continue;
    link.addEventListener('click', (event) => {
      if (term.hasAttribute('data-open') || !matchMedia('(hover: none)').matches) return;
      event.preventDefault();
      closeAll(term);
      term.setAttribute('data-open', '');
    });
    term.addEventListener('mouseleave', () => term.removeAttribute('data-dismissed'));
    link.addEventListener('blur', () => {
      term.removeAttribute('data-dismissed');
      term.removeAttribute('data-open');
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const term of terms) {
      if (term.matches(':hover') || term.contains(document.activeElement) || term.hasAttribute('data-open')) {
        term.setAttribute('data-dismissed', '');
        term.removeAttribute('data-open');
      }
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-term]')) closeAll();
  });
}

/** A quiet banner that lets the reader choose when a new version of the site takes over. */
function showUpdateBanner(accept: () => void): void {
  if (document.querySelector('[data-update-banner]')) return;
  const banner = document.createElement('div');
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');
  banner.dataset['updateBanner'] = '';
  const text = document.createElement('span');
  text.textContent = 'A new version is available.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-primary';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    accept();
  });
  banner.append(text, ' ', button);
  document.body.append(banner);
}

const SERVICE_WORKER_DELAY_MS = 3000;

/**
 * The service worker (written by the build) precaches the whole site and its search index.
 * A new build waits until the reader accepts it, so a page never changes under them.
 */
function setupOffline(): void {
  // `in` does not create the container: reading navigator.serviceWorker does, and that alone took
  // about 10 ms of the page's first second here, so it waits for the delayed registration too.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const base = document.body.dataset['base'] ?? '/';
  const register = () => {
    const container = navigator.serviceWorker;
    let accepted = false;
    container.addEventListener('controllerchange', () => {
      if (accepted) location.reload();
    });
    const offer = (worker: ServiceWorker) =>
      showUpdateBanner(() => {
        accepted = true;
        worker.postMessage({ type: 'SKIP_WAITING' });
      });
    container
      .register(`${base}sw.js`, { scope: base })
      .then((registration) => {
        if (registration.waiting && container.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && container.controller) offer(installing);
          });
        });
      })
      .catch(() => {
        // Without a service worker the site still works online; there is nothing to tell the reader.
      });
  };
  // A first visit precaches the whole site (about 5 MB). Starting that once the page has loaded
  // and settled keeps it from competing with the reader's first seconds on a slow phone.
  window.addEventListener('load', () => window.setTimeout(register, SERVICE_WORKER_DELAY_MS));
}

setupTheme();
setupMenu();
setupSearch();
setupTerms();
setupOffline();
