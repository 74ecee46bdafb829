package io.mlgate.cli;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.data.DataException;
import io.mlgate.core.deploy.DeployException;
import io.mlgate.core.registry.RegistryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The mlgate command line. */
@Command(name = "mlgate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        subcommands = {ValidateCommand.class, TrainCommand.class, EvaluateCommand.class, RegisterCommand.class,
                PromoteCommand.class, ModelsCommand.class, HistoryCommand.class, RunCommand.class,
                ServeCommand.class, DeployCommand.class, RollbackCommand.class, StatusCommand.class, OpsKitCommand.class,
                MonitorCommand.class, DatasetCommand.class,
                CommandLine.HelpCommand.class},
        description = {"Continuous integration, delivery and training of ML models.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  mlgate run --config examples/lending-club/mlgate.yaml",
                "  mlgate validate -c mlgate.yaml --data data/new-batch.csv",
                "  mlgate train -c mlgate.yaml --set train.params.depth=4",
                "  mlgate evaluate -c mlgate.yaml --json",
                "  mlgate promote -c mlgate.yaml --version 3 --to production --reason \"CAB-1234 approved\"",
                "  mlgate deploy -c mlgate.yaml --strategy canary --percent 10 --reason \"CAB-1234\"",
                "  mlgate monitor -c mlgate.yaml --server http://127.0.0.1:8080 --dotenv monitor.env",
                "",
                "Exit codes:",
                "  0 ok   1 internal error   2 usage or configuration error   3 gate failed",
                "  4 gate warning   5 invalid data   6 deployment failed / rolled back   7 retrain needed (monitor)"})
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        addHelpOptions(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeOf(ex);
            commandLine.getErr().println("mlgate: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (code == ExitCodes.INTERNAL) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return code;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            command.getErr().println("mlgate: " + ex.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            command.getErr().flush();
            return ExitCodes.USAGE;
        });
        return cli;
    }

    /**
     * Every command and subcommand answers {@code -h/--help}, as the README promises (picocli does
     * not inherit the top command's help options; {@code --version} stays free for deploy/promote).
     */
    private static void addHelpOptions(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(sub);
        }
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof RegistryException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof DeployException deploy) {
            return deploy.isUsage() ? ExitCodes.USAGE : ExitCodes.DEPLOY_FAILED;
        }
        if (ex instanceof DataException) {
            return ExitCodes.INVALID_DATA;
        }
        if (ex instanceof IllegalArgumentException && ex.getMessage() != null && ex.getMessage().contains("train.")) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mlgate " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
