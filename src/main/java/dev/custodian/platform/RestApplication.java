package dev.custodian.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** All resources live under {@code /api}; the OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Custodian", version = "1",
                description = "Background jobs and data retention. Roles: user (own jobs), admin (all jobs, /api/system/**), "
                        + "worker (claim, heartbeat, complete, fail). Errors are application/problem+json (RFC 9457).",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = @SecurityRequirement(name = "basic"),
        tags = {@Tag(name = "jobs", description = "Submit and follow jobs (user, admin)"),
                @Tag(name = "workers", description = "External workers (worker, admin)"),
                @Tag(name = "system", description = "Cleanup runs and nodes (admin)")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {
}
