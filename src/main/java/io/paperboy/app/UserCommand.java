package io.paperboy.app;

import io.paperboy.db.Database;
import io.paperboy.user.Account;
import io.paperboy.user.AccountService;
import io.paperboy.web.InvalidForm;
import io.paperboy.web.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code paperboy user}: accounts from the command line, above all the first admin. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage member accounts: create the first admin, change roles, list accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.SetRole.class, UserCommand.ListUsers.class})
final class UserCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: add, role or list");
    }

    static AccountService accounts(Database db, StoreOptions store) {
        return new AccountService(
                db,
                Site.local(store.dataDir.resolve("mail")).mailer(),
                new io.paperboy.web.SiteUrl("http://localhost"),
                java.time.Clock.systemUTC());
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create a confirmed account; asks for the password twice (or reads one line from "
                    + "standard input with --password-stdin).")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--email", required = true, paramLabel = "EMAIL")
        String email;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                description = "User name (/u/NAME). Default: the part of the " + "email before '@'.")
        String name;

        @Option(
                names = "--role",
                defaultValue = "member",
                paramLabel = "ROLE",
                description = "member, curator or admin. Default: ${DEFAULT-VALUE}")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Role parsedRole = parseRole(spec, role);
            String password = passwordStdin ? firstLine() : prompt(spec);
            String userName =
                    name != null ? name : email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            try (Database db = store.open()) {
                Account account = accounts(db, store).create(email, userName, password, parsedRole);
                System.out.printf(
                        "created %s <%s> as %s%n",
                        account.name(), account.email(), account.role().key());
                return 0;
            } catch (InvalidForm e) {
                System.err.println("paperboy user add: " + e.getMessage());
                return 1;
            }
        }

        private static String firstLine() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }

        private static String prompt(CommandSpec spec) {
            Console console = System.console();
            if (console == null) {
                throw new ParameterException(
                        spec.commandLine(), "no terminal to ask for the password: use --password-stdin");
            }
            char[] first = console.readPassword("Password (at least 10 characters): ");
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new ParameterException(spec.commandLine(), "the two passwords differ");
            }
            return new String(first);
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Give a member another role.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "member, curator or admin")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsedRole = parseRole(spec, role);
            try (Database db = store.open()) {
                return accounts(db, store)
                        .setRole(name, parsedRole)
                        .map(a -> {
                            System.out.printf(
                                    "%s is now %s%n", a.name(), a.role().key());
                            return 0;
                        })
                        .orElseGet(() -> {
                            System.err.println("paperboy user role: no member is called '" + name + "'");
                            return 1;
                        });
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List accounts: name, email, role, confirmed.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                for (Account a : accounts(db, store).all()) {
                    System.out.printf(
                            "%-30s %-40s %-8s %s%n",
                            a.name(), a.email(), a.role().key(), a.verified() ? "confirmed" : "unconfirmed");
                }
                return 0;
            }
        }
    }

    private static Role parseRole(CommandSpec spec, String role) {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
