package io.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated real pages (bytes flipped, deleted, duplicated; truncations) never crash the parsers:
 * each gives a page or a precise rejection. A seeded, bounded stand-in for a Jazzer fuzz target.
 */
final class OaiPageParserFuzzTest {
    private static final int MUTANTS_PER_PAGE = 1500;

    @Test
    void mutatedOaiPages_giveAPageOrAMalformedPageError() throws Exception {
        Random random = new Random(20261129);
        List<String> unexpected = new ArrayList<>();
        for (String name : List.of(OaiPages.HEP_TH, OaiPages.NEW_ENDPOINT, OaiPages.GET_RECORD)) {
            byte[] page = OaiPages.load(name).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_PAGE; i++) {
                byte[] mutant = mutate(page, random);
                try {
                    new OaiPageParser().parse(new ByteArrayInputStream(mutant), "GET fuzz");
                } catch (OaiPageParser.MalformedPageException e) {
                    assertThat(e.getMessage()).startsWith("GET fuzz: ");
                } catch (RuntimeException e) {
                    unexpected.add(name + " mutant " + i + ": " + e);
                }
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void mutatedAtomFeeds_giveAFeedOrAHarvestException() throws Exception {
        Random random = new Random(20261130);
        List<String> unexpected = new ArrayList<>();
        for (String name : List.of(AtomFeedParserTest.ID_LIST_2020, AtomFeedParserTest.NEW_FORMAT_2026)) {
            byte[] feed = AtomFeedParserTest.load(name).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_PAGE; i++) {
                try {
                    new AtomFeedParser().parse(new ByteArrayInputStream(mutate(feed, random)), "GET fuzz");
                } catch (HarvestException e) {
                    assertThat(e.getMessage()).startsWith("GET fuzz: ");
                } catch (RuntimeException e) {
                    unexpected.add(name + " mutant " + i + ": " + e);
                }
            }
        }
        assertThat(unexpected).isEmpty();
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int kind = random.nextInt(4);
        int at = random.nextInt(out.length);
        switch (kind) {
            case 0 -> {
                for (int j = 0; j < 1 + random.nextInt(8); j++) {
                    out[random.nextInt(out.length)] = (byte) "<>&;\"'/x0 \n\u00ff".charAt(random.nextInt(12));
                }
            }
            case 1 -> out = java.util.Arrays.copyOf(out, at);
            case 2 -> {
                int len = Math.min(out.length - at, 1 + random.nextInt(200));
                byte[] cut = new byte[out.length - len];
                System.arraycopy(out, 0, cut, 0, at);
                System.arraycopy(out, at + len, cut, at, out.length - at - len);
                out = cut;
            }
            default -> {
                int len = Math.min(out.length - at, 1 + random.nextInt(200));
                byte[] grown = new byte[out.length + len];
                System.arraycopy(out, 0, grown, 0, at + len);
                System.arraycopy(out, at, grown, at + len, out.length - at);
                out = grown;
            }
        }
        return out;
    }
}
