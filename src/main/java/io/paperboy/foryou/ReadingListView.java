package io.paperboy.foryou;

import io.paperboy.web.Page;
import java.util.List;

/** The reading list page: which part is shown, its papers, and the counts for the tabs. */
public record ReadingListView(Page page, ReadingList.Show show, List<SavedPaper> papers, int unread, int read) {}
