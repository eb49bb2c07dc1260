// Cleanup: schedule, live progress of a running run, a preview (dry run) per target with its sample, the history
// and a bytes-freed chart.
import {api, h, state, bytes, when, ago} from './util.js';
import {timeChart} from './charts.js';
import {message, errorText} from './app.js';
import {runsTable} from './overview.js';

export const cleanupPage = {
    // a running run's report is rewritten every 2 s on the server: follow it at that pace
    pollMs: 2000,

    async enter(ctx) {
        ctx.view.replaceChildren(
            h('h1', {}, 'Cleanup'),
            h('section', {}, h('h2', {}, 'Now'), h('div', {id: 'cleanup-now'}, state('loading', 'Loading…'))),
            h('section', {}, h('h2', {}, 'Preview'),
                h('p', {class: 'muted'}, 'A dry run: what a real cleanup would delete right now, per target, with a sample. Nothing is deleted.'),
                h('div', {class: 'actions'}, h('button', {id: 'preview-run', type: 'button', class: 'primary', onclick: preview}, 'Preview a cleanup')),
                h('div', {id: 'preview-result'})),
            h('section', {}, h('h2', {}, 'Bytes freed by real runs'), h('div', {id: 'bytes-chart', class: 'chart'})),
            h('section', {}, h('h2', {}, 'History'), h('div', {id: 'runs'}, state('loading', 'Loading…'))));
        await this.refresh(ctx);
    },

    async refresh() {
        const [{data: status}, {data: runs}] = await Promise.all([api('system/cleanup/status'), api('system/cleanup/runs?limit=50')]);
        await showNow(status);
        document.getElementById('runs').replaceChildren(runsTable(runs, 'runs-table'));
        const real = runs.filter(r => !r.dryRun && r.finishedAt).reverse();
        const chartBox = document.getElementById('bytes-chart');
        if (real.length === 0) {
            chartBox.replaceChildren(state('empty', 'No real run has finished yet.', 'bytes-empty'));
            chartBox._plot = null;
        } else {
            if (!chartBox._plot) chartBox.replaceChildren();
            const freed = r => Object.values(r.targets || {}).reduce((s, t) => s + (t.bytesFreed || 0), 0);
            timeChart(chartBox, real.map(r => Date.parse(r.startedAt) / 1000), [{label: 'bytes freed', values: real.map(freed), color: '--accent', fill: true}],
                {yValues: (u, vals) => vals.map(v => bytes(v))});
        }
    },
};

async function showNow(status) {
    const box = document.getElementById('cleanup-now');
    const parts = [h('p', {},
        h('span', {id: 'schedule-state'}, status.schedulerEnabled ? 'Scheduled every ' + status.interval
            + (status.nextRun ? ', next ' + ago(status.nextRun) : '') + '.' : 'The schedule is paused.'), ' ',
        h('button', {id: 'schedule-toggle', type: 'button', onclick: async () => {
            try {
                await api('system/cleanup/schedule', {method: 'PUT', body: {enabled: !status.schedulerEnabled}});
                message(status.schedulerEnabled ? 'Schedule paused.' : 'Schedule resumed.', true);
                await cleanupPage.refresh();
            } catch (e) {
                message(errorText(e));
            }
        }}, status.schedulerEnabled ? 'Pause' : 'Resume'))];
    if (status.runningNow) {
        // runningNow carries the run's report so far: per target its phase (pending, purging, done...) and counts
        const run = status.runningNow;
        parts.push(h('div', {id: 'running-now'}, h('p', {}, 'A cleanup is running on ', run.node,
                run.startedAt ? ', started ' + ago(run.startedAt) : '', '.'),
            progressTable(run)));
    } else {
        parts.push(h('p', {id: 'running-none', class: 'muted'}, 'No cleanup is running.'
            + (status.lastRun ? ' The last one finished ' + ago(status.lastRun.finishedAt) + '.' : '')));
    }
    box.replaceChildren(...parts);
}

function progressTable(run) {
    const targets = Object.entries(run.targets || {});
    if (targets.length === 0) return state('empty', 'No target has reported yet.', 'running-targets-empty');
    return h('table', {id: 'running-targets'},
        h('thead', {}, h('tr', {}, h('th', {}, 'Target'), h('th', {}, 'Phase'), h('th', {class: 'num'}, 'Matched'),
            h('th', {class: 'num'}, run.dryRun ? 'Would free' : 'Deleted'), h('th', {class: 'num'}, run.dryRun ? '' : 'Freed'),
            h('th', {class: 'num'}, 'Errors'))),
        h('tbody', {}, targets.map(([name, t]) => h('tr', {'data-target': name, 'data-phase': t.phase || ''},
            h('td', {}, name),
            h('td', {class: 'phase'}, t.phase || ''),
            h('td', {class: 'num'}, t.phase === 'pending' ? '' : t.matched),
            h('td', {class: 'num'}, t.phase === 'pending' ? '' : (run.dryRun ? bytes(t.bytesMatched) : t.deleted)),
            h('td', {class: 'num'}, t.phase === 'pending' || run.dryRun ? '' : bytes(t.bytesFreed)),
            h('td', {class: 'num'}, t.errors || 0)))));
}

function targetsTable(run, id, dry) {
    const targets = Object.entries(run.targets || {});
    if (targets.length === 0) return state('empty', 'No target has reported yet.', id + '-empty');
    return h('table', {id},
        h('thead', {}, h('tr', {}, h('th', {}, 'Target'), h('th', {class: 'num'}, dry ? 'Would delete' : 'Deleted'),
            h('th', {class: 'num'}, dry ? 'Would free' : 'Freed'), h('th', {class: 'num'}, 'Errors'), h('th', {}, 'Sample'))),
        h('tbody', {}, targets.map(([name, t]) => h('tr', {'data-target': name},
            h('td', {}, name, t.phase ? ' (' + t.phase + ')' : ''),
            h('td', {class: 'num'}, dry ? t.matched : t.deleted),
            h('td', {class: 'num'}, bytes(dry ? t.bytesMatched : t.bytesFreed)),
            h('td', {class: 'num'}, t.errors || 0),
            h('td', {}, (t.sample || []).length === 0 ? h('span', {class: 'muted'}, 'nothing')
                : h('ul', {class: 'mono sample'}, t.sample.slice(0, 10).map(s => h('li', {}, typeof s === 'string' ? s : JSON.stringify(s)))))))));
}

async function preview(event) {
    const button = event.currentTarget;
    const box = document.getElementById('preview-result');
    button.disabled = true;
    box.replaceChildren(state('loading', 'Computing the preview…', 'preview-loading'));
    try {
        const {data: run} = await api('system/cleanup?wait=60s', {method: 'POST', body: {dryRun: true}});
        box.replaceChildren(h('p', {class: 'muted'}, 'Preview ', h('span', {class: 'mono'}, run.id.slice(0, 8)), ' of ', when(run.startedAt), ':'),
            targetsTable(run, 'preview-targets', true));
    } catch (e) {
        box.replaceChildren(state('error', errorText(e), 'preview-error'));
    } finally {
        button.disabled = false;
    }
}
