package dev.custodian.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
