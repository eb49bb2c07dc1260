package dev.custodian.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Back-off after failed logins, kept in memory per (user, client address) and per client address.
 *
 * <p>A pair is throttled after {@code perUser} failed logins in a row, an address after {@code perAddress} failed
 * logins for any user names (password spraying). From the limit on, each failure refuses that key for a delay
 * that starts at {@link #FIRST_DELAY} and doubles up to {@code maxDelay}. A success clears its pair (not its
 * address); a key that stays quiet for {@link #WINDOW} starts afresh. Because the strict limit is per pair, the
 * real user logging in from another address is never locked out by someone guessing their password.
 *
 * <p>Memory is bounded: at most {@code capacity} keys, the least recently used dropped first.
 */
final class LoginThrottle {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int USER_KEY_LENGTH = 100;

    private final int perUser;
    private final int perAddress;
    private final Duration maxDelay;
    private final Map<String, Failures> failures;

    LoginThrottle(int perUser, int perAddress, Duration maxDelay, int capacity) {
        if (perUser < 1 || perAddress < 1 || capacity < 2 || maxDelay.compareTo(FIRST_DELAY) < 0) {
            throw new IllegalArgumentException("invalid login throttle limits");
        }
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.maxDelay = maxDelay;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long a login of {@code user} from {@code address} must wait; empty when it may be tried now. */
    synchronized Optional<Duration> retryAfter(String user, String address, Instant now) {
        Duration wait = max(waitOf(pairKey(user, address), now), waitOf(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String user, String address, Instant now) {
        record(pairKey(user, address), perUser, now);
        record(addressKey(address), perAddress, now);
    }

    synchronized void succeeded(String user, String address) {
        failures.remove(pairKey(user, address));
    }

    synchronized int size() {
        return failures.size();
    }

    private void record(String key, int limit, Instant now) {
        Failures last = failures.get(key);
        int count = last == null || !now.isBefore(last.at().plus(WINDOW)) ? 1 : last.count() + 1;
        Instant blockedUntil = count < limit ? now : now.plus(delay(count - limit));
        failures.put(key, new Failures(count, now, blockedUntil));
    }

    private Duration delay(int beyondLimit) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(beyondLimit, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Duration waitOf(String key, Instant now) {
        Failures entry = failures.get(key);
        return entry == null || !now.isBefore(entry.blockedUntil()) ? Duration.ZERO : Duration.between(now, entry.blockedUntil());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pairKey(String user, String address) {
        String name = user.length() <= USER_KEY_LENGTH ? user : user.substring(0, USER_KEY_LENGTH) + "#" + user.hashCode();
        return "u " + address + " " + name;
    }

    private static String addressKey(String address) {
        return "a " + address;
    }

    private record Failures(int count, Instant at, Instant blockedUntil) {
    }
}
