package io.paperboy.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.paper.ArtifactLink;
import io.paperboy.paper.LinkKind;
import io.paperboy.paper.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ListingFilterTest {
    private static final Paper CL_WITH_CODE = Paper.builder("2401.00001", "A")
            .categories(List.of("cs.CL", "cs.LG"))
            .links(List.of(new ArtifactLink(LinkKind.GITHUB, "https://github.com/a/b")))
            .build();
    private static final Paper HEP_NO_CODE =
            Paper.builder("2401.00002", "B").categories(List.of("hep-th")).build();

    @Test
    void category_matchesAnyOfThePapersCategoriesOrTheirArchive() {
        assertThat(ListingFilter.parse("cs.LG", null).matches(CL_WITH_CODE)).isTrue();
        assertThat(ListingFilter.parse("cs", null).matches(CL_WITH_CODE)).isTrue();
        assertThat(ListingFilter.parse("cs.CV", null).matches(CL_WITH_CODE)).isFalse();
        assertThat(ListingFilter.parse("cs", null).matches(HEP_NO_CODE)).isFalse();
    }

    @Test
    void hasCode_keepsOnlyPapersWithARepository() {
        ListingFilter code = ListingFilter.parse(null, "1");

        assertThat(code.matches(CL_WITH_CODE)).isTrue();
        assertThat(code.matches(HEP_NO_CODE)).isFalse();
    }

    @Test
    void query_reproducesTheFilter() {
        assertThat(ListingFilter.parse("cs.CL", "1").query()).isEqualTo("?cat=cs.CL&code=1");
        assertThat(ListingFilter.parse("", "0").query()).isEmpty();
    }

    @Test
    void malformedValues_areRejected() {
        assertThatThrownBy(() -> ListingFilter.parse("../etc", null))
                .hasMessage("'../etc' is not an arXiv category such as cs.CL");
        assertThatThrownBy(() -> ListingFilter.parse(null, "yes")).hasMessage("code must be 1 or 0, not 'yes'");
    }
}
