package io.paperboy.settings;

import io.paperboy.audit.ModerationLog;
import io.paperboy.db.Database;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's settings, read from the store by whichever node needs them (the nightly harvest
 * reads them at each run), changed by admins on the operator page (recorded in the moderation
 * log), and seeded once from a node's options when the store has none yet.
 */
public final class SiteSettingsService {
    /** Where admins change the settings, for log lines and help. */
    public static final String WHERE = "the operator page, /admin/operations (admins)";

    /** The settings as stored, with who made each one and when (absent: never made, the default). */
    public record Stored(SiteSettings settings, Map<Setting, Made> made) {
        public Stored {
            made = Map.copyOf(made);
        }

        /** Who made {@code setting} and when, or null when it is still the default. */
        public Made madeOf(Setting setting) {
            return made.get(setting);
        }
    }

    /** Who made a setting ("admin alice", "options of node 12@host") and when. */
    public record Made(Instant at, String by) {}

    private final Database db;
    private final SiteSettingsRepository rows;
    private final ModerationLog log;
    private final Clock clock;

    public SiteSettingsService(Database db, Clock clock) {
        this.db = db;
        this.rows = new SiteSettingsRepository(db);
        this.log = new ModerationLog();
        this.clock = clock;
    }

    /** The settings every node uses now: the stored ones, the defaults for those never made. */
    public SiteSettings current() {
        return stored().settings();
    }

    public Stored stored() {
        return read(rows.listAll());
    }

    /**
     * Seeds the settings a node's options give ({@code given}: by field name, only the options
     * given) where the store has none yet, and says in one line which of them the store's settings
     * overrule (empty: none). Two nodes starting at once: the first to store a setting keeps it.
     *
     * @throws IllegalArgumentException naming the option and why, when an option is malformed
     */
    public Optional<String> seed(Map<String, String> given, String node) {
        SiteSettings typed;
        try {
            typed = SettingsInput.parse(given);
        } catch (InvalidForm e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach((field, problem) -> problems.add(option(field) + ": " + problem));
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Instant now = clock.instant();
        Stored stored = db.inTransaction(h -> {
            for (Setting setting : Setting.values()) {
                if (given.containsKey(setting.key())) {
                    rows.insertIfAbsent(h, setting.key(), setting.stored(typed), now, "options of node " + node);
                }
            }
            return read(rows.listAll(h));
        });
        List<String> overruled = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (given.containsKey(setting.key()) && !setting.stored(typed).equals(setting.stored(stored.settings()))) {
                overruled.add(setting.option() + " " + setting.shown(typed) + " (the site's: "
                        + setting.shown(stored.settings()) + ")");
            }
        }
        if (overruled.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("site settings: the store's settings win over this node's " + String.join(", ", overruled)
                + "; change them on " + WHERE + ", not with options");
    }

    /**
     * Stores {@code settings} as {@code admin}'s, and records each changed setting in the
     * moderation log in the same transaction; returns what is stored.
     */
    public SiteSettings update(Member admin, SiteSettings settings) {
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            Stored before = read(rows.listAll(h));
            for (Setting setting : Setting.values()) {
                String value = setting.stored(settings);
                if (!value.equals(setting.stored(before.settings())) || before.madeOf(setting) == null) {
                    rows.upsert(h, setting.key(), value, now, "admin " + admin.name());
                }
                if (!value.equals(setting.stored(before.settings()))) {
                    log.record(
                            h,
                            admin,
                            "change-setting",
                            "setting",
                            setting.key(),
                            setting.shown(before.settings()) + " → " + setting.shown(settings));
                }
            }
            return read(rows.listAll(h)).settings();
        });
    }

    private static String option(String field) {
        for (Setting setting : Setting.values()) {
            if (setting.key().equals(field)) {
                return setting.option();
            }
        }
        return field;
    }

    private static Stored read(Map<String, SiteSettingsRepository.Row> stored) {
        SiteSettings settings = SiteSettings.DEFAULTS;
        Map<Setting, Made> made = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            SiteSettingsRepository.Row row = stored.get(setting.key());
            if (row != null) {
                settings = setting.with(settings, row.value());
                made.put(setting, new Made(row.updatedAt(), row.updatedBy()));
            }
        }
        return new Stored(settings, made);
    }
}
