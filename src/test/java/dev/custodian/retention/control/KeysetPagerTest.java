package dev.custodian.retention.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Optional<Candidate>> asked = new ArrayList<>();

    static List<Candidate> candidates(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Candidate(UUID.randomUUID(), T0.plusSeconds(i), T0, null)).toList();
    }

    /** An in-memory selection ordered by {@code at}, read after a candidate as the repository's keyset query does. */
    private KeysetPager.Pages over(List<Candidate> rows) {
        return (after, limit) -> {
            asked.add(after);
            return rows.stream().filter(c -> after.isEmpty() || c.at().isAfter(after.get().at()))
                    .sorted(Comparator.comparing(Candidate::at)).limit(limit).toList();
        };
    }

    @Test
    void every_candidate_is_seen_once_in_pages_each_read_after_the_last_of_the_one_before() {
        List<Candidate> rows = candidates(7);
        List<List<Candidate>> pages = new ArrayList<>();

        KeysetPager.forEachPage(over(rows), 3, pages::add);

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyElementsOf(rows);
        assertThat(asked).containsExactly(Optional.empty(), Optional.of(rows.get(2)), Optional.of(rows.get(5)));
    }

    @Test
    void a_full_last_page_costs_one_more_read_that_finds_nothing() {
        List<List<Candidate>> pages = new ArrayList<>();

        KeysetPager.forEachPage(over(candidates(4)), 2, pages::add);

        assertThat(pages).hasSize(2);
        assertThat(asked).hasSize(3);
    }

    @Test
    void an_empty_selection_is_read_once_and_hands_out_no_page() {
        List<List<Candidate>> pages = new ArrayList<>();

        KeysetPager.forEachPage(over(List.of()), 5, pages::add);

        assertThat(pages).isEmpty();
        assertThat(asked).hasSize(1);
    }
}
