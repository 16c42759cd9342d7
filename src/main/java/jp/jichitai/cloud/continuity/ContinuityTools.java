package jp.jichitai.cloud.continuity;

import jp.jichitai.cloud.cli.JichitaiCommand;
import picocli.CommandLine;

/**
 * The {@code vault} and {@code drill} commands on the {@code jc} command line, with its error policy, for
 * running them before they are listed in {@link JichitaiCommand} (which cannot name them without a cycle
 * between the cli and continuity modules, since they use the cli's database options):
 * {@code java -cp ... jp.jichitai.cloud.continuity.ContinuityTools drill restore --tenant 012211}.
 */
public final class ContinuityTools {

    private ContinuityTools() {
    }

    public static void main(String[] arguments) {
        System.exit(commandLine().execute(arguments));
    }

    /** The jc command line with vault and drill added where they are not registered yet. */
    public static CommandLine commandLine() {
        CommandLine commandLine = JichitaiCommand.commandLine();
        if (!commandLine.getSubcommands().containsKey("vault")) {
            commandLine.addSubcommand(new VaultCommand());
        }
        if (!commandLine.getSubcommands().containsKey("drill")) {
            commandLine.addSubcommand(new DrillCommand());
        }
        return commandLine;
    }
}
