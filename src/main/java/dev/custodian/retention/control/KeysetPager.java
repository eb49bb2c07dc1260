package dev.custodian.retention.control;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks a selection oldest first in pages of {@code batchSize}, each page read after the last candidate of the one
 * before (keyset paging: no offset, so a page whose rows were just deleted or changed does not shift the next),
 * until a page comes back short. The one paging loop of retention: soft deletes, purges and a dry run's sizes.
 */
final class KeysetPager {

    /** A page of at most {@code limit} candidates after {@code after} (from the start when empty), oldest first. */
    interface Pages {
        List<Candidate> after(Optional<Candidate> after, int limit);
    }

    private KeysetPager() {
    }

    static void forEachPage(Pages pages, int batchSize, Consumer<List<Candidate>> each) {
        Optional<Candidate> after = Optional.empty();
        List<Candidate> page;
        do {
            page = pages.after(after, batchSize);
            if (page.isEmpty()) {
                return;
            }
            each.accept(page);
            after = Optional.of(page.get(page.size() - 1));
        } while (page.size() == batchSize);
    }
}
