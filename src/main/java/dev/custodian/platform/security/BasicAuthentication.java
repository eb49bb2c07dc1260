package dev.custodian.platform.security;

import dev.custodian.platform.json.JsonText;
import dev.custodian.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic (RFC 7617) over the identity stores, in place of the container's own mechanism, which cut the
 * password at a second colon and answered a header that is not base64 with a 500 on every path.
 *
 * <p>A request without credentials goes on anonymously ({@link RoleCheck} answers 401 where a caller is needed).
 * Malformed credentials, wrong credentials and throttled logins ({@link LoginThrottle}) are answered here, as
 * {@code application/problem+json}: 401 with the Basic challenge, or 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class BasicAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthentication.class);

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserDirectory users;

    @Inject
    Clock clock;


    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (!BasicCredentials.isBasic(header)) {
            return context.doNothing();
        }
        Optional<BasicCredentials> parsed = BasicCredentials.parse(header);
        if (parsed.isEmpty()) {
            return unauthorized(response, "Malformed credentials",
                    "The Authorization header is not HTTP Basic credentials (base64 of user:password).");
        }
        BasicCredentials login = parsed.get();
        LoginThrottle throttle = users.throttle();
        String address = request.getRemoteAddr();
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.retryAfter(login.user(), address, now);
        if (wait.isPresent()) {
            return tooManyFailures(response, wait.get());
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(login.user(), new Password(login.password())));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(login.user(), address);
            return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(login.user(), address, now);
        return unauthorized(response, "Authentication failed", users.isEmpty()
                ? UserDirectory.NO_USERS
                : "The user name or password is wrong.");
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String title, String detail) {
        response.setHeader("WWW-Authenticate", RoleCheck.CHALLENGE);
        return problem(response, 401, title, detail);
    }

    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        return problem(response, 429, "Too many failed logins",
                "Too many failed logins for this user from this address, or from this address; retry in " + seconds + " s.");
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String title, String detail) {
        JsonObjectBuilder body = JsonText.object()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            response.setStatus(status);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.flushBuffer();
        } catch (IOException e) {
            LOG.debug("Could not answer a refused login: {}", e.toString());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
