// Cleanup: schedule, live progress of a running run, a preview (dry run) per target with its stored plan (reasons,
// first items) and "Apply this plan", the history and a bytes-freed chart.
import {api, h, state, bytes, when, ago} from './util.js';
import {timeChart} from './charts.js';
import {message, errorText, confirmAction} from './app.js';
import {runsTable} from './overview.js';

export const cleanupPage = {
    // a running run's report is rewritten every 2 s on the server: follow it at that pace
    pollMs: 2000,

    async enter(ctx) {
        ctx.view.replaceChildren(
            h('h1', {}, 'Cleanup'),
            h('section', {}, h('h2', {}, 'Now'), h('div', {id: 'cleanup-now'}, state('loading', 'Loading…'))),
            h('section', {}, h('h2', {}, 'Preview'),
                h('p', {class: 'muted'}, 'A dry run: what a real cleanup would delete right now, per target, each item with its reason. Nothing is deleted until you apply the plan, which then deletes only what it lists and is still due.'),
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
    const applying = !!run.planId;
    return h('table', {id},
        h('thead', {}, h('tr', {}, h('th', {}, 'Target'), h('th', {class: 'num'}, dry ? 'Would delete' : 'Deleted'),
            applying ? h('th', {class: 'num'}, 'Skipped') : null,
            h('th', {class: 'num'}, dry ? 'Would free' : 'Freed'), h('th', {class: 'num'}, 'Errors'), h('th', {}, 'Sample'))),
        h('tbody', {}, targets.map(([name, t]) => h('tr', {'data-target': name},
            h('td', {}, name, t.phase ? ' (' + t.phase + ')' : ''),
            h('td', {class: 'num'}, dry ? t.matched : t.deleted),
            applying ? h('td', {class: 'num skipped'}, t.skipped || 0) : null,
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
            targetsTable(run, 'preview-targets', true), await planSection(run));
    } catch (e) {
        box.replaceChildren(state('error', errorText(e), 'preview-error'));
    } finally {
        button.disabled = false;
    }
}

// The first items of the preview's stored plan, each with its reason, and the button that applies exactly that plan.
async function planSection(run) {
    let page;
    try {
        ({data: page} = await api('system/cleanup/runs/' + run.id + '/plan?limit=20'));
    } catch (e) {
        return state('error', errorText(e), 'plan-error');
    }
    const counts = Object.entries(run.targets || {}).map(([name, t]) => t.matched + ' ' + name).join(', ');
    const items = page.items.length === 0 ? state('empty', 'The plan is empty: a real cleanup would delete nothing now.', 'plan-empty')
        : h('table', {id: 'plan-items'},
            h('thead', {}, h('tr', {}, h('th', {}, 'Target'), h('th', {}, 'Item'), h('th', {}, 'Reason'), h('th', {class: 'num'}, 'Bytes'))),
            h('tbody', {}, page.items.map(i => h('tr', {'data-item': i.item},
                h('td', {}, i.target), h('td', {class: 'mono'}, i.item), h('td', {}, i.reason),
                h('td', {class: 'num'}, i.bytes === undefined ? '' : bytes(i.bytes))))));
    const result = h('div', {id: 'apply-result'});
    const button = h('button', {id: 'apply-plan', type: 'button', class: 'danger', onclick: async () => {
        if (!await confirmAction('Apply the plan of preview ' + run.id.slice(0, 8) + '? It deletes at most ' + counts
            + ' (only what is still due now; the rest is skipped).')) return;
        button.disabled = true;
        result.replaceChildren(state('loading', 'Applying the plan…', 'apply-loading'));
        try {
            let {data: applied} = await api('system/cleanup/runs/' + run.id + '/apply?wait=5s', {method: 'POST'});
            while (applied.status === 'RUNNING') {
                result.replaceChildren(h('p', {class: 'muted'}, 'Applying…'), targetsTable(applied, 'apply-targets', false));
                await new Promise(resolve => setTimeout(resolve, 1000));
                ({data: applied} = await api('system/cleanup/runs/' + applied.id));
            }
            result.replaceChildren(h('p', {id: 'apply-status'}, 'Applied: run ', h('span', {class: 'mono'}, applied.id.slice(0, 8)), ' ', applied.status, '.'),
                targetsTable(applied, 'apply-targets', false));
            message('Plan applied.', true);
            await cleanupPage.refresh();
        } catch (e) {
            result.replaceChildren(state('error', errorText(e), 'apply-error'));
            button.disabled = false;
        }
    }}, 'Apply this plan');
    return h('div', {id: 'plan'},
        h('h3', {}, 'Plan'),
        h('p', {class: 'muted'}, 'The first items of the stored plan (expires ', when(page.expiresAt), '); ',
            h('span', {class: 'mono'}, 'custodian plan show ' + run.id), ' lists all of them.'),
        items, h('div', {class: 'actions'}, button), result);
}
