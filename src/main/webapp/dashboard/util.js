// Small helpers shared by the pages: element building (no innerHTML with data), formatting, the API.

/** Builds an element: h('td', {class: 'num'}, 'text', child, ...). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'class') el.className = v;
        else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
        if (c === undefined || c === null || c === false) continue;
        el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
}

export function bytes(n) {
    if (n === undefined || n === null) return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
}

export function when(iso) {
    if (!iso) return '–';
    const d = new Date(iso);
    return d.toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'medium'});
}

export function ago(iso) {
    if (!iso) return '–';
    const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
    if (s < 0) return 'in ' + span(-s);
    return span(s) + ' ago';
}

function span(s) {
    if (s < 90) return s + ' s';
    if (s < 5400) return Math.round(s / 60) + ' min';
    if (s < 129600) return Math.round(s / 3600) + ' h';
    return Math.round(s / 86400) + ' d';
}

export function statusBadge(status) {
    return h('span', {class: 'status status-' + status}, status);
}

/** An answer that was not 2xx: the problem's detail, and its status. */
export class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

/** Calls the JSON API; every URL is relative to the page, so any context root and a reverse proxy work. */
export async function api(path, options = {}) {
    const init = {method: options.method || 'GET', headers: {Accept: 'application/json'}, credentials: 'same-origin'};
    if (options.body !== undefined) {
        init.body = JSON.stringify(options.body);
        init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch('../api/' + path, init);
    if (response.status === 204) return {data: null, response};
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
        const detail = data && (data.detail || data.title) || (response.status + ' ' + response.statusText);
        throw new ApiError(response.status, detail);
    }
    return {data, response};
}

/** A designed state in place of content: loading, empty (with what to do), error (the problem's detail). */
export function state(kind, text, id) {
    return h('div', {class: kind, id}, text);
}

export function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
        if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, v);
    }
    const s = q.toString();
    return s ? '?' + s : '';
}
