package io.paperboy.ingest.arxiv;

/**
 * A harvested record that was not stored: the request whose page carried it, the record's OAI
 * identifier, and why.
 */
public record HarvestProblem(String request, String record, String reason) {
    @Override
    public String toString() {
        return request + ": record " + record + ": " + reason;
    }
}
