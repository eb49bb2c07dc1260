package dev.custodian.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an {@code Authorization: Basic} header (RFC 7617): base64 of UTF-8
 * {@code user:password}, split at the first colon, so that a password may contain colons (a user name may not).
 */
record BasicCredentials(String user, char[] password) {

    static final String SCHEME = "Basic";

    /** Whether the header uses the Basic scheme at all (case-insensitive), whatever follows. */
    static boolean isBasic(String header) {
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    /** Empty when the value is not base64 of UTF-8 text with a colon. */
    static Optional<BasicCredentials> parse(String header) {
        if (!isBasic(header)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        try {
            byte[] bytes = Base64.getDecoder().decode(token);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(text.substring(0, colon), text.substring(colon + 1).toCharArray()));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
