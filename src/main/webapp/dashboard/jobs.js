// Jobs: the filtered list with paging, total and bulk actions; one job's detail; the deleted jobs by purge time.
import {api, h, state, when, ago, statusBadge, query} from './util.js';
import {message, errorText, confirmAction} from './app.js';

const STATUSES = ['', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];
const SORTS = [['-createdAt', 'newest first'], ['createdAt', 'oldest first'], ['-finishedAt', 'last finished'], ['finishedAt', 'first finished']];

function select(id, label, options, value) {
    return h('label', {for: id}, label, h('select', {id},
        options.map(([v, text]) => h('option', {value: v, selected: v === value}, text))));
}

function input(id, label, type, value, placeholder) {
    return h('label', {for: id}, label, h('input', {id, type, value: value || '', placeholder}));
}

function isoOrEmpty(local) {
    return local ? new Date(local).toISOString() : '';
}

function filtersFrom(admin) {
    const v = id => document.getElementById(id)?.value || '';
    const filter = {status: v('filter-status'), type: v('filter-type').trim(),
        createdAfter: isoOrEmpty(v('filter-created-after')), createdBefore: isoOrEmpty(v('filter-created-before'))};
    if (admin) filter.owner = v('filter-owner').trim();
    for (const k of Object.keys(filter)) if (!filter[k]) delete filter[k];
    return filter;
}

function jobsTable(items, id, columns) {
    return h('table', {id},
        h('thead', {}, h('tr', {}, columns.map(c => h('th', {class: c.num ? 'num' : undefined}, c.title)))),
        h('tbody', {}, items.map(job => h('tr', {'data-id': job.id, 'data-status': job.status},
            columns.map(c => h('td', {class: c.num ? 'num' : undefined}, c.cell(job)))))));
}

const link = job => h('a', {class: 'job-link mono', href: '#/jobs/' + job.id}, job.id.slice(0, 8));

export const jobsPage = {
    async enter(ctx) {
        const admin = ctx.session.admin;
        const initial = new URLSearchParams(ctx.args[0] || '');
        this.cursors = [null];
        this.page = 0;
        ctx.view.replaceChildren(
            h('h1', {}, 'Jobs'),
            h('form', {class: 'toolbar', id: 'filters', onsubmit: e => { e.preventDefault(); this.cursors = [null]; this.page = 0; this.refresh(ctx); }},
                select('filter-status', 'Status', STATUSES.map(s => [s, s || 'any']), initial.get('status') || ''),
                input('filter-type', 'Type', 'text', initial.get('type'), 'any'),
                admin && input('filter-owner', 'Owner', 'text', initial.get('owner'), 'anyone'),
                input('filter-created-after', 'Created after', 'datetime-local'),
                input('filter-created-before', 'Created before', 'datetime-local'),
                select('sort', 'Sort', SORTS, '-createdAt'),
                h('button', {id: 'apply-filters', type: 'submit', class: 'primary'}, 'Apply')),
            admin && h('div', {class: 'toolbar', id: 'bulk'},
                select('bulk-action', 'On every matching job', [['cancel', 'Cancel'], ['delete', 'Delete'], ['retry', 'Retry']], 'cancel'),
                h('button', {id: 'bulk-run', type: 'button', onclick: () => this.bulk(ctx)}, 'Apply to all matches…')),
            h('p', {id: 'jobs-total', class: 'muted'}, ''),
            h('div', {id: 'jobs'}, state('loading', 'Loading…')),
            h('div', {class: 'pager'},
                h('button', {id: 'prev-page', type: 'button', onclick: () => { this.page--; this.refresh(ctx); }}, '← Newer'),
                h('span', {id: 'page-number', class: 'muted'}),
                h('button', {id: 'next-page', type: 'button', onclick: () => { this.page++; this.refresh(ctx); }}, 'Older →')));
        await this.refresh(ctx);
    },

    params(ctx, count) {
        return {...filtersFrom(ctx.session.admin), sort: document.getElementById('sort').value, limit: 25,
            cursor: this.cursors[this.page], count};
    },

    async refresh(ctx) {
        const box = document.getElementById('jobs');
        let data;
        try {
            ({data} = await api('jobs' + query(this.params(ctx, true))));
        } catch (e) {
            box.replaceChildren(state('error', errorText(e), 'jobs-error'));
            return;
        }
        this.cursors[this.page + 1] = data.nextCursor || null;
        this.total = data.total;
        document.getElementById('jobs-total').textContent = data.totalIsEstimate
            ? 'More than ' + data.total.toLocaleString() + ' jobs match.' : data.total.toLocaleString() + ' job(s) match.';
        document.getElementById('prev-page').disabled = this.page === 0;
        document.getElementById('next-page').disabled = !data.nextCursor;
        document.getElementById('page-number').textContent = 'page ' + (this.page + 1);
        const bulk = document.getElementById('bulk-run');
        if (bulk) bulk.disabled = data.total === 0;
        if (data.items.length === 0) {
            box.replaceChildren(state('empty', Object.keys(filtersFrom(ctx.session.admin)).length
                ? 'No job matches these filters.'
                : 'No jobs yet: submit one with curl -u USER -H "Content-Type: application/json" -d \'{"type":"echo"}\' …/api/jobs',
            'jobs-empty'));
            return;
        }
        box.replaceChildren(jobsTable(data.items, 'jobs-table', [
            {title: 'Job', cell: link}, {title: 'Type', cell: j => j.type}, {title: 'Status', cell: j => statusBadge(j.status)},
            {title: 'Owner', cell: j => j.owner}, {title: 'Created', cell: j => when(j.createdAt)},
            {title: 'Finished', cell: j => when(j.finishedAt)}, {title: 'Attempts', num: true, cell: j => j.attempts + '/' + j.maxAttempts}]));
    },

    async bulk(ctx) {
        const action = document.getElementById('bulk-action').value;
        const filter = filtersFrom(true);
        let expect;
        try {
            ({data: {total: expect}} = await api('jobs' + query({...filter, limit: 1, count: true})));
        } catch (e) {
            message(errorText(e));
            return;
        }
        const ok = await confirmAction(action[0].toUpperCase() + action.slice(1) + ' ' + expect.toLocaleString()
            + ' job(s) matching ' + (Object.keys(filter).length ? JSON.stringify(filter) : 'no filter (every job)') + '?');
        if (!ok) return;
        try {
            const {data} = await api('jobs/bulk', {method: 'POST', body: {action, filter, expect}});
            message(data.action + ': ' + data.applied + ' of ' + data.matched + ' job(s) changed'
                + (data.skipped ? ', ' + data.skipped + ' skipped (the action did not apply)' : '') + '.', true);
        } catch (e) {
            message(errorText(e));
        }
        await this.refresh(ctx);
    },
};

export const jobPage = {
    async enter(ctx) {
        ctx.view.replaceChildren(h('p', {}, h('a', {href: '#/jobs'}, '← Jobs')), h('div', {id: 'job'}, state('loading', 'Loading…')));
        await this.refresh(ctx);
    },

    async refresh(ctx) {
        const id = ctx.args[0];
        const box = document.getElementById('job');
        const deleted = ctx.session.admin ? '?includeDeleted=true' : '';
        let job;
        let events;
        try {
            [{data: job}, {data: events}] = await Promise.all([api('jobs/' + id + deleted), api('jobs/' + id + '/events' + deleted)]);
        } catch (e) {
            box.replaceChildren(state('error', errorText(e), 'job-error'));
            return;
        }
        const finished = ['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.status);
        const act = (label, idAttr, run, danger) => h('button', {id: idAttr, type: 'button', class: danger ? 'danger' : undefined,
            onclick: async () => {
                try { await run(); message(label + ': done.', true); } catch (e) { message(errorText(e)); }
                await this.refresh(ctx);
            }}, label);
        const field = (name, value) => [h('dt', {}, name), h('dd', {}, value ?? '–')];
        box.replaceChildren(
            h('h1', {}, job.type, ' ', h('span', {id: 'job-status'}, statusBadge(job.status)), job.deletedAt ? ' (deleted)' : ''),
            h('div', {class: 'actions'},
                !finished && act('Cancel', 'job-cancel', () => api('jobs/' + id + '/cancel', {method: 'POST'}), true),
                finished && !job.deletedAt && act('Delete', 'job-delete', () => api('jobs/' + id, {method: 'DELETE'}), true),
                job.deletedAt && ctx.session.admin && act('Restore', 'job-restore', () => api('jobs/' + id + '/restore', {method: 'POST'})),
                finished && !job.deletedAt && act('Retry', 'job-retry', async () => {
                    const {data} = await api('jobs/' + id + '/retry', {method: 'POST'});
                    location.hash = '#/jobs/' + data.id;
                }),
                job.status === 'COMPLETED' && job.outputFile && h('a', {id: 'job-output', href: '../api/jobs/' + id + '/output', download: job.outputFile},
                    'Download ' + job.outputFile)),
            h('dl', {class: 'fields', id: 'job-fields'},
                field('Id', h('span', {class: 'mono'}, job.id)), field('Owner', job.owner),
                field('Attempts', job.attempts + ' of ' + job.maxAttempts), field('Timeout', job.timeoutSeconds + ' s'),
                field('Created', when(job.createdAt)), field('Started', when(job.startedAt)), field('Finished', when(job.finishedAt)),
                job.workerId && field('Held by', job.workerId + ' until ' + when(job.leaseExpiresAt)),
                job.retryOf && field('Retry of', h('a', {href: '#/jobs/' + job.retryOf, class: 'mono'}, job.retryOf)),
                job.deletedAt && field('Deleted', when(job.deletedAt)),
                job.error && field('Error', job.error),
                job.inputFile && field('Input file', job.inputFile),
                job.payload !== undefined && field('Payload', h('pre', {}, JSON.stringify(job.payload, null, 2))),
                job.result !== undefined && field('Result', h('pre', {}, JSON.stringify(job.result, null, 2)))),
            h('h2', {}, 'Timeline'),
            h('ol', {class: 'timeline', id: 'job-timeline'}, events.map(e => h('li', {'data-type': e.type},
                h('strong', {}, e.type), ' ', h('span', {class: 'muted', title: when(e.at)}, ago(e.at)),
                e.message ? h('div', {}, e.message) : null))));
    },
};

export const deletedPage = {
    async enter(ctx) {
        ctx.view.replaceChildren(h('h1', {}, 'Deleted jobs'),
            h('p', {class: 'muted'}, 'Soft-deleted jobs, the next to be purged first. Restore one to keep it.'),
            h('p', {id: 'deleted-total', class: 'muted'}), h('div', {id: 'deleted'}, state('loading', 'Loading…')));
        await this.refresh(ctx);
    },

    async refresh(ctx) {
        const box = document.getElementById('deleted');
        let data;
        try {
            ({data} = await api('jobs?deleted=true&count=true&limit=100'));
        } catch (e) {
            box.replaceChildren(state('error', errorText(e), 'deleted-error'));
            return;
        }
        document.getElementById('deleted-total').textContent = (data.totalIsEstimate ? 'More than ' : '') + data.total + ' deleted job(s).';
        if (data.items.length === 0) {
            box.replaceChildren(state('empty', 'No deleted jobs: nothing is waiting to be purged.', 'deleted-empty'));
            return;
        }
        box.replaceChildren(jobsTable(data.items, 'deleted-table', [
            {title: 'Job', cell: link}, {title: 'Type', cell: j => j.type}, {title: 'Status', cell: j => statusBadge(j.status)},
            {title: 'Owner', cell: j => j.owner}, {title: 'Deleted', cell: j => when(j.deletedAt)},
            {title: 'Purged', cell: j => h('span', {title: when(j.purgeAt)}, ago(j.purgeAt))},
            {title: '', cell: j => h('button', {type: 'button', class: 'restore', id: 'restore-' + j.id, onclick: async () => {
                try {
                    await api('jobs/' + j.id + '/restore', {method: 'POST'});
                    message('Job ' + j.id.slice(0, 8) + ' restored.', true);
                } catch (e) {
                    message(errorText(e));
                }
                await this.refresh(ctx);
            }}, 'Restore')}]));
    },
};
