package org.framelens.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;
import org.framelens.FrameLens;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code framelens} command: one subcommand per verb. Exit codes: 0 success, 1 error (one-line message on
 * stderr; the stack trace only with {@code --verbose}), 2 usage error.
 */
@Command(name = "framelens", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scores English news text for loaded framing.",
        subcommands = {ScoreCommand.class, TrainCommand.class, EvalCommand.class, CrossValidateCommand.class,
                CorpusCommand.class, ModelCardCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private static final Set<String> LOADS_A_MODEL = Set.of("score", "report", "eval",
            "model-card", "train", "cv");

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log progress and print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: score, report, train, eval or cv");
    }

    public static void main(String[] args) {
        verboseLogging(args); // before the early start below can create a logger
        // the model-loading commands start ND4J and OpenNLP while picocli parses (a tenth of a second)
        Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().filter(LOADS_A_MODEL::contains)
                .ifPresent(command -> FrameLens.preload());
        System.exit(run(args, utf8(System.out), utf8(System.err)));
    }

    private static PrintWriter utf8(java.io.OutputStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** Runs the CLI and returns its exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = verboseLogging(args);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("framelens: error: " + message(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** With {@code --verbose}, loggers created from now on log at INFO; returns whether it was given. */
    private static boolean verboseLogging(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        return verbose;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"framelens " + (v == null ? "dev" : v)};
        }
    }
}
