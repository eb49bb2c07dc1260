// Time-series charts with uPlot (a WebJar); colours read from the page's CSS so both themes stay legible.
import uPlot from '../webjars/uplot/1.6.30/dist/uPlot.esm.js';

function color(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Draws (or redraws) a chart into container: xs in epoch seconds, series [{label, values, color var}]. */
export function timeChart(container, xs, series, opts = {}) {
    const width = Math.max(320, container.clientWidth || 480);
    const data = [xs, ...series.map(s => s.values)];
    // one point alone would stretch the time axis over years: an hour either side of it
    container._xRange = xs.length === 1 ? [xs[0] - 3600, xs[0] + 3600] : null;
    const key = JSON.stringify([width, series.map(s => s.label)]);
    if (container._plot && container._key === key) {
        container._plot.setData(data);
        return;
    }
    if (container._plot) container._plot.destroy();
    const axis = {stroke: color('--muted'), grid: {stroke: color('--line'), width: 1}, ticks: {stroke: color('--line')}};
    container._plot = new uPlot({
        width, height: opts.height || 200,
        scales: {x: {time: true, range: (u, min, max) => container._xRange || [min, max]}},
        axes: [axis, {...axis, values: opts.yValues}],
        series: [{}, ...series.map(s => ({label: s.label, stroke: color(s.color), width: 2,
            fill: s.fill ? color(s.color) + '33' : undefined, points: {show: false}}))],
    }, data, container);
    container._key = key;
}
