package io.paperboy.keyword;

import java.util.List;

/** A paper's key phrases, best first, how they were ranked, and the paper's change they describe. */
record PaperKeywords(String paperId, List<String> keywords, String method, long changeSeq) {}
