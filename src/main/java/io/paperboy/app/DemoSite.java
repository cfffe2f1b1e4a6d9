package io.paperboy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperboy.audit.ModerationLog;
import io.paperboy.comment.Comment;
import io.paperboy.comment.CommentService;
import io.paperboy.comment.CommentView;
import io.paperboy.db.Database;
import io.paperboy.ingest.ImportReport;
import io.paperboy.jobs.JobRuns;
import io.paperboy.json.Json;
import io.paperboy.paper.ArxivId;
import io.paperboy.paper.PaperIds;
import io.paperboy.paper.PaperService;
import io.paperboy.user.Account;
import io.paperboy.user.AccountService;
import io.paperboy.vote.VoteService;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import io.paperboy.web.SiteUrl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * What {@code serve --demo} lays out so that a newcomer sees a living site: the bundled seed papers
 * featured over the {@value #DAYS} days ending on the day the demo was first laid out (so today,
 * this week, this month and trending are full), the real Hugging Face sample day, a few demo members
 * who submitted those papers, upvoted them on their days and left a few comments.
 *
 * <p>Deterministic and safe to repeat: the first day is kept in the store ({@code job_runs}), so a
 * later run lays the same papers on the same days; votes are state transitions that change nothing
 * the second time; a comment is written only where its demo author has none yet. Nothing is
 * invented about a paper: papers without authors or categories keep none.
 */
final class DemoSite {
    static final int DAYS = 14;
    private static final String JOB = "demo";
    private static final String SEED = "/demo/papers.jsonl";
    private static final String HF_DAY = "/demo/daily_papers-2026-06-12.json";
    /** Members' upvotes are drawn from this seed, so every demo has the same counts. */
    private static final long VOTE_SEED = 20_261_205L;

    /** A demo member; their passwords are random and never shown. */
    record DemoMember(String name, String displayName) {}

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("ada", "Ada Moreau"), new DemoMember("bo", "Bo Lindqvist"),
            new DemoMember("chidi", "Chidi Okafor"), new DemoMember("dana", "Dana Weiss"),
            new DemoMember("emil", "Emil Novak"), new DemoMember("farah", "Farah Haddad"),
            new DemoMember("gus", "Gus Oyelaran"), new DemoMember("hana", "Hana Kobayashi"));

    private static final List<String> COMMENTS = List.of(
            "Read the evaluation section first: the gains hold across every benchmark they report, not only the headline one.",
            "Agreed, though I would like to see the variance over seeds before trusting the smaller gaps.",
            "The method section is unusually clear. Has anyone tried the released code on their own data yet?",
            "Trying it this week on our setup; will report back here.",
            "A good reminder that careful data work still beats a bigger model in many settings.");

    private final Database db;
    private final Path dataDir;
    private final Clock clock;
    private final PrintStream log;

    DemoSite(Database db, Path dataDir, Clock clock, PrintStream log) {
        this.db = db;
        this.dataDir = dataDir;
        this.clock = clock;
        this.log = log;
    }

    /** True when this store holds the demo (its pages then say so). */
    static boolean isDemo(Database db) {
        return new JobRuns(db).latest(JOB).isPresent();
    }

    /** Lays the demo out (again); returns the last day it features. */
    LocalDate layOut() throws IOException {
        LocalDate lastDay = lastDay();
        List<Account> members = members();
        List<ObjectNode> seed = seedLines();
        importPapers(seed, lastDay, members);
        upvote(seed, lastDay, members);
        comment(seed, members);
        new JobRuns(db).finish(JOB, lastDay.toString(), "laid out " + seed.size() + " papers over " + DAYS + " days");
        return lastDay;
    }

    // The first run's day, kept in job_runs, so that a run on a later day changes nothing.
    private LocalDate lastDay() {
        JobRuns runs = new JobRuns(db);
        if (runs.latest(JOB).isEmpty()) {
            runs.claim(JOB, LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString(), "serve --demo");
        }
        return LocalDate.parse(runs.latest(JOB).orElseThrow().runKey());
    }

    /** The seed paper at {@code index} (0: the first) is featured this many days before the last day. */
    static int daysBefore(int index) {
        return index % DAYS;
    }

    private List<Account> members() {
        AccountService accounts = new AccountService(db, null, new SiteUrl("http://localhost"), clock);
        List<Account> out = new ArrayList<>();
        for (DemoMember m : MEMBERS) {
            Account account = accounts.byName(m.name()).orElseGet(() -> {
                Account created =
                        accounts.create(m.name() + "@demo.example.org", m.name(), randomPassword(), Role.MEMBER);
                accounts.setDisplayName(created.id(), m.displayName());
                return accounts.byId(created.id()).orElseThrow();
            });
            out.add(account);
        }
        return out;
    }

    private void importPapers(List<ObjectNode> seed, LocalDate lastDay, List<Account> members) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("demo"));
        Path papers = dir.resolve("papers.jsonl");
        ObjectMapper json = Json.mapper();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < seed.size(); i++) {
            ObjectNode line = seed.get(i).deepCopy();
            line.put("featured", lastDay.minusDays(daysBefore(i)).toString());
            line.put("submitted_by", members.get(i % members.size()).name());
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(papers, lines, StandardCharsets.UTF_8);
        Path hfDay = dir.resolve("daily_papers.json");
        copy(HF_DAY, hfDay);
        ImportReport report = ImportCommand.run(db, List.of(papers, hfDay), false, log);
        if (!report.success()) {
            throw new IllegalStateException("the bundled demo papers did not import cleanly");
        }
    }

    // Each member upvotes a paper with a chance that falls with its place on the seed page, at an
    // hour of the day it was featured, so trending has fresh and fading votes to weigh.
    private void upvote(List<ObjectNode> seed, LocalDate lastDay, List<Account> members) {
        PaperService papers = new PaperService(db);
        Random random = new Random(VOTE_SEED);
        for (int i = 0; i < seed.size(); i++) {
            String paperId = paperId(seed.get(i));
            double chance = 0.9 * Math.exp(-i / 45.0) + 0.05;
            LocalDate day = lastDay.minusDays(daysBefore(i));
            for (int m = 0; m < members.size(); m++) {
                boolean votes = random.nextDouble() < chance;
                int hour = 6 + random.nextInt(14);
                if (votes) {
                    Clock at = Clock.fixed(
                            day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour)), ZoneOffset.UTC);
                    new VoteService(db, papers, earliest(at))
                            .upvote(members.get(m).id(), paperId);
                }
            }
        }
    }

    // A vote is never dated after the moment the demo is laid out.
    private Clock earliest(Clock at) {
        return at.instant().isAfter(clock.instant()) ? clock : at;
    }

    // A short conversation under each of the last day's top three papers.
    private void comment(List<ObjectNode> seed, List<Account> members) {
        CommentService comments = new CommentService(db, new ModerationLog(), clock);
        for (int paper = 0; paper < 3; paper++) {
            String paperId = paperId(seed.get(paper * DAYS));
            Member first = member(members.get((paper * 3) % members.size()));
            Member second = member(members.get((paper * 3 + 1) % members.size()));
            if (hasCommented(comments, paperId, first)) {
                continue;
            }
            Comment opening = comments.post(first, paperId, null, COMMENTS.get(paper * 2 % COMMENTS.size()));
            comments.post(second, paperId, opening.id(), COMMENTS.get((paper * 2 + 1) % COMMENTS.size()));
        }
    }

    private static boolean hasCommented(CommentService comments, String paperId, Member member) {
        return comments.threads(paperId, null).stream()
                .map(CommentView::comment)
                .anyMatch(c -> c.authorId() == member.id());
    }

    private static Member member(Account a) {
        return new Member(a.id(), a.name(), a.displayName(), a.role(), true);
    }

    // As the seed importer keys it: the arXiv id without version, else the title's stable id.
    private static String paperId(ObjectNode line) {
        String arxiv = line.path("arxiv_id").asText(null);
        return arxiv != null
                ? ArxivId.parse(arxiv).id()
                : PaperIds.forTitle(line.path("title").asText());
    }

    private static List<ObjectNode> seedLines() throws IOException {
        ObjectMapper json = Json.mapper();
        List<ObjectNode> lines = new ArrayList<>();
        try (InputStream in = resource(SEED);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add((ObjectNode) json.readTree(line));
                }
            }
        }
        return lines;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = resource(resource)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoSite.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("the demo data is missing from this build (" + name + ")"));
        }
        return in;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }
}
