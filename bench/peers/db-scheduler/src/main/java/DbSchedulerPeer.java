import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler's side of bench/batch-throughput.sh: N no-op one-time tasks scheduled in batches of 1,000
 * (SchedulerClient.scheduleBatch) while the scheduler runs them in-process with THREADS executor threads,
 * lock-and-fetch polling (its fastest strategy on PostgreSQL) every 100 ms. Prints the submission rate and the
 * end-to-end rate (first schedule to last execution).
 * Usage: java -cp ... DbSchedulerPeer JDBC_URL N THREADS
 */
public class DbSchedulerPeer {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(threads + 4);
        try (HikariDataSource ds = new HikariDataSource(pool)) {
            AtomicInteger done = new AtomicInteger();
            AtomicLong last = new AtomicLong();
            OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> {
                done.incrementAndGet();
                last.accumulateAndGet(System.nanoTime(), Math::max);
            });
            Scheduler scheduler = Scheduler.create(ds, noop).threads(threads).pollingInterval(Duration.ofMillis(100))
                    .pollUsingLockAndFetch(0.5, 4.0).build();
            scheduler.start();
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += 1000) {
                List<TaskInstance<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 1000); i++) {
                    batch.add(noop.instance("job-" + i));
                }
                scheduler.scheduleBatch(batch, Instant.now());
            }
            long submitted = System.nanoTime();
            while (done.get() < n) {
                Thread.sleep(20);
            }
            scheduler.stop();
            double submitS = (submitted - t0) / 1e9;
            double endS = (last.get() - t0) / 1e9;
            System.out.printf("RESULT peer=db-scheduler jobs=%d threads=%d submit_per_s=%.0f end_to_end_per_s=%.0f seconds=%.2f%n",
                    n, threads, n / submitS, n / endS, endS);
        }
    }
}
