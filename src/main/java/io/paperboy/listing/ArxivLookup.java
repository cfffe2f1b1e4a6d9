package io.paperboy.listing;

import io.paperboy.paper.ArxivId;
import io.paperboy.paper.Paper;
import java.util.Optional;

/**
 * Asks arXiv for a paper's current metadata. The app wires the arXiv API client in; listing
 * itself imports nothing from ingest (see ArchitectureTest).
 */
public interface ArxivLookup {
    /**
     * The paper as arXiv describes it now (latest version), or empty when arXiv does not know the id.
     *
     * @throws Unavailable when arXiv cannot be asked: down, too slow, or answering nonsense
     */
    Optional<Paper> find(ArxivId id);

    /** arXiv could not be asked; the message says why in words a member can read. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
