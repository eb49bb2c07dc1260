package dev.custodian.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Stored password formats: {@code pbkdf2:<iterations>:<salt b64>:<hash b64>} (PBKDF2-HMAC-SHA256, for
 * production) or {@code plain:<password>} (local use only; logged as a warning at startup).
 * Run {@code java -cp target/classes dev.custodian.platform.security.PasswordHash <password>} to make a hash.
 */
public final class PasswordHash {

    private static final String PBKDF2 = "pbkdf2:";
    private static final String PLAIN = "plain:";
    private static final int ITERATIONS = 210_000;

    private PasswordHash() {
    }

    public static boolean isSupported(String stored) {
        return stored != null && (stored.startsWith(PLAIN) && stored.length() > PLAIN.length()
                || stored.startsWith(PBKDF2) && stored.split(":").length == 4);
    }

    public static boolean isPlain(String stored) {
        return stored.startsWith(PLAIN);
    }

    public static boolean matches(char[] password, String stored) {
        if (stored.startsWith(PLAIN)) {
            byte[] expected = stored.substring(PLAIN.length()).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, new String(password).getBytes(StandardCharsets.UTF_8));
        }
        String[] parts = stored.split(":");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations, expected.length * 8));
    }

    /**
     * A stored password that no one knows, as costly to verify as the most costly of {@code stored}: verified in
     * place of a user that does not exist, so that an unknown name takes as long as a wrong password.
     */
    static String dummyLike(java.util.Collection<String> stored) {
        int iterations = 0;
        for (String password : stored) {
            if (password.startsWith(PBKDF2)) {
                iterations = Math.max(iterations, Integer.parseInt(password.split(":")[1]));
            }
        }
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        if (iterations == 0) {
            return PLAIN + Base64.getEncoder().encodeToString(random);
        }
        byte[] hash = new byte[32];
        new SecureRandom().nextBytes(hash);
        return PBKDF2 + iterations + ":" + Base64.getEncoder().encodeToString(random) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS, 256);
        return PBKDF2 + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, bits))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PasswordHash <password>");
            System.exit(2);
        }
        System.out.println(hash(args[0].toCharArray()));
    }
}
