package io.paperboy.ingest.arxiv;

import io.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One OAI-PMH response page: the papers it carried, the records that could not be read, the
 * OAI errors it reported, and where the list goes on.
 *
 * @param deleted records marked {@code status="deleted"}, which carry no metadata to store
 * @param resumptionToken the token for the next page, or null on the last (or only) page
 * @param completeListSize the size of the whole list when the server said, else -1
 * @param latestDatestamp the latest header datestamp among the page's records, or null
 * @param datestamps each stored paper's header datestamp (the day arXiv announced the change), by id
 */
record OaiPage(
        List<Paper> papers,
        List<HarvestProblem> problems,
        List<OaiError> errors,
        int deleted,
        String resumptionToken,
        long completeListSize,
        LocalDate latestDatestamp,
        Map<String, LocalDate> datestamps) {

    OaiPage {
        datestamps = Map.copyOf(datestamps);
        papers = List.copyOf(papers);
        problems = List.copyOf(problems);
        errors = List.copyOf(errors);
    }

    /** The answer to a request that matched nothing: OAI-PMH's {@code noRecordsMatch}, a success. */
    static OaiPage empty() {
        return new OaiPage(List.of(), List.of(), List.of(), 0, null, 0, null, Map.of());
    }

    boolean hasMore() {
        return resumptionToken != null;
    }

    /** Records the page held, stored or not. */
    int records() {
        return papers.size() + problems.size() + deleted;
    }
}
