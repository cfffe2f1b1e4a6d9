package io.paperboy.search;

import io.paperboy.paper.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A handful of papers, each there to prove one feature of the query language. */
final class SearchFixtures {
    private SearchFixtures() {}

    /** An index in memory holding the fixture papers with their real embeddings from {@code embedder}. */
    static SearchIndex embeddedIndex(Embedder embedder) {
        SearchIndex index = SearchIndex.inMemory();
        List<Paper> papers = new ArrayList<>();
        long seq = 1;
        for (Paper p : papers()) {
            papers.add(p.withChangeSeq(seq++));
        }
        index.apply(papers, embedder.embedPapers(papers));
        index.commit();
        return index;
    }

    static List<Paper> papers() {
        return List.of(
                paper(
                        "2106.09685",
                        "LoRA: Low-Rank Adaptation of Large Language Models",
                        "We propose low-rank adaptation, which freezes the pretrained weights.",
                        List.of("Edward J. Hu", "Yelong Shen"),
                        List.of("cs.CL", "cs.LG"),
                        "2021-06-17"),
                paper(
                        "2001.00001",
                        "Lowrank tensor methods",
                        "Lowrank decompositions of tensors in $\\mathcal{O}(n \\log n)$ time.",
                        List.of("Ivan Oseledets"),
                        List.of("math.NA"),
                        "2020-01-10"),
                paper(
                        "1706.03762",
                        "Attention Is All You Need",
                        "The dominant sequence transduction models are based on recurrent networks. We propose the "
                                + "Transformer, based solely on attention mechanisms.",
                        List.of("Ashish Vaswani", "Noam Shazeer"),
                        List.of("cs.CL"),
                        "2017-06-12"),
                paper(
                        "pb-0123456789ab",
                        "Gradient-based learning applied to document recognition",
                        "Multilayer neural networks trained with back-propagation; convolutional networks.",
                        List.of("Yann LeCun", "Léon Bottou", "Yoshua Bengio"),
                        List.of("cs.LG"),
                        "1998-11-01"),
                paper(
                        "2403.00002",
                        "Saddle points in high-dimensional optimization",
                        "A low rank update of the Hessian escapes saddle points.",
                        List.of("Yann Dauphin", "Kevin LeCun"),
                        List.of("cs.CV"),
                        "2024-03-05"),
                paper(
                        "2407.00003",
                        "Diffusion models beat GANs on image synthesis <b>& more</b>",
                        "Diffusion models achieve image sample quality superior to generative adversarial networks.",
                        List.of("Prafulla Dhariwal"),
                        List.of("cs.CV"),
                        "2024-07-20"));
    }

    static SearchIndex index() {
        SearchIndex index = SearchIndex.inMemory();
        long seq = 1;
        for (Paper p : papers()) {
            index.apply(List.of(p.withChangeSeq(seq++)));
        }
        index.commit();
        return index;
    }

    private static Paper paper(
            String id,
            String title,
            String abstractText,
            List<String> authors,
            List<String> categories,
            String published) {
        return Paper.builder(id, title)
                .abstractText(abstractText)
                .authors(authors)
                .categories(categories)
                .published(LocalDate.parse(published))
                .build();
    }
}
