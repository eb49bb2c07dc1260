package dev.custodian.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code custodian}: the command-line client of a running Custodian server (SPEC section 8). It speaks the HTTP
 * API only; it never opens the database or the data root.
 */
@Command(name = "custodian", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Main.Version.class,
        description = {"Command-line client of a Custodian server: cleanup runs, their history and schedule, jobs."},
        subcommands = {CleanupCommand.class, PlanCommand.class, RunsCommand.class, ScheduleCommand.class, JobsCommand.class,
                BackupsCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Server and credentials (options of every command):",
                "  --url URL or CUSTODIAN_URL (default " + Endpoint.DEFAULT_URL + ")",
                "  --user NAME or CUSTODIAN_USER",
                "  CUSTODIAN_PASSWORD or --password-file FILE (there is no password flag)",
                "  Plain http:// to a host other than this machine is refused unless",
                "  --insecure-http is given.",
                "",
                "Exit codes:",
                "  0  done",
                "  1  failed (server unreachable, not found, a run that failed, ...)",
                "  2  usage: bad arguments, or a request the server refused (400)",
                "  3  partial: a cleanup target had errors (those items were left)",
                "  4  credentials or role refused (401, 403: admin needed)",
                "  5  another cleanup run is active (409)",
                "",
                "Bash/zsh completion: source <(custodian generate-completion)"})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof CliException failure) {
                commandLine.getErr().println("custodian: " + failure.getMessage());
                if (failure.exitCode() == ExitCode.USAGE) {
                    commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
                }
                commandLine.getErr().flush();
                return failure.exitCode();
            }
            commandLine.getErr().println("custodian: " + e);
            commandLine.getErr().flush();
            return ExitCode.FAILED;
        });
        return cli.execute(args);
    }

    /** The version in the jar's manifest (absent when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"custodian " + (version == null ? "(development build)" : version)};
        }
    }
}
