package io.paperboy.ingest.arxiv;

import java.time.LocalDate;

/**
 * The checkpoint of one endpoint and set: the harvest in progress (its resumption token, the
 * dates it asked for, the latest datestamp and the records seen so far) and the last finished one.
 *
 * @param resumptionToken the token of the next page to fetch; null when no harvest is in progress
 * @param pendingDatestamp the latest datestamp among the records stored by the harvest in progress
 * @param lastDatestamp the latest datestamp of the last finished harvest, where the next one starts
 */
record HarvestState(
        String endpoint,
        String set,
        String resumptionToken,
        LocalDate harvestFrom,
        LocalDate harvestUntil,
        LocalDate pendingDatestamp,
        long recordsDone,
        LocalDate lastDatestamp) {

    static HarvestState fresh(String endpoint, String set) {
        return new HarvestState(endpoint, set, null, null, null, null, 0, null);
    }

    boolean inProgress() {
        return resumptionToken != null;
    }

    /** A harvest of {@code from}…{@code until} starting over, keeping what finished harvests learned. */
    HarvestState start(LocalDate from, LocalDate until) {
        return new HarvestState(endpoint, set, null, from, until, null, 0, lastDatestamp);
    }

    /** After storing {@code page}: its token is next, or the harvest is finished. */
    HarvestState after(OaiPage page) {
        LocalDate pending = later(pendingDatestamp, page.latestDatestamp());
        long done = recordsDone + page.records();
        if (page.hasMore()) {
            return new HarvestState(
                    endpoint, set, page.resumptionToken(), harvestFrom, harvestUntil, pending, done, lastDatestamp);
        }
        return new HarvestState(
                endpoint, set, null, harvestFrom, harvestUntil, null, done, later(lastDatestamp, pending));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
