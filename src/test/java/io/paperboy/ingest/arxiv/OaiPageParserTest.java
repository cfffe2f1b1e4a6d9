package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OaiPageParserTest {
    private static final String REQUEST = "GET http://example.test/oai?verb=ListRecords";

    @TempDir
    Path dir;

    private static OaiPage parse(String xml) throws Exception {
        return new OaiPageParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), REQUEST);
    }

    @Test
    void oldEndpointPage_givesPapersWithCollapsedTitlesUnwrappedAbstractsAndPrimaryCategoryFirst() throws Exception {
        OaiPage page = parse(OaiPages.load(OaiPages.HEP_TH));

        assertThat(page.papers()).extracting(Paper::id).containsExactly("1412.8323", "1507.07790", "1607.01710");
        assertThat(page.problems()).isEmpty();
        assertThat(page.resumptionToken()).isNull();
        assertThat(page.latestDatestamp()).isEqualTo(LocalDate.of(2017, 12, 14));
        Paper first = page.papers().get(0);
        // The title is hard-wrapped in the page ("…on information\n  acquisition").
        assertThat(first.title())
                .isEqualTo("Toolbox for reconstructing quantum theory from rules on information acquisition");
        assertThat(first.abstractText())
                .startsWith("We develop an operational approach")
                .doesNotContain("\n");
        assertThat(first.categories())
                .containsExactly("quant-ph", "gr-qc", "hep-th", "math-ph", "math.MP", "physics.hist-ph");
        assertThat(first.authors()).containsExactly("Philipp A Hoehn");
        assertThat(first.published()).isEqualTo(LocalDate.of(2014, 12, 29));
        assertThat(first.updated()).isEqualTo(LocalDate.of(2017, 12, 13));
        assertThat(first.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(first.comments()).startsWith("78 pages, many figures").doesNotContain("\n");
        assertThat(first.version()).isZero();
        Paper second = page.papers().get(1);
        assertThat(second.dois()).containsExactly("10.1088/1751-8121/aa9c53");
        assertThat(second.journalRef()).isEqualTo("J. Phys. A: Math. Theor. 51 (2018) 035201");
    }

    @Test
    void getRecordPage_keepsIndentedParagraphsOfTheAbstractApart() throws Exception {
        Paper paper = parse(OaiPages.load(OaiPages.GET_RECORD)).papers().get(0);

        assertThat(paper.id()).isEqualTo("1401.2122");
        // "  In particular" starts a new indented paragraph in the recorded abstract.
        assertThat(paper.abstractText())
                .isEqualTo("We introduce a novel systematic construction for integrable "
                        + "(3+1)-dimensional dispersionless systems using nonisospectral Lax pairs that involve contact vector "
                        + "fields.\n\nIn particular, we present new large classes of (3+1)-dimensional integrable "
                        + "dispersionless systems associated to the Lax pairs which are polynomial and rational in the "
                        + "spectral parameter.");
        assertThat(paper.categories()).first().isEqualTo("math.AP");
    }

    @Test
    void newEndpointPage_readsItsIndentationEscapedApostrophesAndUnicodeNames() throws Exception {
        OaiPage page = parse(OaiPages.load(OaiPages.NEW_ENDPOINT));

        assertThat(page.papers()).hasSize(3);
        Paper first = page.papers().get(0);
        assertThat(first.id()).isEqualTo("2504.11237");
        assertThat(first.authors()).containsExactly("Chunhai Lyu", "Christoph H. Keitel", "Zoltán Harman");
        assertThat(first.abstractText()).startsWith("Mendeleev's periodic table");
        assertThat(first.title()).isEqualTo("Periodic table for highly charged ions");
        assertThat(first.dois()).containsExactly("10.1103/bppp-53g1");
        assertThat(page.latestDatestamp()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void texAccentsInNames_becomeUnicodeAndLinksAreExtracted() throws Exception {
        String record = OaiPages.realRecords()
                .get(1)
                .replace("<keyname>Castro</keyname>", "<keyname>Bal\\'azs</keyname>")
                .replace("<comments>7 pages</comments>", "<comments>Code at https://github.com/acme/dkp</comments>");

        Paper paper =
                parse(OaiPages.listRecords(List.of(record), null)).papers().get(0);

        assertThat(paper.authors()).containsExactly("Luis B. Balázs", "Edilberto O. Silva");
        assertThat(paper.links()).anyMatch(l -> l.kind() == LinkKind.GITHUB);
    }

    @Test
    void resumptionToken_isReadWithListSize_andAnEmptyTokenEndsTheList() throws Exception {
        List<String> pages = OaiPages.paged(OaiPages.realRecords(), 4);

        OaiPage first = parse(pages.get(0));
        OaiPage last = parse(pages.get(2));

        assertThat(first.resumptionToken()).isEqualTo("tok-1");
        assertThat(first.completeListSize()).isEqualTo(10);
        assertThat(last.resumptionToken()).isNull();
        assertThat(last.papers()).hasSize(2);
    }

    @Test
    void badRecord_isReportedWithItsIdentifierAndTheOthersAreKept() throws Exception {
        List<String> records = OaiPages.realRecords().subList(0, 3);
        String bad = records.get(1).replace("<id>1507.07790</id>", "<id>1507.077</id>");

        OaiPage page = parse(OaiPages.listRecords(List.of(records.get(0), bad, records.get(2)), null));

        assertThat(page.papers()).extracting(Paper::id).containsExactly("1412.8323", "1607.01710");
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.record()).isEqualTo("oai:arXiv.org:1507.07790");
            assertThat(p.toString())
                    .startsWith(REQUEST)
                    .contains("element <id>")
                    .contains("1507.077");
        });
    }

    @Test
    void deletedRecord_isCountedNotStored() throws Exception {
        String deleted = "<record><header status=\"deleted\"><identifier>oai:arXiv.org:0704.0002</identifier>"
                + "<datestamp>2026-01-05</datestamp></header></record>";

        OaiPage page = parse(OaiPages.listRecords(List.of(deleted), null));

        assertThat(page.deleted()).isEqualTo(1);
        assertThat(page.papers()).isEmpty();
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void oaiErrors_areReadWithCodeAndMessage() throws Exception {
        OaiPage page = parse(OaiPages.error("idDoesNotExist", "No matching identifier"));

        assertThat(page.errors()).containsExactly(new OaiError("idDoesNotExist", "No matching identifier"));
    }

    @Test
    void truncatedPage_isRejectedWithRequestLineAndColumn() {
        String page = OaiPages.load(OaiPages.HEP_TH);
        String truncated = page.substring(0, page.indexOf("</abstract>") + 5);

        assertThatThrownBy(() -> parse(truncated))
                .isInstanceOf(OaiPageParser.MalformedPageException.class)
                .hasMessageStartingWith(REQUEST + ": malformed XML at line ")
                .hasMessageContaining("column");
    }

    @Test
    void invalidUtf8_isRejectedAsSuch() {
        byte[] page = OaiPages.load(OaiPages.HEP_TH).getBytes(StandardCharsets.UTF_8);
        page[600] = (byte) 0xff;

        assertThatThrownBy(() -> new OaiPageParser().parse(new ByteArrayInputStream(page), REQUEST))
                .hasMessageStartingWith(REQUEST + ": malformed XML")
                .hasMessageEndingWith("invalid UTF-8 (OAI-PMH responses must be UTF-8)");
    }

    @Test
    void htmlErrorPage_isNotMistakenForAnEmptyList() {
        assertThatThrownBy(() -> parse("<html><body>Service unavailable</body></html>"))
                .isInstanceOf(OaiPageParser.MalformedPageException.class)
                .hasMessageContaining("not an OAI-PMH response (root element <html>");
    }

    @Test
    void externalEntity_isNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE OAI-PMH [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><error code=\"badArgument\">&x;</error></OAI-PMH>";

        // Either the page is refused, or the entity stays unexpanded: the file's content never appears.
        try {
            OaiPage page = parse(xxe);
            assertThat(page.errors().toString()).doesNotContain("TOP-SECRET");
        } catch (OaiPageParser.MalformedPageException e) {
            assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
        }
    }
}
