import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * JobRunr's side of bench/batch-throughput.sh: N no-op jobs enqueued as one stream (JobScheduler.enqueue(Stream,
 * lambda), its batch API) while one background job server with WORKERS workers runs them in-process, polling every
 * 5 s (the shortest interval JobRunr accepts). Its tables are created by JobRunr itself on the given database.
 * Prints the enqueue rate and the end-to-end rate (first enqueue to last execution).
 * Usage: java -cp ... JobRunrPeer JDBC_URL N WORKERS
 */
public class JobRunrPeer {

    static final AtomicInteger DONE = new AtomicInteger();
    static final AtomicLong LAST = new AtomicLong();

    public static void noop(int n) {
        DONE.incrementAndGet();
        LAST.accumulateAndGet(System.nanoTime(), Math::max);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(workers + 4);
        try (HikariDataSource ds = new HikariDataSource(pool)) {
            JobScheduler scheduler = JobRunr.configure()
                    .useStorageProvider(new PostgresStorageProvider(ds))
                    .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                            .andWorkerCount(workers).andPollInterval(Duration.ofSeconds(5)))
                    .initialize().getJobScheduler();
            long t0 = System.nanoTime();
            scheduler.enqueue(IntStream.range(0, n).boxed(), i -> JobRunrPeer.noop(i));
            long submitted = System.nanoTime();
            while (DONE.get() < n) {
                Thread.sleep(20);
            }
            double submitS = (submitted - t0) / 1e9;
            double endS = (LAST.get() - t0) / 1e9;
            System.out.printf("RESULT peer=jobrunr jobs=%d workers=%d submit_per_s=%.0f end_to_end_per_s=%.0f seconds=%.2f%n",
                    n, workers, n / submitS, n / endS, endS);
            JobRunr.destroy();
        }
        System.exit(0);
    }
}
