package dev.custodian.it;

import static dev.custodian.it.Environment.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (issue 16): Debian's chromium, headless, driven by Selenium through Debian's
 * chromium-driver, logging in at the HTTP Basic prompt as a person does (the driver answers the challenge). Pages
 * only, so it runs on the embedded database. Every test leaves a screenshot under target/dashboard/ (failures
 * included); the page tours also save one per page, light and dark, under target/dashboard/pages/.
 */
class DashboardIT extends OnSharedServer {

    private static final Path SHOTS = Path.of("target", "dashboard");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

    private final Api alice = Api.alice();
    private final Api admin = Api.admin();
    private ChromeDriver browser;
    private Path profile;

    @BeforeAll
    static void onlyOnTheEmbeddedDatabase() throws IOException {
        assumeTrue("h2".equals(Environment.DATABASE), "the pages do not depend on the database; they are tested on H2");
        assertThat(Path.of(CHROMIUM)).as("chromium (apt-get install chromium chromium-driver; .ci/run does)").exists();
        assertThat(Path.of(DRIVER)).as("chromedriver (apt-get install chromium-driver; .ci/run does)").exists();
        Files.createDirectories(SHOTS.resolve("pages"));
    }

    /** A fresh browser with an empty profile, signed in as {@code user} at the Basic prompt, on {@code page}. */
    private void openAs(String user, String password, String page) throws IOException {
        profile = Files.createTempDirectory("custodian-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build(), options);
        browser.register(UsernameAndPassword.of(user, password));
        go(page);
    }

    private void go(String page) {
        browser.get(Api.BASE + "/dashboard/#/" + page);
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("page-loading")));
    }

    private <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).until(condition);
    }

    private WebElement visible(String id) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void shoot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One screenshot of the page on show in light and in dark (the OS setting, emulated). */
    private void shootPage(String name) {
        shoot(SHOTS.resolve("pages").resolve(name + "-light.png"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.navigate().refresh();
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("page-loading")));
        sleepForCharts();
        shoot(SHOTS.resolve("pages").resolve(name + "-dark.png"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
    }

    /** Charts draw on a canvas once their data has arrived; the data is visible, the canvas is not checked. */
    private void sleepForCharts() {
        waitFor(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
    }

    @AfterEach
    void screenshotAndClose(TestInfo test) throws IOException {
        if (browser != null) {
            shoot(SHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"));
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void an_admin_tours_every_page_in_light_and_dark() throws IOException {
        String done = alice.post("/api/jobs", "{\"type\":\"echo\",\"payload\":{\"report\":\"monthly\"}}").object().getString("id");
        awaitStatus(alice, done, "COMPLETED", WAIT);
        String failed = alice.post("/api/jobs", "{\"type\":\"remote-thing\"}").object().getString("id");
        alice.post("/api/jobs/" + failed + "/cancel");
        alice.post("/api/jobs", "{\"type\":\"remote-thing\"}");
        String gone = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, gone, "COMPLETED", WAIT);
        alice.delete("/api/jobs/" + gone);
        admin.post("/api/system/cleanup", "{\"dryRun\":false,\"targets\":[\"events\"]}");

        openAs("ops", "ops-pw", "overview");
        waitFor(ExpectedConditions.textToBe(By.cssSelector("#count-COMPLETED .n"), "1"));
        visible("nodes-table");
        visible("last-runs-table");
        sleepForCharts();
        shootPage("overview");

        go("jobs");
        visible("jobs-table");
        assertThat(browser.findElement(By.id("jobs-total")).getText()).contains("3 job(s)");
        shootPage("jobs");

        go("jobs/" + done);
        visible("job-timeline");
        shootPage("job");

        go("deleted");
        visible("deleted-table");
        shootPage("deleted");

        go("cleanup");
        visible("runs-table");
        browser.findElement(By.id("preview-run")).click();
        visible("preview-targets");
        shootPage("cleanup");
    }

    @Test
    void a_submitted_job_appears_and_its_detail_shows_its_timeline() throws IOException {
        String id = alice.upload(Api.fields("type", "gzip"), "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .object().getString("id");
        awaitStatus(alice, id, "COMPLETED", WAIT);

        openAs("alice", "alice-pw", "jobs");
        visible("jobs-table");
        browser.findElement(By.cssSelector("#jobs-table tr[data-id='" + id + "'] a.job-link")).click();

        WebElement timeline = visible("job-timeline");
        List<String> events = timeline.findElements(By.cssSelector("li")).stream().map(e -> e.getAttribute("data-type")).toList();
        assertThat(events).containsSubsequence("SUBMITTED", "STARTED", "COMPLETED");
        assertThat(browser.findElement(By.id("job-status")).getText()).isEqualTo("COMPLETED");
        assertThat(browser.findElement(By.id("job-output")).isDisplayed()).isTrue();
    }

    @Test
    void a_user_cancels_a_job_from_its_page() throws IOException {
        String id = alice.post("/api/jobs", "{\"type\":\"remote-thing\"}").object().getString("id");

        openAs("alice", "alice-pw", "jobs/" + id);
        visible("job-cancel").click();

        waitFor(ExpectedConditions.textToBe(By.id("job-status"), "CANCELLED"));
        assertThat(alice.get("/api/jobs/" + id).object().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void an_admin_filters_and_cancels_every_match_after_a_confirm_showing_the_count() throws IOException {
        for (int i = 0; i < 3; i++) {
            alice.post("/api/jobs", "{\"type\":\"remote-thing\"}");
        }
        String done = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, done, "COMPLETED", WAIT);

        openAs("ops", "ops-pw", "jobs");
        new Select(visible("filter-status")).selectByValue("PENDING");
        browser.findElement(By.id("apply-filters")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs-total"), "3 job(s)"));
        waitFor(d -> d.findElements(By.cssSelector("#jobs-table tbody tr")).size() == 3);

        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("cancel");
        browser.findElement(By.id("bulk-run")).click();
        assertThat(visible("confirm-text").getText()).contains("Cancel 3 job(s)");
        browser.findElement(By.id("confirm-ok")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "3 of 3"));
        assertThat(Environment.count("SELECT COUNT(*) FROM job WHERE status = 'CANCELLED'")).isEqualTo(3);
        assertThat(alice.get("/api/jobs/" + done).object().getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void an_admin_previews_a_cleanup_then_applies_its_plan_which_keeps_what_is_no_longer_due() throws IOException {
        java.nio.file.Path old = Environment.dataRoot().resolve("temp/old-upload.bin");
        Files.createDirectories(old.getParent());
        Files.write(old, new byte[2048]);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(9))));
        String restored = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, restored, "COMPLETED", WAIT);
        alice.delete("/api/jobs/" + restored);
        Environment.backdate(restored, "deleted_at", java.time.Duration.ofDays(4));

        openAs("ops", "ops-pw", "cleanup");
        visible("preview-run").click();
        visible("plan-items");
        assertThat(browser.findElement(By.cssSelector("#plan-items tr[data-item='temp/old-upload.bin']")).getText()).contains("temp age 9d > 7d");
        assertThat(browser.findElement(By.cssSelector("#plan-items tr[data-item='" + restored + "']")).getText()).contains("restore window 3d");
        shoot(SHOTS.resolve("pages").resolve("cleanup-plan-light.png"));

        assertThat(alice.post("/api/jobs/" + restored + "/restore").status()).as("restored between preview and apply").isEqualTo(200);
        browser.findElement(By.id("apply-plan")).click();
        assertThat(visible("confirm-text").getText()).contains("deletes at most", "1 files", "1 jobs");
        browser.findElement(By.id("confirm-ok")).click();

        visible("apply-status");
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-status"), "SUCCEEDED"));
        assertThat(browser.findElement(By.cssSelector("#apply-targets tr[data-target='jobs'] td.skipped")).getText()).isEqualTo("1");
        assertThat(old).doesNotExist();
        assertThat(alice.get("/api/jobs/" + restored).status()).as("the restored job is kept").isEqualTo(200);
    }

    @Test
    void the_cleanup_page_follows_a_running_run_per_target_phase_and_counts() throws Exception {
        CleanupProgressIT.insertCompletedJobs(6_000, Duration.ofDays(30));
        openAs("ops", "ops-pw", "cleanup");
        visible("running-none");

        assertThat(admin.post("/api/system/cleanup?wait=0s", "{\"dryRun\":false,\"targets\":[\"jobs\",\"events\"]}").status()).isEqualTo(202);

        WebElement jobs = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#running-targets tr[data-target='jobs'][data-phase='soft-deleting']")));
        assertThat(jobs.findElement(By.cssSelector("td.phase")).getText()).isEqualTo("soft-deleting");
        assertThat(browser.findElement(By.cssSelector("#running-targets tr[data-target='events']")).getAttribute("data-phase"))
                .isEqualTo("pending");
        shootPage("cleanup-running");
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(ExpectedConditions.visibilityOfElementLocated(By.id("running-none")));
    }

    @Test
    void an_admin_pauses_and_resumes_the_cleanup_schedule() throws IOException {
        admin.put("/api/system/cleanup/schedule", "{\"enabled\":true}");
        openAs("ops", "ops-pw", "overview");

        waitFor(ExpectedConditions.textToBe(By.id("schedule-toggle"), "Pause"));
        browser.findElement(By.id("schedule-toggle")).click();
        waitFor(ExpectedConditions.textToBe(By.id("schedule-toggle"), "Resume"));
        assertThat(admin.get("/api/system/cleanup/status").object().getBoolean("schedulerEnabled")).isFalse();

        browser.findElement(By.id("schedule-toggle")).click();
        waitFor(ExpectedConditions.textToBe(By.id("schedule-toggle"), "Pause"));
        assertThat(admin.get("/api/system/cleanup/status").object().getBoolean("schedulerEnabled")).isTrue();
    }

    @Test
    void an_admin_restores_a_deleted_job_from_the_deleted_page() throws IOException {
        String id = alice.post("/api/jobs", "{\"type\":\"echo\"}").object().getString("id");
        awaitStatus(alice, id, "COMPLETED", WAIT);
        alice.delete("/api/jobs/" + id);

        openAs("ops", "ops-pw", "deleted");
        visible("restore-" + id).click();

        visible("deleted-empty");
        assertThat(alice.get("/api/jobs/" + id).status()).isEqualTo(200);
    }

    @Test
    void a_user_sees_only_their_jobs_and_cannot_open_the_system_pages() throws IOException {
        Api.bob().post("/api/jobs", "{\"type\":\"remote-thing\"}");
        alice.post("/api/jobs", "{\"type\":\"remote-thing\"}");

        openAs("alice", "alice-pw", "overview");
        waitFor(ExpectedConditions.textToBe(By.cssSelector("#count-PENDING .n"), "1"));
        assertThat(browser.findElement(By.id("nav-cleanup")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("schedule-toggle"))).isEmpty();

        go("cleanup");
        assertThat(visible("forbidden").getText()).contains("for admins");
        go("deleted");
        visible("forbidden");
        go("jobs");
        waitFor(d -> d.findElements(By.cssSelector("#jobs-table tbody tr")).size() == 1);
        assertThat(browser.findElements(By.id("bulk-run"))).isEmpty();
    }
}
