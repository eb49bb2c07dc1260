#!/usr/bin/env python3
"""A reference Custodian worker: Python standard library only.

Claims jobs of the given types in batches (POST /api/jobs/claim with "max"), runs them one after another,
keeps their leases alive while it works (POST /api/jobs/{id}/heartbeat from a second thread), and reports the
outcomes of a whole batch in one call (POST /api/jobs/completions).

On SIGTERM or SIGINT it finishes nothing new: the job being run is interrupted, and every job it still holds is
handed back in the same completions call as a failure with "retry": true, so it is PENDING again after the
retry backoff (the attempt counts). Then it exits 0. See docs/workers.md.

Replace handle() with your own work; everything else is the protocol.

Usage: worker.py --url http://localhost:8080 --user robot --password ... --types remote-thing [--batch 25]
       (CUSTODIAN_URL, CUSTODIAN_USER, CUSTODIAN_PASSWORD are read when the options are absent)
"""
import argparse
import base64
import http.client
import json
import os
import signal
import socket
import sys
import threading
import time
import urllib.parse


class Stopping(Exception):
    """The worker was asked to stop while a job ran."""


class JobFailed(Exception):
    """A job that cannot succeed; retry=False ends it, retry=True lets Custodian schedule another attempt."""

    def __init__(self, message, retry=True):
        super().__init__(message)
        self.retry = retry


def handle(job, stop):
    """The work. Answers the job's result (any JSON value) or raises JobFailed.

    This example echoes the payload; {"sleepSeconds": s} makes it work s seconds (interrupted by a stop),
    {"fail": "why"} fails it without retry.
    """
    payload = job.get("payload") or {}
    if isinstance(payload, dict):
        if "fail" in payload:
            raise JobFailed(str(payload["fail"]), retry=False)
        if stop.wait(float(payload.get("sleepSeconds", 0))):
            raise Stopping()
    return {"echo": payload}


class Api:
    """One keep-alive HTTP connection; a broken connection is opened again once per call."""

    def __init__(self, url, user, password, timeout=30):
        self.url = urllib.parse.urlsplit(url.rstrip("/"))
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": "Basic " + token, "Content-Type": "application/json",
                        "Accept": "application/json"}
        self.timeout = timeout
        self.conn = None

    def post(self, path, body):
        data = json.dumps(body).encode()
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    cls = http.client.HTTPSConnection if self.url.scheme == "https" else http.client.HTTPConnection
                    self.conn = cls(self.url.hostname, self.url.port, timeout=self.timeout)
                self.conn.request("POST", self.url.path + path, body=data, headers=self.headers)
                reply = self.conn.getresponse()
                text = reply.read()
                return reply.status, (json.loads(text) if text else None)
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


class Worker:

    def __init__(self, args):
        self.args = args
        self.worker_id = args.worker_id
        self.stop = threading.Event()
        self.held = {}  # job id -> job, the jobs this worker holds and has not reported yet
        self.lock = threading.Lock()
        self.api = Api(args.url, args.user, args.password)

    def log(self, message):
        print(f"{time.strftime('%H:%M:%S')} worker {self.worker_id}: {message}", file=sys.stderr, flush=True)

    def run(self):
        threading.Thread(target=self.heartbeats, name="heartbeats", daemon=True).start()
        self.log(f"claiming {self.args.types} in batches of {self.args.batch} from {self.args.url}")
        while not self.stop.is_set():
            status, body = self.api.post("/api/jobs/claim", {"workerId": self.worker_id, "types": self.args.types,
                                                             "leaseSeconds": self.args.lease, "max": self.args.batch})
            if status == 204:
                self.stop.wait(self.args.idle)
                continue
            if status != 200:
                self.log(f"claim answered {status}: {body}; waiting {self.args.idle}s")
                self.stop.wait(self.args.idle)
                continue
            jobs = body["items"]
            with self.lock:
                self.held.update((job["id"], job) for job in jobs)
            self.log(f"claimed {len(jobs)}")
            self.report(self.work(jobs))
        self.log("stopped")

    def work(self, jobs):
        """Runs the jobs; answers one completions item per job, handing back those it did not finish."""
        items = []
        for job in jobs:
            if self.stop.is_set():
                items.append(self.hand_back(job))
                continue
            try:
                items.append({"id": job["id"], "result": handle(job, self.stop)})
            except Stopping:
                items.append(self.hand_back(job))
            except JobFailed as e:
                items.append({"id": job["id"], "error": str(e), "retry": e.retry})
            except Exception as e:  # a bug in the handler: let Custodian retry while attempts remain
                items.append({"id": job["id"], "error": f"{type(e).__name__}: {e}", "retry": True})
        return items

    def hand_back(self, job):
        return {"id": job["id"], "error": f"worker {self.worker_id} stopped before finishing", "retry": True}

    def report(self, items):
        status, body = self.api.post("/api/jobs/completions", {"workerId": self.worker_id, "items": items})
        with self.lock:
            for item in items:
                self.held.pop(item["id"], None)
        if status != 200:
            self.log(f"completions answered {status}: {body}")
            return
        lost = [i["id"] for i in body["items"] if i["status"] == "LEASE_LOST"]
        handed_back = sum(1 for i in items if "error" in i and "stopped before finishing" in i["error"])
        self.log(f"reported {len(items)} ({handed_back} handed back, {len(lost)} lease lost)")

    def heartbeats(self):
        api = Api(self.args.url, self.args.user, self.args.password)
        while not self.stop.wait(max(1.0, self.args.lease / 3)):
            with self.lock:
                ids = list(self.held)
            for job_id in ids:
                try:
                    status, _ = api.post(f"/api/jobs/{job_id}/heartbeat",
                                         {"workerId": self.worker_id, "leaseSeconds": self.args.lease})
                except OSError as e:
                    self.log(f"heartbeat of {job_id} failed: {e}")
                    continue
                if status == 409:
                    self.log(f"lost the lease of {job_id} (timed out, cancelled or taken over)")


def main():
    parser = argparse.ArgumentParser(description="A reference Custodian worker (Python standard library only).")
    parser.add_argument("--url", default=os.environ.get("CUSTODIAN_URL", "http://localhost:8080"))
    parser.add_argument("--user", default=os.environ.get("CUSTODIAN_USER"))
    parser.add_argument("--password", default=os.environ.get("CUSTODIAN_PASSWORD"))
    parser.add_argument("--types", nargs="+", required=True, help="job types to claim (custodian.job.external-types)")
    parser.add_argument("--worker-id", default=f"{socket.gethostname()}-{os.getpid()}")
    parser.add_argument("--batch", type=int, default=25, help="jobs per claim, 1 to 100")
    parser.add_argument("--lease", type=int, default=60, help="lease seconds, renewed every third of it")
    parser.add_argument("--idle", type=float, default=1.0, help="seconds to wait when there is nothing to claim")
    args = parser.parse_args()
    if not args.user or not args.password:
        parser.error("--user and --password (or CUSTODIAN_USER and CUSTODIAN_PASSWORD) are required")
    worker = Worker(args)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: worker.stop.set())
    worker.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
