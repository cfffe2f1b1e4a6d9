package io.paperboy.user;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for what members type into account forms; each check returns the problem or null. */
final class AccountInput {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{1,29}");
    private static final int MAX_DISPLAY_NAME = 60;
    private static final int MAX_EMAIL = 254;

    private AccountInput() {}

    static String email(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    static String emailProblem(String email) {
        if (email.isEmpty()) {
            return "enter your email address";
        }
        if (email.length() > MAX_EMAIL || email.indexOf('@') <= 0 || email.indexOf('@') != email.lastIndexOf('@')) {
            return "this is not an email address";
        }
        try {
            new InternetAddress(email, true).validate();
            return null;
        } catch (AddressException e) {
            return "this is not an email address";
        }
    }

    static String name(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    static String nameProblem(String name) {
        if (!NAME.matcher(name).matches()) {
            return "use 2-30 letters, digits, '-' or '_', starting with a letter or digit";
        }
        return null;
    }

    /** For names members choose at sign-up; operators may still name an account "admin". */
    static String signupNameProblem(String name) {
        String problem = nameProblem(name);
        if (problem == null
                && DisplayNames.RESERVED.contains(name.replace("-", "").replace("_", ""))) {
            return "'" + name + "' reads as one of the site's roles: choose your own name";
        }
        return problem;
    }

    /** Trims and drops control characters (a display name is one line of text). */
    static String displayName(String raw) {
        return raw == null
                ? ""
                : raw.codePoints()
                        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString()
                        .strip();
    }

    static String displayNameProblem(String displayName) {
        if (displayName.isEmpty()) {
            return "enter the name to show beside your votes and comments";
        }
        if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME) {
            return "use at most " + MAX_DISPLAY_NAME + " characters";
        }
        return null;
    }
}
