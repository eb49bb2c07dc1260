package dev.custodian.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as Maven packaged it, plus the test-only job handlers. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive custodian() {
        File war = new File(System.getProperty("custodian.war", "target/custodian.war"));
        return ShrinkWrap.create(ZipImporter.class, "custodian.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(SleepHandler.class, FlakyHandler.class, ExhaustingHandler.class);
    }
}
