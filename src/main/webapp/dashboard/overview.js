// Overview: counts by status, throughput (last hour, last day), and for admins nodes, schedule and last runs.
import {api, h, state, ago, when, bytes, statusBadge} from './util.js';
import {timeChart} from './charts.js';
import {message, errorText} from './app.js';

const STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'];

export const overview = {
    async enter(ctx) {
        const admin = ctx.session.admin;
        ctx.view.replaceChildren(
            h('h1', {}, 'Overview'),
            h('section', {id: 'counts', class: 'cards', 'aria-label': 'Jobs by status'},
                STATUSES.map(s => h('a', {class: 'card', id: 'count-' + s, href: '#/jobs?status=' + s},
                    h('span', {class: 'n'}, '…'), h('span', {class: 'status status-' + s}, s)))),
            h('p', {id: 'counted', class: 'muted'}),
            h('div', {class: 'grid2'},
                h('section', {}, h('h2', {}, 'Finished per minute, last hour'), h('div', {id: 'throughput-hour', class: 'chart'})),
                h('section', {}, h('h2', {}, 'Finished per hour, last day'), h('div', {id: 'throughput-day', class: 'chart'}))),
            admin && h('section', {}, h('h2', {}, 'Cleanup schedule'),
                h('p', {id: 'schedule'}, h('span', {id: 'schedule-state'}, '…'), ' ',
                    h('button', {id: 'schedule-toggle', type: 'button', onclick: toggleSchedule}, '…'))),
            admin && h('section', {}, h('h2', {}, 'Nodes'), h('div', {id: 'nodes'}, state('loading', 'Loading…'))),
            admin && h('section', {}, h('h2', {}, 'Last cleanup runs'), h('div', {id: 'last-runs'}, state('loading', 'Loading…'))));
        await this.refresh(ctx);
    },

    async refresh(ctx) {
        const {data: stats} = await api('jobs/stats');
        for (const s of STATUSES) {
            document.querySelector('#count-' + s + ' .n').textContent = stats.counts[s].toLocaleString();
        }
        // a large database is counted in the background every few seconds (docs/api.md#stats): say how old the counts are
        const behind = Date.parse(stats.at) - Date.parse(stats.countedAt);
        document.getElementById('counted').textContent = behind >= 1000
            ? 'Counted ' + ago(stats.countedAt) + ': a database this large is counted every few seconds.' : '';
        chart('throughput-hour', stats.lastHour);
        chart('throughput-day', stats.lastDay);
        if (!ctx.session.admin) return;
        const [{data: status}, {data: nodes}, {data: runs}] = await Promise.all([
            api('system/cleanup/status'), api('system/nodes'), api('system/cleanup/runs?limit=5')]);
        showSchedule(status);
        document.getElementById('nodes').replaceChildren(nodes.length === 0
            ? state('empty', 'No node has reported yet.', 'nodes-empty')
            : h('table', {id: 'nodes-table'},
                h('thead', {}, h('tr', {}, h('th', {}, 'Node'), h('th', {}, 'State'), h('th', {}, 'Last heartbeat'),
                    h('th', {class: 'num'}, 'Jobs held'))),
                h('tbody', {}, nodes.map(n => h('tr', {},
                    h('td', {class: 'mono'}, n.id, n.self ? ' (this node)' : ''),
                    h('td', {}, n.stoppedAt ? 'stopped ' + ago(n.stoppedAt) : 'up since ' + when(n.startedAt)),
                    h('td', {title: when(n.lastSeen)}, ago(n.lastSeen)),
                    h('td', {class: 'num'}, n.jobsHeld))))));
        document.getElementById('last-runs').replaceChildren(runsTable(runs, 'last-runs-table'));
    },
};

function chart(id, series) {
    const xs = series.completed.map((_, i) => Date.parse(series.start) / 1000 + i * series.stepSeconds);
    timeChart(document.getElementById(id), xs, [
        {label: 'completed', values: series.completed, color: '--ok', fill: true},
        {label: 'failed', values: series.failed, color: '--danger'},
        {label: 'cancelled', values: series.cancelled, color: '--muted'}]);
}

function showSchedule(status) {
    const enabled = status.schedulerEnabled;
    document.getElementById('schedule-state').textContent = enabled
        ? 'Runs every ' + status.interval + (status.nextRun ? '; next ' + ago(status.nextRun) : '')
        : 'Paused: scheduled cleanups are skipped until resumed.';
    const button = document.getElementById('schedule-toggle');
    button.textContent = enabled ? 'Pause' : 'Resume';
    button.dataset.enabled = String(enabled);
}

async function toggleSchedule(event) {
    const button = event.currentTarget;
    const enable = button.dataset.enabled !== 'true';
    button.disabled = true;
    try {
        const {data} = await api('system/cleanup/schedule', {method: 'PUT', body: {enabled: enable}});
        showSchedule(data);
        message(enable ? 'Schedule resumed.' : 'Schedule paused.', true);
    } catch (e) {
        message(errorText(e));
    } finally {
        button.disabled = false;
    }
}

/** The run history as a table: when, trigger, dry or real, status, deleted and bytes freed. */
export function runsTable(runs, id) {
    if (runs.length === 0) return state('empty', 'No cleanup has run yet.', id + '-empty');
    const total = (run, field) => Object.values(run.targets || {}).reduce((sum, t) => sum + (t[field] || 0), 0);
    return h('table', {id},
        h('thead', {}, h('tr', {}, h('th', {}, 'Started'), h('th', {}, 'Trigger'), h('th', {}, 'Kind'), h('th', {}, 'Status'),
            h('th', {class: 'num'}, 'Deleted'), h('th', {class: 'num'}, 'Bytes freed'))),
        h('tbody', {}, runs.map(r => h('tr', {'data-id': r.id},
            h('td', {title: r.id}, when(r.startedAt)), h('td', {}, r.trigger + (r.principal ? ' (' + r.principal + ')' : '')),
            h('td', {}, r.dryRun ? 'preview' : 'real'), h('td', {}, statusBadge(r.status)),
            h('td', {class: 'num'}, r.dryRun ? total(r, 'matched') + ' would' : total(r, 'deleted')),
            h('td', {class: 'num'}, r.dryRun ? bytes(total(r, 'bytesMatched')) + ' would' : bytes(total(r, 'bytesFreed')))))));
}
