package io.paperboy.ingest;

/** What an import did: counts across all inputs, and every problem found. */
public final class ImportReport extends RecordsReport<Problem> {
    private long listingChanges;
    private boolean committed = true;

    void stored(long records, long inserted, long updated, long unchanged, long listingChanges) {
        read(records, inserted, updated, unchanged);
        this.listingChanges += listingChanges;
    }

    void nothingCommitted() {
        committed = false;
    }

    public long listingChanges() {
        return listingChanges;
    }

    public boolean committed() {
        return committed;
    }

    public String summary() {
        String stored = committed
                ? String.format(
                        "%,d records: %,d new papers, %,d updated, %,d unchanged, %,d listing entries stored",
                        records(), inserted(), updated(), unchanged(), listingChanges)
                : "nothing stored (--strict)";
        return stored + String.format("; %,d rejected", rejected());
    }
}
