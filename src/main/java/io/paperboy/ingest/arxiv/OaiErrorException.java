package io.paperboy.ingest.arxiv;

import java.util.List;

/** A server's OAI-PMH error answer (other than {@code noRecordsMatch}) to a named request. */
public final class OaiErrorException extends HarvestException {
    private final List<OaiError> errors;

    OaiErrorException(OaiRequest request, List<OaiError> errors) {
        super(request + ": the server answered OAI-PMH error "
                + errors.stream()
                        .map(OaiError::toString)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("?"));
        this.errors = List.copyOf(errors);
    }

    /** Whether one of the errors has this OAI-PMH error code ({@code badResumptionToken}, …). */
    public boolean has(String code) {
        return errors.stream().anyMatch(e -> e.code().equals(code));
    }
}
