package dev.custodian.platform.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a user's password was verified, so that HTTP Basic does not pay a full
 * PBKDF2 derivation (about 100 ms of CPU at 210,000 iterations) on every request.
 *
 * <p>Only successful logins are remembered, one per user, as an HMAC of the password under a key that lives in
 * this process only; a wrong password still costs a full derivation, and a changed password is never accepted
 * by the cache (the HMAC differs). Entries expire after {@link #TTL}.
 */
final class VerifiedLogins {

    static final Duration TTL = Duration.ofMinutes(5);

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedLogins() {
        new SecureRandom().nextBytes(key);
    }

    boolean contains(String user, char[] password, Instant now) {
        Entry entry = entries.get(user);
        return entry != null && now.isBefore(entry.expiresAt()) && MessageDigest.isEqual(entry.mac(), mac(user, password));
    }

    void remember(String user, char[] password, Instant now) {
        entries.put(user, new Entry(mac(user, password), now.plus(TTL)));
    }

    private byte[] mac(String user, char[] password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            hmac.update(bytes);
            return hmac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(byte[] mac, Instant expiresAt) {
    }
}
