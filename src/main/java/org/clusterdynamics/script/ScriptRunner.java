package org.clusterdynamics.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clusterdynamics.diag.Diagnostic;
import org.clusterdynamics.diag.ModelException;
import org.clusterdynamics.scenario.BatchRunner;
import org.clusterdynamics.scenario.CancelToken;
import org.clusterdynamics.scenario.Progress;
import org.clusterdynamics.sim.RunStopped;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Runs a JavaScript file in a sandbox that reaches only the {@code cdyn} API: no Java classes, host
 * files, processes, threads, network or environment. A script that runs past its time limit is
 * stopped. Every failure is reported as "file:line: message" with an exit code that says its kind.
 * One runner (one JavaScript engine) serves many scripts, one at a time.
 */
public final class ScriptRunner implements AutoCloseable {

    /** The script finished. */
    public static final int OK = 0;
    /** The script failed: an error in it, a wrong API call, or a model error. */
    public static final int SCRIPT_ERROR = 1;
    /** The command line was wrong or the script file cannot be read. */
    public static final int USAGE = 2;
    /** The sandbox refused something the script asked for. */
    public static final int REFUSED = 3;
    /** The script ran past its time limit and was stopped. */
    public static final int TIMEOUT = 4;
    /** The script was stopped by the user (Ctrl-C): 128 + SIGINT, as shells report it. */
    public static final int STOPPED = 130;

    /**
     * What to run.
     *
     * @param out the output folder, or null (the script may then not write)
     * @param timeout the time limit; zero or negative for none
     * @param threads threads for batches of runs (0: one per core)
     * @param maxOutputBytes the most the script may write into {@code out} in all (0 or less: the default, 1 GB)
     * @param keepPartial when the script fails or is stopped, keep the files it finished and mark the folder
     *     incomplete, instead of leaving the folder as it was
     */
    public record Options(Path script, Path out, List<String> args, Duration timeout, int threads,
                          long maxOutputBytes, boolean keepPartial) {
        public Options {
            Objects.requireNonNull(script, "script");
            args = args == null ? List.of() : List.copyOf(args);
            timeout = timeout == null ? Duration.ZERO : timeout;
            threads = threads < 1 ? BatchRunner.defaultThreads() : threads;
            maxOutputBytes = maxOutputBytes <= 0 ? OutputFolder.DEFAULT_MAX_BYTES : maxOutputBytes;
        }

        /** The defaults: at most 1 GB of output, nothing kept from a run that fails. */
        public Options(Path script, Path out, List<String> args, Duration timeout, int threads) {
            this(script, out, args, timeout, threads, 0, false);
        }
    }

    /** How a run ended: the exit code and, on failure, the message printed. */
    public record Outcome(int exitCode, String message) {
        public boolean ok() {
            return exitCode == OK;
        }
    }

    private final Engine engine;
    private final PrintStream out;
    private final PrintStream err;
    private final Progress progress;
    private final String prelude;

    public ScriptRunner(PrintStream out, PrintStream err, Progress progress) {
        this.out = out;
        this.err = err;
        this.progress = progress == null ? Progress.NONE : progress;
        this.engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").out(out).err(err).build();
        try (InputStream in = ScriptRunner.class.getResourceAsStream("prelude.js")) {
            this.prelude = new String(Objects.requireNonNull(in, "prelude.js missing").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the script prelude", e);
        }
    }

    /** Where scripts' batches run instead of this machine's threads (Spark), or null. */
    private volatile org.clusterdynamics.scenario.RunExecutor executor;

    /** Sends the batches of the scripts this runner runs to {@code e} (null: this machine's threads). */
    public void useExecutor(org.clusterdynamics.scenario.RunExecutor e) {
        this.executor = e;
    }

    /** Why the script in progress was stopped from outside (Ctrl-C), or null. */
    private volatile String stoppedBy;
    /** The script in progress, for {@link #stop}. */
    private volatile Context running;
    private volatile CancelToken runningCancel;

    /**
     * Stops the script in progress from another thread (a Ctrl-C handler): its batches stop between
     * runs, the script itself at once, and it ends with {@link #STOPPED} and the reason given.
     */
    public void stop(String reason) {
        stoppedBy = reason;
        CancelToken c = runningCancel;
        if (c != null) {
            c.cancel(reason);
        }
        Context ctx = running;
        if (ctx != null) {
            try {
                ctx.close(true);
            } catch (RuntimeException e) {
                // closed already
            }
        }
    }

    /** Runs a script and prints its failure (if any) to the error stream. */
    public Outcome run(Options o) {
        OutputFolder folder = new OutputFolder(o.out(), o.maxOutputBytes());
        int stale = folder.removeStale();
        if (stale > 0) {
            err.println("cdyn script: removed " + stale + " unfinished staging folder" + (stale == 1 ? "" : "s")
                    + " that stopped runs had left in " + folder.given());
        }
        stoppedBy = null;
        Outcome r;
        try {
            r = execute(o, folder);
        } catch (RuntimeException | Error e) {
            folder.discard();
            throw e;
        }
        if (!r.ok() && o.keepPartial() && r.exitCode() != REFUSED) {
            r = keepPartial(folder, r);
        } else if (!r.ok()) {
            // a script that fails, is refused or is stopped leaves the output folder as it was
            folder.discard();
        } else {
            try {
                folder.commit();
            } catch (IOException e) {
                folder.discard();
                r = new Outcome(SCRIPT_ERROR, o.script() + ": the script ran, but its files could not be moved into "
                        + folder.given() + ": " + e.getMessage() + "; nothing was written there");
            }
        }
        if (!r.ok()) {
            err.println(r.message());
            err.flush();
        }
        return r;
    }

    /** --keep-partial: the finished files go into place, with a mark that says why the folder is incomplete. */
    private static Outcome keepPartial(OutputFolder folder, Outcome r) {
        try {
            List<String> kept = folder.keepPartial(r.message());
            if (kept.isEmpty()) {
                return r;
            }
            return new Outcome(r.exitCode(), r.message() + "\n(--keep-partial: kept the " + kept.size() + " file"
                    + (kept.size() == 1 ? "" : "s") + " finished before that in " + folder.given() + ", and wrote "
                    + OutputFolder.INCOMPLETE + " there to mark the folder incomplete)");
        } catch (IOException e) {
            folder.discard();
            return new Outcome(r.exitCode(), r.message() + "\n(--keep-partial: the finished files could not be kept: "
                    + e.getMessage() + ")");
        }
    }

    private Outcome execute(Options o, OutputFolder folder) {
        String code;
        try {
            code = Files.readString(o.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Outcome(USAGE, "cdyn script: cannot read " + o.script() + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        String name = o.script().toString();
        Source source = Source.newBuilder("js", code, name).buildLiteral();
        CancelToken cancel = new CancelToken();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cdyn-script-timeout");
            t.setDaemon(true);
            return t;
        });
        Context context = sandbox();
        runningCancel = cancel;
        running = context;
        if (stoppedBy != null) {
            context.close(true);
        }
        try {
            ScheduledFuture<?> stop = null;
            if (!o.timeout().isZero() && !o.timeout().isNegative()) {
                stop = timer.schedule(() -> {
                    timedOut.set(true);
                    // stop batches between runs first, then the script itself
                    cancel.cancel("the time limit of " + seconds(o.timeout()) + " was reached");
                    context.close(true);
                }, o.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            Session session = null;
            try {
                session = session(context, o, cancel, folder);
                session.locateWith(context.eval(Source.newBuilder("js", "(function () { return new Error().stack; })",
                        "<cdyn stack>").buildLiteral()), code);
                Session s = session;
                ProxyExecutable refuse = args -> {
                    SandboxRefusal r = new SandboxRefusal(args[0].asString(), args[1].asString());
                    s.recordRefusal(r);
                    throw s.js.error(r);
                };
                context.eval(Source.newBuilder("js", prelude, "<cdyn prelude>").buildLiteral()).execute(refuse);
                context.getBindings("js").putMember("cdyn", new CdynApi(session));
                context.eval(source);
                return refusedAnyway(session, new Outcome(OK, ""));
            } catch (PolyglotException e) {
                return refusedAnyway(session, failure(e, name, code, o, timedOut.get(), session));
            } catch (IllegalStateException e) {
                // the timer or a Ctrl-C closed the context between two calls into it
                if (stoppedBy != null) {
                    return new Outcome(STOPPED, name + ": " + stoppedBy);
                }
                if (timedOut.get()) {
                    return new Outcome(TIMEOUT, name + ": stopped: " + timeoutMessage(o));
                }
                throw e;
            } finally {
                if (stop != null) {
                    stop.cancel(false);
                }
            }
        } finally {
            running = null;
            runningCancel = null;
            timer.shutdownNow();
            try {
                context.close(true);
            } catch (RuntimeException e) {
                // already closed by the timer
            }
        }
    }

    private Context sandbox() {
        return Context.newBuilder("js").engine(engine)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .option("js.load", "false")
                // an error in async code or a rejected promise nobody handles fails the script
                .option("js.unhandled-rejections", "throw")
                .out(out).err(err)
                .build();
    }

    /**
     * A script may catch a refusal and go on; the run still fails with every refusal listed, so a
     * probing script cannot pass for a clean one.
     */
    private static Outcome refusedAnyway(Session session, Outcome o) {
        List<String> refused = session == null ? List.of() : session.refusals();
        if (refused.isEmpty() || o.exitCode() == TIMEOUT) {
            return o;
        }
        StringBuilder sb = new StringBuilder();
        for (String r : new java.util.LinkedHashSet<>(refused)) {
            sb.append(sb.length() == 0 ? "" : "\n").append(r);
        }
        if (o.exitCode() == OK) {
            sb.append("\n(the script caught ").append(refused.size() == 1 ? "this refusal" : "these refusals")
                    .append(" and went on; a refused request fails the run all the same)");
        } else if (o.exitCode() != REFUSED) {
            sb.append('\n').append(o.message());
        }
        return new Outcome(REFUSED, sb.toString());
    }

    private Session session(Context c, Options o, CancelToken cancel, OutputFolder folder) {
        ProxyExecutable isApi = args -> Args.isApi(args[0]);
        Value deep = c.eval(Source.newBuilder("js", """
                (function (isApi) {
                  return function deep(x) {
                    if (x === null || typeof x !== 'object' || isApi(x)) { return x; }
                    if (Array.isArray(x)) { return Array.from(x, deep); }
                    const o = {};
                    for (const k of Object.keys(x)) { o[k] = deep(x[k]); }
                    return o;
                  };
                })""", "<cdyn converter>").buildLiteral()).execute(isApi);
        Value thrower = c.eval(Source.newBuilder("js", """
                (function (message, cause) {
                  const e = new Error(message);
                  Object.defineProperty(e, 'cdynCause', {value: cause, enumerable: false});
                  throw e;
                })""", "<cdyn error>").buildLiteral());
        Path dir = o.script().toAbsolutePath().getParent();
        Session s = new Session(o.script(), folder, new ModelLocator(dir, Path.of("").toAbsolutePath()),
                new BatchRunner(o.threads(), progress, cancel).withExecutor(executor), new Js(deep, thrower), o.args());
        s.notes = err;
        return s;
    }

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "invokeMember \\((.+?)\\) on (\\w+) object failed due to: Unknown identifier: .*");

    private Outcome failure(PolyglotException e, String name, String code, Options o, boolean timedOut,
                            Session session) {
        String where = location(e, name, code);
        String stopped = stoppedBy;
        boolean cancelledHere = e.isCancelled() || e.isHostException() && e.asHostException() instanceof CancelToken.Cancelled;
        if (stopped != null && (cancelledHere || e.isHostException() && e.asHostException() instanceof RunStopped)) {
            return new Outcome(STOPPED, where + ": " + stopped);
        }
        if (timedOut) {
            return new Outcome(TIMEOUT, where + ": stopped: " + timeoutMessage(o));
        }
        if (e.isCancelled()) {
            // neither the time limit nor a stop asked through stop(): the JVM is shutting down
            return new Outcome(STOPPED, where + ": stopped before its end: the program was interrupted (Ctrl-C, or"
                    + " the system stopped it)");
        }
        if (e.isSyntaxError()) {
            return new Outcome(SCRIPT_ERROR, where + ": syntax error: " + e.getMessage());
        }
        if (e.isResourceExhausted() || e.isHostException() && e.asHostException() instanceof OutOfMemoryError) {
            // the JVM's heap is shared with the engine: name the cause and the two ways out
            return new Outcome(SCRIPT_ERROR, where + ": the script ran out of memory (" + e.getMessage() + "): it keeps"
                    + " more data than fits; keep fewer results (e.g. only the outputs you need), or give Java more"
                    + " memory with java -Xmx<size> -jar cdyn.jar");
        }
        Throwable cause = e.isHostException() ? e.asHostException() : Js.cause(e);
        if (cause != null) {
            Throwable t = cause;
            if (t instanceof SandboxRefusal) {
                return new Outcome(REFUSED, where + ": " + t.getMessage());
            }
            if (t instanceof CancelToken.Cancelled) {
                return new Outcome(TIMEOUT, where + ": stopped: " + timeoutMessage(o));
            }
            if (t instanceof ModelException me) {
                StringBuilder sb = new StringBuilder(where).append(": model error");
                for (Diagnostic d : me.diagnostics().errors().isEmpty() ? me.diagnostics().all()
                        : me.diagnostics().errors()) {
                    sb.append("\n  ").append(d);
                }
                return new Outcome(SCRIPT_ERROR, sb.toString());
            }
            if (t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException) {
                return new Outcome(SCRIPT_ERROR, where + ": " + t.getMessage());
            }
            return new Outcome(SCRIPT_ERROR, where + ": internal error (please report it with the script): " + t);
        }
        String msg = e.getMessage();
        java.util.regex.Matcher m = msg == null ? null : MISSING.matcher(msg);
        if (m != null && m.find()) {
            String fn = m.group(1);
            String type = m.group(2);
            msg = msg.substring(0, m.start()) + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type
                    + " object has no function '" + fn + "'."
                    + (session == null ? "" : org.clusterdynamics.scenario.Names.hint(fn, session.memberNames(type))
                    + " Its functions: " + String.join(", ", session.memberNames(type)));
        }
        return new Outcome(SCRIPT_ERROR, where + ": " + msg);
    }

    /** "scripts/x.js:12 (the line's code)", from the innermost frame in the script itself. */
    static String location(PolyglotException e, String name, String code) {
        SourceSection s = null;
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection loc = f.getSourceLocation();
            if (f.isGuestFrame() && loc != null && loc.getSource().getName().equals(name)) {
                s = loc;
                break;
            }
        }
        if (s == null) {
            SourceSection loc = e.getSourceLocation();
            if (loc != null && loc.getSource().getName().equals(name)) {
                s = loc;
            }
        }
        if (s == null) {
            return name;
        }
        int line = s.getStartLine();
        String text = code.lines().skip(Math.max(0, line - 1)).findFirst().orElse("").strip();
        if (text.length() > 100) {
            text = text.substring(0, 100) + "...";
        }
        return name + ":" + line + (text.isEmpty() ? "" : " (" + text + ")");
    }

    private static String timeoutMessage(Options o) {
        return "the script ran longer than its time limit of " + seconds(o.timeout()) + " (--timeout "
                + o.timeout().toSeconds() + "); look for an endless loop, or give a longer --timeout if the work is"
                + " really that long";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
