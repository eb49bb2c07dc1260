/**
 * Leases and the workers that hold them. A RUNNING job is held by one worker (an external process calling the
 * claim API, or a node's in-process executor) until its lease expires; the holder renews it by heartbeats and
 * finishes the job, and every call from a worker that no longer holds the job is refused (409) and changes
 * nothing. The stuck-job detector requeues or fails jobs whose lease ran out and fails jobs past their own
 * timeout; each node registers itself, recovers at startup what it held before it stopped, and hands its jobs
 * back when it shuts down.
 */
package dev.custodian.worker;
