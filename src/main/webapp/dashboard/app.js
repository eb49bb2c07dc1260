// The dashboard's shell: who is signed in, the hash router, and one poll loop for the page on show.
import {api, h, state, ApiError} from './util.js';
import {overview} from './overview.js';
import {jobsPage, jobPage, deletedPage} from './jobs.js';
import {cleanupPage} from './cleanup.js';

const POLL_MS = 3000;
const view = document.getElementById('view');
const session = {admin: false};
let current = null;
let timer = null;

const routes = [
    {re: /^#\/overview$/, nav: 'nav-overview', page: () => overview},
    {re: /^#\/jobs(?:\?(.*))?$/, nav: 'nav-jobs', page: () => jobsPage},
    {re: /^#\/jobs\/([0-9a-f-]{36})$/, nav: 'nav-jobs', page: () => jobPage},
    {re: /^#\/deleted$/, nav: 'nav-deleted', page: () => deletedPage, admin: true},
    {re: /^#\/cleanup$/, nav: 'nav-cleanup', page: () => cleanupPage, admin: true},
];

/** Shows a message above the page: an error (problem detail) or, with info, a confirmation. */
export function message(text, info = false) {
    const box = document.getElementById('message');
    box.textContent = text || '';
    box.className = info ? 'info' : '';
    box.hidden = !text;
}

/** Asks before a change; resolves true when confirmed. */
export function confirmAction(text) {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    return new Promise(resolve => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true});
        dialog.returnValue = '';
        dialog.showModal();
        document.getElementById('confirm-cancel').focus();
    });
}

export function errorText(e) {
    if (e instanceof ApiError) return e.message + ' (HTTP ' + e.status + ')';
    return 'The server could not be reached: ' + e.message;
}

async function who() {
    try {
        await api('jobs?limit=1');
    } catch (e) {
        view.replaceChildren(state('error', errorText(e), 'login-error'));
        return false;
    }
    try {
        await api('system/cleanup/status');
        session.admin = true;
    } catch (e) {
        session.admin = false;
    }
    document.getElementById('whoami').textContent = session.admin ? 'admin' : 'user';
    document.getElementById('whoami').id = 'whoami';
    document.body.dataset.role = session.admin ? 'admin' : 'user';
    for (const link of document.querySelectorAll('nav a[data-admin]')) link.hidden = !session.admin;
    return true;
}

async function route() {
    clearTimeout(timer);
    if (current && current.leave) current.leave();
    message('');
    const hash = location.hash || '#/overview';
    const match = routes.map(r => ({r, m: hash.match(r.re)})).find(x => x.m);
    for (const a of document.querySelectorAll('nav a')) a.removeAttribute('aria-current');
    if (!match) {
        view.replaceChildren(h('h1', {}, 'Not found'), state('empty', 'There is no page ' + hash + '.', 'not-found'));
        return;
    }
    document.getElementById(match.r.nav).setAttribute('aria-current', 'page');
    if (match.r.admin && !session.admin) {
        view.replaceChildren(h('h1', {}, 'Not allowed'),
            state('error', 'This page is for admins: your account may see its own jobs only.', 'forbidden'));
        current = null;
        return;
    }
    const page = match.r.page();
    current = page;
    view.replaceChildren(state('loading', 'Loading…', 'page-loading'));
    const ctx = {session, args: match.m.slice(1), view};
    await page.enter(ctx);
    poll(page, ctx);
}

function poll(page, ctx) {
    if (!page.refresh) return;
    timer = setTimeout(async () => {
        if (current !== page) return;
        try {
            await page.refresh(ctx);
            document.getElementById('live').textContent = 'updated ' + new Date().toLocaleTimeString();
        } catch (e) {
            message(errorText(e));
        }
        poll(page, ctx);
    }, page.pollMs || POLL_MS);
}

window.addEventListener('hashchange', route);
if (await who()) {
    await route();
}
