package io.paperboy.webhook;

import io.paperboy.web.Form;
import io.paperboy.web.Page;
import java.util.ArrayList;
import java.util.List;

/** The models of the webhook pages' template, and how a destination is put in words there. */
public final class WebhookViews {
    private WebhookViews() {}

    /**
     * {@code webhook/destinations.jte}: the site's destinations ({@code site}) or a member's own.
     *
     * @param path where the page and its forms are
     * @param cannotAdd why the add form is not offered (an unconfirmed account, the most destinations), or null
     * @param created a destination just added whose signing secret is shown this once, or null
     * @param tested the test message just sent and how it went, or null
     * @param privateAllowed whether the operator lets destinations be on private addresses
     */
    public record DestinationsView(
            Page page,
            String path,
            boolean site,
            List<Row> destinations,
            Form form,
            String cannotAdd,
            WebhookService.Created created,
            Tested tested,
            boolean privateAllowed) {
        public List<Kind> kinds() {
            return List.of(Kind.values());
        }

        public int maxDailyTop() {
            return DestinationInput.MAX_DAILY_TOP;
        }

        public int logSize() {
            return DeliveryRepository.LOG_SIZE;
        }
    }

    /** One destination as listed: what it gets in words, and its delivery log, newest first. */
    public record Row(Destination destination, String sends, List<LoggedAttempt> log) {}

    /** A test message's attempt, as the page shows it after the button. */
    public record Tested(Destination destination, LoggedAttempt attempt) {
        public boolean delivered() {
            return attempt.outcome().equals("delivered");
        }

        public String summary() {
            return delivered()
                    ? "Test message delivered to “" + destination.name() + "”: the receiver answered "
                            + attempt.status() + " in " + attempt.latencyMs() + " ms."
                    : "Test message to “" + destination.name() + "” not delivered: " + why(attempt) + ".";
        }
    }

    /** "the daily top 5 at 08:00 (Europe/Paris); every newly featured paper; …", for people. */
    public static String sends(Destination d) {
        List<String> parts = new ArrayList<>();
        if (d.dailyTop() > 0) {
            parts.add("the daily top " + d.dailyTop() + (d.dailyTop() == 1 ? " paper" : " papers") + " at "
                    + String.format("%02d:00", d.hour()) + " (" + d.zone().getId() + ")");
        }
        if (d.everyFeatured()) {
            parts.add("every newly featured paper");
        } else if (!d.interests().isEmpty()) {
            parts.add("newly featured papers matching " + d.interests().describe());
        }
        return String.join("; ", parts);
    }

    /** What went wrong with an attempt, in words: the receiver's status and our error, whichever there are. */
    public static String why(LoggedAttempt a) {
        if (a.error() != null && !a.error().isBlank()) {
            return a.status() > 0 && !a.error().contains(Integer.toString(a.status()))
                    ? "HTTP " + a.status() + ", " + a.error()
                    : a.error();
        }
        return a.status() > 0 ? "the receiver answered " + a.status() : "no answer";
    }
}
