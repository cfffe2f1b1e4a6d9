package io.paperboy.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperboy.audit.ModerationLog;
import io.paperboy.db.Database;
import io.paperboy.testing.TestStore;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Member;
import io.paperboy.web.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The site's settings: seeded once from a node's options, then the store's win; admins change them, logged. */
final class SiteSettingsServiceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void theFirstNodesOptionsSeedTheStore_andALaterNodeThatDisagreesIsToldInOneLine(TestStore store) {
        try (Database db = store.open(dir)) {
            SiteSettingsService settings = new SiteSettingsService(db, Clock.systemUTC());
            assertThat(settings.current()).isEqualTo(SiteSettings.DEFAULTS);

            Optional<String> first = settings.seed(Map.of("harvest_sets", "cs", "harvest_hour", "4"), "node-a");
            Optional<String> same = settings.seed(Map.of("harvest_sets", "cs"), "node-c");
            Optional<String> second = settings.seed(Map.of("harvest_sets", "math", "feature_as", "lab-bot"), "node-b");

            assertThat(first).isEmpty();
            assertThat(same).isEmpty();
            assertThat(second)
                    .hasValue(
                            "site settings: the store's settings win over this node's --harvest-set math "
                                    + "(the site's: cs); change them on the operator page, /admin/operations (admins), not with options");
            // node-b's --feature-as was a setting never made: it seeds it.
            assertThat(settings.current()).isEqualTo(new SiteSettings(List.of("cs"), 4, List.of(), "lab-bot"));
            assertThat(settings.stored().madeOf(Setting.HARVEST_SETS).by()).isEqualTo("options of node node-a");
            assertThat(settings.stored().madeOf(Setting.FEATURE_RULES)).isNull();
        }
    }

    @Test
    void aNodeWithoutOptions_seedsNothing_soALaterNodesOptionsStillDo() {
        try (Database db = TestStore.SQLITE.open(dir)) {
            SiteSettingsService settings = new SiteSettingsService(db, Clock.systemUTC());

            assertThat(settings.seed(Map.of(), "web-only")).isEmpty();
            assertThat(settings.seed(Map.of("harvest_sets", "cs,math"), "harvester"))
                    .isEmpty();

            assertThat(settings.current().harvestSets()).containsExactly("cs", "math");
        }
    }

    @Test
    void malformedOptions_areRefusedNamingTheOptionAndWhy() {
        try (Database db = TestStore.SQLITE.open(dir)) {
            SiteSettingsService settings = new SiteSettingsService(db, Clock.systemUTC());

            assertThatThrownBy(() -> settings.seed(Map.of("harvest_sets", "cs,ma th/x", "harvest_hour", "24"), "n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--harvest-set: 'th/x' is not an OAI-PMH set name")
                    .hasMessageContaining(
                            "--harvest-hour: the hour must be a whole number from 0 to 23 (UTC), not '24'");
            assertThat(settings.stored().made()).as("nothing stored").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anAdminsChange_isStoredAndEachChangedSettingIsInTheModerationLog(TestStore store) {
        try (Database db = store.open(dir)) {
            db.useTransaction(
                    h -> h.execute("INSERT INTO users (id, email, name, display_name, password_hash, role, created_at) "
                            + "VALUES (7, 'root@lab.example', 'root', 'Root', 'x', 'admin', '2025-01-01T00:00:00Z')"));
            Member admin = new Member(7, "root", "Root", Role.ADMIN, true);
            SiteSettingsService settings = new SiteSettingsService(db, Clock.systemUTC());
            settings.seed(Map.of("harvest_sets", "cs"), "node-a");

            settings.update(
                    admin,
                    new SiteSettings(List.of("cs", "math"), 3, List.of("cat=cs.CL;keyword=RAG"), "paperboy-bot"));

            assertThat(settings.current().harvestSets()).containsExactly("cs", "math");
            assertThat(settings.stored().madeOf(Setting.HARVEST_SETS).by()).isEqualTo("admin root");
            var log = db.withHandle(h -> new ModerationLog().page(h, Long.MAX_VALUE, 10));
            assertThat(log)
                    .extracting(e -> e.targetId() + ": " + e.detail())
                    .containsExactlyInAnyOrder(
                            "harvest_sets: cs → cs, math", "feature_rules: none → cat=cs.CL;keyword=RAG");
            assertThat(log).allSatisfy(e -> assertThat(e.action()).isEqualTo("change-setting"));
        }
    }

    @Test
    void theFormsInput_isCheckedFieldByField_withWhatIsAllowed() {
        assertThatThrownBy(() -> SettingsInput.parse(Map.of(
                        "harvest_sets",
                        "cs, <math>",
                        "harvest_hour",
                        "noon",
                        "feature_rules",
                        "cat=cs;keyword=(",
                        "feature_as",
                        "x".repeat(61))))
                .isInstanceOfSatisfying(
                        InvalidForm.class,
                        e -> assertThat(e.problems())
                                .containsOnlyKeys("harvest_sets", "harvest_hour", "feature_rules", "feature_as"));
        assertThat(SettingsInput.parse(Map.of("harvest_sets", "cs\nmath, cs physics:hep-th", "harvest_hour", " 0 ")))
                .isEqualTo(new SiteSettings(List.of("cs", "math", "physics:hep-th"), 0, List.of(), "paperboy-bot"));
    }
}
