package io.paperboy.app;

import picocli.CommandLine;

/**
 * Turns a failure that escapes a command into one line on stderr and exit code 1, with the
 * stack trace only when PAPERBOY_DEBUG is set: operators need the reason, not the frames.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        cli.getErr().println("paperboy " + cli.getCommandName() + ": " + reason);
        if (System.getenv("PAPERBOY_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return 1;
    }
}
