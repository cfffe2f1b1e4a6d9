package io.paperboy.digest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The time zones the digest form offers: every IANA zone the JDK knows under a region
 * (Europe/Paris, America/Argentina/Salta…), grouped by region, plus UTC. The JDK's other ids
 * (US/Pacific, EST5EDT, Etc/GMT+3) are old aliases a person would not look for; a subscription
 * stored with one keeps it, and the form then offers it first.
 */
public final class TimeZones {
    private static final Pattern REGION =
            Pattern.compile("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");
    private static final Map<String, List<String>> BY_REGION = byRegion();

    private TimeZones() {}

    /** Region → its zones, alphabetically; "UTC" is a region of one. */
    public static Map<String, List<String>> byRegion(String current) {
        if (current == null || current.isBlank() || offered(current)) {
            return BY_REGION;
        }
        Map<String, List<String>> withCurrent = new LinkedHashMap<>();
        withCurrent.put("Yours", List.of(current));
        withCurrent.putAll(BY_REGION);
        return withCurrent;
    }

    static boolean offered(String id) {
        return id.equals("UTC")
                || REGION.matcher(id).matches() && ZoneId.getAvailableZoneIds().contains(id);
    }

    private static Map<String, List<String>> byRegion() {
        Map<String, List<String>> regions = new TreeMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (REGION.matcher(id).matches()) {
                regions.computeIfAbsent(id.substring(0, id.indexOf('/')), r -> new ArrayList<>())
                        .add(id);
            }
        }
        Map<String, List<String>> sorted = new LinkedHashMap<>();
        sorted.put("UTC", List.of("UTC"));
        regions.forEach(
                (region, ids) -> sorted.put(region, ids.stream().sorted().toList()));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
