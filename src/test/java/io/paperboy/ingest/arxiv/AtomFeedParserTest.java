package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import io.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The arXiv API's Atom feeds, both output generations, from recorded responses. */
final class AtomFeedParserTest {
    static final String DIR = "/samples/arxiv-api-atom/";
    static final String ID_LIST_2020 = "api-query-id_list-1601.00001-2020.xml";
    static final String CS_RO_2025 = "api-query-cat-cs.RO-neural-2025-10.xml";
    static final String NEW_FORMAT_2026 = "api-query-transformer-cs.LG-2026-06-newformat.xml";
    private static final String REQUEST = "GET http://example.test/api/query?id_list=1601.00001";

    static String load(String name) throws IOException {
        try (InputStream in = AtomFeedParserTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AtomFeedParser.Feed parse(String xml) {
        return new AtomFeedParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), REQUEST);
    }

    @Test
    void oldFormat_idList_givesThePaperWithUnwrappedTextDoiAndJournalRef() throws Exception {
        AtomFeedParser.Feed feed = parse(load(ID_LIST_2020));

        Paper paper = feed.papers().get(0);
        assertThat(paper.id()).isEqualTo("1601.00001");
        assertThat(paper.version()).isEqualTo(1);
        assertThat(paper.title())
                .isEqualTo("Inelastic effects in molecular transport junctions: The probe technique at high bias");
        // TeX in the abstract stays as written (math and Landauer-B\"uttiker): only names are de-accented.
        assertThat(paper.abstractText())
                .startsWith("We extend the Landauer-B\\\"uttiker probe formalism")
                .contains("$I$-$V$")
                .doesNotContain("\n");
        assertThat(paper.authors()).containsExactly("Michael Kilgour", "Dvira Segal");
        assertThat(paper.dois()).containsExactly("10.1063/1.4944470");
        assertThat(paper.journalRef()).isEqualTo("J. Chem. Phys. 144, 124107 (2016)");
        assertThat(paper.categories()).containsExactly("cond-mat.mes-hall");
        assertThat(paper.published()).isEqualTo(LocalDate.of(2015, 12, 26));
        assertThat(paper.versions()).containsExactly(new PaperVersion(1, Instant.parse("2015-12-26T21:19:45Z")));
    }

    @Test
    void oldFormat_search_keepsPrimaryCategoryFirstAndCollapsesWrappedComments() throws Exception {
        Paper paper = parse(load(CS_RO_2025)).papers().get(0);

        assertThat(paper.id()).isEqualTo("2510.14968");
        assertThat(paper.categories()).containsExactly("cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY");
        assertThat(paper.comments())
                .isEqualTo("39th Conference on Neural Information Processing Systems (NeurIPS 2025); "
                        + "Project Website: rdd-neurips.github.io");
    }

    @Test
    void newFormat_readsReorderedElementsFeedLevelNamespacesAndEscapedText() throws Exception {
        AtomFeedParser.Feed feed = parse(load(NEW_FORMAT_2026));

        assertThat(feed.papers())
                .extracting(Paper::id)
                .containsExactly("2606.13677", "2606.13591", "2606.13568", "2606.13515", "2606.13501");
        Paper first = feed.papers().get(0);
        assertThat(first.authors()).containsExactly("Zhao-Heng Yin", "Guanya Shi", "Pieter Abbeel", "C. Karen Liu");
        assertThat(first.abstractText()).contains("(<1 minute per tool)");
        assertThat(first.links())
                .anyMatch(l -> l.kind() == LinkKind.PROJECT_PAGE && l.url().contains("zhaohengyin.github.io"));
        assertThat(feed.papers().get(1).categories()).first().isEqualTo("cs.AI");
    }

    // No recorded entry has several versions, an old-style id or a withdrawal: this one is the
    // recorded 1601.00001 entry with those fields changed.
    @Test
    void laterVersionOfAnOldStyleWithdrawnPaper_knowsBothVersionDates() throws Exception {
        String xml = load(ID_LIST_2020)
                .replace("1601.00001v1", "hep-th/9901001v3")
                .replace("<updated>2015-12-26T21:19:45Z</updated>", "<updated>2016-03-01T10:00:00Z</updated>")
                .replace(
                        "<arxiv:doi",
                        "<arxiv:comment xmlns:arxiv=\"http://arxiv.org/schemas/atom\">This paper has been "
                                + "withdrawn by the author</arxiv:comment><arxiv:doi");

        Paper paper = parse(xml).papers().get(0);

        assertThat(paper.id()).isEqualTo("hep-th/9901001");
        assertThat(paper.version()).isEqualTo(3);
        assertThat(paper.updated()).isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(paper.versions())
                .containsExactly(
                        new PaperVersion(1, Instant.parse("2015-12-26T21:19:45Z")),
                        new PaperVersion(3, Instant.parse("2016-03-01T10:00:00Z")));
        assertThat(paper.comments()).isEqualTo("This paper has been withdrawn by the author");
    }

    @Test
    void errorEntry_isReportedAsAnError() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry>
                <id>http://arxiv.org/api/errors#incorrect_id_format_for_1601.0001</id><title>Error</title>
                <summary>incorrect id format for 1601.0001</summary></entry></feed>""";

        assertThat(parse(xml).errors()).containsExactly("incorrect id format for 1601.0001");
    }

    @Test
    void notAFeed_isRejectedNamingTheRequest() {
        assertThatThrownBy(() -> parse("<html/>")).hasMessage(REQUEST + ": not an Atom feed (root element <html>)");
    }
}
