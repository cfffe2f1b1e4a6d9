package io.paperboy.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paperboy harvest SOURCE}: keeps the store current from a paper source. */
@Command(
        name = "harvest",
        mixinStandardHelpOptions = true,
        description = "Harvest papers from a source into the store. Resumable: an interrupted harvest "
                + "continues where it stopped when run again.",
        subcommands = {HarvestArxivCommand.class, HarvestStatusCommand.class})
final class HarvestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("paperboy harvest: name a source, e.g. 'paperboy harvest arxiv --set cs'");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
