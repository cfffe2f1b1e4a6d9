package io.paperboy.user;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The name shown beside a member's votes, comments and submissions, made hard to use for
 * impersonation. A typed name is normalised (NFKC; control, format and other invisible characters
 * dropped; runs of spaces made one space; trimmed), and refused when nothing visible is left, when
 * it reads as a role of the site ("admin", "Moderator"…), or when it is confusable with another
 * member's display name or user name. Confusable means equal UTS #39 skeletons (ICU's
 * SpoofChecker), folded for case: Cyrillic "аdmin" and "admin", "LoveIace" and "Lovelace", "Ada" and "ADA".
 */
final class DisplayNames {
    /** Names that would read as the site speaking, compared by their letters and digits only. */
    static final Set<String> RESERVED = Set.of(
            "admin",
            "administrator",
            "admins",
            "moderator",
            "moderators",
            "mod",
            "mods",
            "curator",
            "curators",
            "paperboy",
            "staff",
            "system",
            "support",
            "root",
            "owner",
            "operator",
            "sysop",
            "security",
            "official",
            "team",
            "helpdesk",
            "webmaster",
            "postmaster",
            "abuse",
            "noreply");

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private DisplayNames() {}

    /** The name as it will be stored and shown. */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        NFKC.normalize(raw).codePoints().forEach(c -> {
            if (UCharacter.isWhitespace(c) || UCharacter.getType(c) == UCharacter.SPACE_SEPARATOR) {
                kept.append(' ');
            } else if (!invisible(c)) {
                kept.appendCodePoint(c);
            }
        });
        return kept.toString().replaceAll(" {2,}", " ").strip();
    }

    /** The problem with a normalised name among {@code others}' names (display and user names), or empty. */
    static Optional<String> problem(String name, Collection<String> others) {
        if (name.isEmpty()) {
            return Optional.of("enter the name to show beside your votes and comments, in visible letters");
        }
        String plain = lettersAndDigits(name);
        if (plain.isEmpty()) {
            return Optional.of("use at least one letter or digit");
        }
        Skeletons plainLooks = Skeletons.of(plain);
        for (String reserved : RESERVED) {
            if (plain.equals(reserved) || plainLooks.confusableWith(Skeletons.of(reserved))) {
                return Optional.of("'" + name + "' reads as one of the site's roles: choose your own name");
            }
        }
        Skeletons looks = Skeletons.of(name);
        for (String other : others) {
            if (other != null && looks.confusableWith(Skeletons.of(other))) {
                return Optional.of("'" + name + "' looks like the name of another member (" + other
                        + "): choose one that cannot be mistaken for theirs");
            }
        }
        return Optional.empty();
    }

    // Format characters (zero-width joiners, bidi controls, tag characters), controls, unassigned
    // and private-use code points, and characters that render as nothing (Hangul fillers, the
    // braille blank), which Unicode marks Default_Ignorable or which are blank but not spaces.
    private static boolean invisible(int c) {
        int type = UCharacter.getType(c);
        return type == UCharacter.CONTROL
                || type == UCharacter.FORMAT
                || type == UCharacter.UNASSIGNED
                || type == UCharacter.PRIVATE_USE
                || type == UCharacter.SURROGATE
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || c == 0x2800
                || c == 0x3164
                || c == 0xFFA0
                || c == 0x115F
                || c == 0x1160;
    }

    private static String lettersAndDigits(String name) {
        StringBuilder kept = new StringBuilder();
        UCharacter.foldCase(name, true)
                .codePoints()
                .filter(UCharacter::isLetterOrDigit)
                .forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    // Case matters to what looks alike ("I" and "l"; Cyrillic "Т" and "T", whose small forms differ)
    // and not to who is named ("ADA" is "Ada"): skeletons folded, and skeletons of the folded names.
    // Computed once for the name being checked, then compared with each other member's.
    private record Skeletons(String ofName, String ofFolded) {
        static Skeletons of(String name) {
            String normal = normalize(name);
            return new Skeletons(fold(SPOOF.getSkeleton(normal)), SPOOF.getSkeleton(fold(normal)));
        }

        boolean confusableWith(Skeletons other) {
            return ofName.equals(other.ofName) || ofFolded.equals(other.ofFolded);
        }
    }

    private static String fold(String s) {
        return UCharacter.foldCase(s, true);
    }
}
