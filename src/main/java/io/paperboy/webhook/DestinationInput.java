package io.paperboy.webhook;

import io.paperboy.digest.Interests;
import io.paperboy.digest.SubscriptionInput;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The destination form (or command line), parsed: every field checked, every problem collected
 * (field → what is allowed), as the digest subscription form does and with its parsers for the
 * hour, the zone and what is followed.
 *
 * @param token a Matrix room's access token (Matrix only; other kinds carry their credential in the URL)
 */
public record DestinationInput(
        Kind kind,
        String name,
        String url,
        String token,
        int dailyTop,
        int hour,
        ZoneId zone,
        boolean everyFeatured,
        Interests interests) {
    static final int MAX_NAME = 80;
    static final int MAX_URL = 2000;
    public static final int MAX_DAILY_TOP = Messages.MAX_ITEMS;
    // The client-server API's send endpoint without the transaction id, which each delivery adds.
    private static final Pattern MATRIX_SEND =
            Pattern.compile("/_matrix/client/(v3|r0)/rooms/[^/]+/send/m\\.room\\.message");

    /** Raw values as typed (any may be null); lists one entry per line; {@code everyFeatured} "on" or absent. */
    public record Raw(
            String kind,
            String name,
            String url,
            String token,
            String dailyTop,
            String hour,
            String zone,
            String everyFeatured,
            String searches,
            String authors,
            String categories) {}

    /** Parses {@code raw}, checking the URL with {@code guard}; null with {@code problems} filled when anything is wrong. */
    public static DestinationInput parse(Raw raw, TargetGuard guard, Map<String, String> problems) {
        Kind kind = null;
        try {
            kind = Kind.of(raw.kind());
        } catch (IllegalArgumentException e) {
            problems.put("kind", e.getMessage());
        }
        String name = raw.name() == null ? "" : raw.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.put(
                    "name", "give it a name of 1 to " + MAX_NAME + " characters, such as “#papers on the lab's Slack”");
        }
        String url = raw.url() == null ? "" : raw.url().strip();
        url(kind, url, guard, problems);
        String token = raw.token() == null ? "" : raw.token().strip();
        if (kind == Kind.MATRIX
                && (token.isEmpty() || token.length() > 500 || !token.chars().allMatch(c -> c > 32 && c < 127))) {
            problems.put(
                    "token", "a Matrix room needs the access token of the account that posts (printable, no spaces)");
        }
        int top = dailyTop(raw.dailyTop(), problems);
        int hour = SubscriptionInput.hour(raw.hour(), problems);
        ZoneId zone = SubscriptionInput.zone(raw.zone(), problems);
        boolean every = raw.everyFeatured() != null && !raw.everyFeatured().isBlank();
        Interests interests = SubscriptionInput.interests(raw.searches(), raw.authors(), raw.categories(), problems);
        if (problems.isEmpty() && top == 0 && !every && interests.isEmpty()) {
            problems.put(
                    "dailyTop",
                    "choose what is sent: the daily top papers, every featured paper, "
                            + "or papers matching searches, authors or categories");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new DestinationInput(
                kind, name, url, kind == Kind.MATRIX ? token : null, top, hour, zone, every, interests);
    }

    public static Map<String, String> problems() {
        return new LinkedHashMap<>();
    }

    private static void url(Kind kind, String url, TargetGuard guard, Map<String, String> problems) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            problems.put("url", "paste the destination's URL (http or https, at most " + MAX_URL + " characters)");
            return;
        }
        java.net.URI uri;
        try {
            uri = guard.check(url);
        } catch (TargetGuard.RefusedTarget e) {
            problems.put("url", e.getMessage());
            return;
        }
        if (kind == Kind.MATRIX
                && (uri.getRawPath() == null
                        || !MATRIX_SEND.matcher(uri.getRawPath()).matches()
                        || uri.getRawQuery() != null)) {
            problems.put(
                    "url",
                    "a Matrix room's URL is https://HOMESERVER/_matrix/client/v3/rooms/ROOM_ID/send/m.room.message "
                            + "(the room id with its ! and : URL-encoded)");
        }
    }

    private static int dailyTop(String raw, Map<String, String> problems) {
        String value = raw == null || raw.isBlank() ? "0" : raw.strip();
        try {
            int top = Integer.parseInt(value);
            if (top >= 0 && top <= MAX_DAILY_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put("dailyTop", "the number of daily top papers is a whole number from 0 (none) to " + MAX_DAILY_TOP);
        return 0;
    }
}
