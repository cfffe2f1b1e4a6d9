package io.paperboy.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code paperboy routes}: the site's route table, as the server registers it (see {@link Routes}). */
@Command(
        name = "routes",
        mixinStandardHelpOptions = true,
        description = "Print every route of the site in the order the server matches them: method, path, "
                + "kind (page, form, api, feed, file, ops, filter) and who may use it (anyone, member, verified, "
                + "curator, admin). Needs no store.")
final class RoutesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(Routes.text());
        return 0;
    }
}
