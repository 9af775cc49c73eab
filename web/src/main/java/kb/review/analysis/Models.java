package kb.review.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import kb.format.Problem;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The library models: which calls acquire and release which resources, which calls recover from a panic, which
 * loggers are loggers. Read from {@code content/rules/models/*.yaml} at start; every mistake is reported as
 * {@code models/FILE.yaml:LINE: message} and nothing loads until all are fixed.
 */
public final class Models {

    private static final Set<String> FILE_KEYS = Set.of("language", "library", "why", "resources", "recovers",
            "loggers", "never-throws", "needs-timeout", "built-once", "returns-error",
            "context-variants", "spawns", "round-trips", "polls", "per-event");
    private static final Set<String> RESOURCE_KEYS = Set.of("id", "kind", "shows", "verb", "acquire", "release",
            "borrow", "escapes", "library", "exception-paths", "held-from", "closed-with-owner");
    private static final Set<String> ACQUIRE_KEYS = Set.of("call", "new", "receiver", "receiver-type", "args", "arg-type",
            "result", "track", "confidence", "returns", "local-type", "cast", "in-method", "wraps");
    private static final Set<String> KINDS = Set.of("resource", "cancel", "transaction", "thread-local");

    private final List<Model> resources;
    private final List<Pattern> recovers;
    private final List<Pattern> loggers;
    private final List<TimeoutModel> timeouts;
    private final List<TimeoutModel> pools;
    private final List<ErrorModel> errors;
    private final List<ContextModel> variants;
    private List<Pattern> neverThrows = List.of();
    private List<GoSpawns.Spawn> spawns = List.of();
    private List<LoopPacing.RoundTrip> roundTrips = List.of();
    private List<LoopPacing.RoundTrip> polls = List.of();
    private List<PerEventEntries.PerEvent> perEvent = List.of();
    private List<PerEventSignatures.Signature> perEventHeads = List.of();

    public Models(List<Model> resources, List<Pattern> recovers, List<Pattern> loggers) {
        this(resources, recovers, loggers, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * @param timeouts the needs-timeout entries
     * @param pools    the built-once entries (clients and pools meant to be built once and shared); their
     *                 {@code timeout} list is empty
     * @param errors   the returns-error entries
     * @param variants the context-variants entries
     */
    public Models(List<Model> resources, List<Pattern> recovers, List<Pattern> loggers,
                  List<TimeoutModel> timeouts, List<TimeoutModel> pools, List<ErrorModel> errors,
                  List<ContextModel> variants) {
        this.resources = List.copyOf(resources);
        this.recovers = List.copyOf(recovers);
        this.loggers = List.copyOf(loggers);
        this.timeouts = List.copyOf(timeouts);
        this.pools = List.copyOf(pools);
        this.errors = List.copyOf(errors);
        this.variants = List.copyOf(variants);
        this.neverThrows = this.loggers;
    }

    /** The context-variants entries (Go). */
    public List<ContextModel> variants() {
        return variants;
    }

    /** The returns-error entries (Go). */
    public List<ErrorModel> errors() {
        return errors;
    }

    /** The built-once entries of every language. */
    public List<TimeoutModel> pools() {
        return pools;
    }

    /** The built-once entries of one language. */
    public List<TimeoutModel> pools(String language) {
        return pools.stream().filter(t -> t.language().equals(language)).toList();
    }

    /** The "needs timeout" entries of every language. */
    public List<TimeoutModel> timeouts() {
        return timeouts;
    }

    /** The "needs timeout" entries of one language. */
    public List<TimeoutModel> timeouts(String language) {
        return timeouts.stream().filter(t -> t.language().equals(language)).toList();
    }

    /** No models: the lifecycle rules find nothing. */
    public static Models empty() {
        return new Models(List.of(), List.of(), List.of());
    }

    public List<Model> resources(String language) {
        return resources.stream().filter(m -> m.language().equals(language)).toList();
    }

    public List<Model> resources() {
        return resources;
    }

    /** Callee patterns of functions that recover from a panic whatever their name (Go). */
    public List<Pattern> recovers() {
        return recovers;
    }

    /**
     * Callee patterns of calls that cannot throw (Java): the loggers, and the {@code never-throws} entries (metrics).
     * A statement that is such a call gets no exception edge, so a path through it is not an exceptional path.
     */
    public List<Pattern> neverThrows() {
        return neverThrows;
    }

    /** Go calls that run a function argument on a goroutine of their own (a cron job): see {@link GoSpawns}. */
    public List<GoSpawns.Spawn> spawns() {
        return spawns;
    }

    /** Callee patterns of calls that send a request and wait for its answer, for one language: see {@link LoopPacing}. */
    public List<Pattern> roundTrips(String language) {
        return roundTrips.stream().filter(r -> r.language().equals(language)).map(LoopPacing.RoundTrip::call).toList();
    }

    /** The kinds of method a framework calls once per event, for one language: see {@link PerEventEntries}. */
    public List<PerEventEntries.PerEvent> perEvent(String language) {
        return perEvent.stream().filter(e -> e.language().equals(language)).toList();
    }

    /** Callee patterns of calls that take the next batch from a broker or queue, for one language: {@link PollLoops}. */
    public List<Pattern> polls(String language) {
        return polls.stream().filter(r -> r.language().equals(language)).map(LoopPacing.RoundTrip::call).toList();
    }

    /** Head patterns of the Go entry points a framework calls once per event: see {@link PerEventSignatures}. */
    public List<Pattern> perEventHeads(String language) {
        return perEventHeads.stream().filter(s -> s.language().equals(language)).map(PerEventSignatures.Signature::head)
                .toList();
    }

    /** Callee patterns of logging calls (Go and Java). */
    public List<Pattern> loggers() {
        return loggers;
    }

    /** Thrown with every problem of every model file, each as {@code file:line: message}. */
    public static final class ModelFileException extends Exception {
        private final List<String> problems;

        public ModelFileException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Loads every {@code *.yaml} in {@code dir}; a missing folder gives no models.
     *
     * @param prefix how messages name the folder, e.g. {@code rules/models}
     */
    public static Models load(Path dir, String prefix) throws IOException, ModelFileException {
        if (!Files.isDirectory(dir)) {
            return empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> errors = new ArrayList<>();
        List<Model> resources = new ArrayList<>();
        List<Pattern> recovers = new ArrayList<>();
        List<Pattern> loggers = new ArrayList<>();
        List<Pattern> quiet = new ArrayList<>();
        List<TimeoutModel> timeouts = new ArrayList<>();
        List<TimeoutModel> pools = new ArrayList<>();
        List<ErrorModel> errorModels = new ArrayList<>();
        List<ContextModel> variants = new ArrayList<>();
        List<GoSpawns.Spawn> spawns = new ArrayList<>();
        List<LoopPacing.RoundTrip> roundTrips = new ArrayList<>();
        List<LoopPacing.RoundTrip> polls = new ArrayList<>();
        List<PerEventEntries.PerEvent> perEvent = new ArrayList<>();
        List<PerEventSignatures.Signature> perEventHeads = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        ids.add("java:resource:" + HandClosed.ID); // reserved: a model file cannot redefine the engine's own
        ids.add("go:resource:" + GoHandClosed.ID);
        ids.add("go:resource:" + GoHandClosed.BODY_ID);
        for (Path f : files) {
            String name = prefix + "/" + f.getFileName();
            YamlTree y = new YamlTree();
            Node root = y.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (root != null) {
                readFile(y, name, root, resources, recovers, List.of(loggers, quiet), ids, timeouts, pools,
                        errorModels, variants, spawns, roundTrips, polls, perEvent, perEventHeads);
            }
            for (Problem p : y.problems()) {
                errors.add(p.format(name));
            }
        }
        if (!errors.isEmpty()) {
            throw new ModelFileException(errors);
        }
        resources.add(HandClosed.MODEL); // the engine's own: a local the method closes by hand
        resources.add(GoHandClosed.MODEL);
        resources.add(GoHandClosed.BODY_MODEL); // the engine's: a value whose Body the function closes (session 53)
        Models out = new Models(resources, recovers, loggers, timeouts, pools, errorModels, variants);
        quiet.addAll(0, loggers);
        out.neverThrows = List.copyOf(quiet);
        out.spawns = List.copyOf(spawns);
        out.roundTrips = List.copyOf(roundTrips);
        out.polls = List.copyOf(polls);
        out.perEvent = List.copyOf(perEvent);
        out.perEventHeads = List.copyOf(perEventHeads);
        return out;
    }

    private static void readFile(YamlTree y, String name, Node root, List<Model> resources, List<Pattern> recovers,
                                 List<List<Pattern>> callees, Set<String> ids, List<TimeoutModel> timeouts,
                                 List<TimeoutModel> pools, List<ErrorModel> errorModels,
                                 List<ContextModel> variants, List<GoSpawns.Spawn> spawns,
                                 List<LoopPacing.RoundTrip> roundTrips, List<LoopPacing.RoundTrip> polls,
                                 List<PerEventEntries.PerEvent> perEvent, List<PerEventSignatures.Signature> heads) {
        Map<String, Node> top = y.mapping(root, "a model file", FILE_KEYS);
        if (top == null) {
            return;
        }
        String language = y.string(top, "language", root, true);
        if (language != null && !language.equals("go") && !language.equals("java")) {
            y.error(top.get("language"), "language must be go or java, got '" + language + "'");
        }
        y.string(top, "library", root, true);
        for (String r : y.strings(top, "recovers")) {
            addPattern(y, top.get("recovers"), r, recovers);
        }
        for (String r : y.strings(top, "loggers")) {
            addPattern(y, top.get("loggers"), r, callees.get(0));
        }
        for (String r : y.strings(top, "never-throws")) {
            addPattern(y, top.get("never-throws"), r, callees.get(1));
        }
        TimeoutModels.read(y, name, language, top, timeouts, ids);
        TimeoutModels.readOnce(y, name, language, top, pools, ids);
        ErrorModels.read(y, name, language, top, errorModels, ids);
        ErrorModels.readVariants(y, name, language, top, variants, ids);
        GoSpawns.read(y, language, top, spawns);
        LoopPacing.read(y, name, language, top, roundTrips);
        LoopPacing.read(y, name, language, top, "polls", polls);
        PerEventSignatures.readEither(y, name, language, top, perEvent, heads);
        for (Node n : y.sequence(top, "resources")) {
            Map<String, Node> m = y.mapping(n, "a resource", RESOURCE_KEYS);
            if (m == null) {
                continue;
            }
            String id = uniqueId(y, m, n, "resource", language, ids);
            String kind = m.containsKey("kind") ? y.string(m, "kind", n, true) : "resource";
            if (kind != null && !KINDS.contains(kind)) {
                y.error(m.get("kind"), "kind must be one of " + KINDS + ", got '" + kind + "'");
            }
            String shows = m.containsKey("shows") ? y.string(m, "shows", n, true) : "{v}";
            String verb = m.containsKey("verb") ? y.string(m, "verb", n, true) : "closing";
            List<Model.Acquire> acquires = new ArrayList<>();
            for (Node a : y.sequence(m, "acquire")) {
                Model.Acquire acq = acquire(y, a);
                if (acq != null) {
                    acquires.add(acq);
                }
            }
            if (acquires.isEmpty()) {
                y.error(n, "a resource needs at least one 'acquire' entry");
            }
            List<String> releases = y.strings(m, "release");
            if (releases.isEmpty()) {
                y.error(n, "a resource needs at least one 'release' template");
            }
            for (String t : releases) {
                if (!t.contains("{v}") && !t.contains("{r}")) {
                    y.error(m.get("release"), "release template '" + t + "' must name the value as {v} (or its owner as {r})");
                }
            }
            String escapes = m.containsKey("escapes") ? y.string(m, "escapes", n, true) : "true";
            if (escapes != null && !escapes.equals("true") && !escapes.equals("false")) {
                y.error(m.get("escapes"), "escapes must be true or false");
            }
            String exceptionPaths = m.containsKey("exception-paths") ? y.string(m, "exception-paths", n, true) : "true";
            if (exceptionPaths != null && !exceptionPaths.equals("true") && !exceptionPaths.equals("false")) {
                y.error(m.get("exception-paths"), "exception-paths must be true or false");
            }
            if ("false".equals(exceptionPaths) && !"java".equals(language)) {
                y.error(m.get("exception-paths"), "exception-paths is for Java models (Go has no exception edges)");
            }
            Pattern heldFrom = regex(y, m, "held-from");
            if (heldFrom != null && !"java".equals(language)) {
                y.error(m.get("held-from"), "held-from is for Java models (Go has no exception edges)");
            }
            String withOwner = m.containsKey("closed-with-owner") ? y.string(m, "closed-with-owner", n, true) : "false";
            if (withOwner != null && !withOwner.equals("true") && !withOwner.equals("false")) {
                y.error(m.get("closed-with-owner"), "closed-with-owner must be true or false");
            }
            if ("true".equals(withOwner) && (!"java".equals(language) || releases.stream().noneMatch(t -> t.contains("{r}")))) {
                y.error(m.get("closed-with-owner"), "closed-with-owner is for Java models with a release template naming {r}");
            }
            resources.add(new Model(id, language, kind, shows, verb, acquires, releases, y.strings(m, "borrow"),
                    !"false".equals(escapes), name + ":" + YamlTree.line(n), "false".equals(exceptionPaths),
                    heldFrom, "true".equals(withOwner)));
        }
    }

    private static Model.Acquire acquire(YamlTree y, Node a) {
        Map<String, Node> m = y.mapping(a, "an acquire entry", ACQUIRE_KEYS);
        if (m == null) {
            return null;
        }
        if ((m.containsKey("call") ? 1 : 0) + (m.containsKey("new") ? 1 : 0) + (m.containsKey("returns") ? 1 : 0)
                + (m.containsKey("cast") ? 1 : 0) != 1) {
            y.error(a, "an acquire entry needs exactly one of 'call', 'new', 'returns' or 'cast'");
            return null;
        }
        if (m.containsKey("cast") != m.containsKey("in-method")) {
            y.error(a, "'cast' and 'in-method' go together (the type a parameter of that method is cast to)");
        }
        int result = 0;
        if (m.containsKey("result")) {
            String r = y.string(m, "result", a, true);
            if (r == null || !r.matches("[0-9]")) {
                y.error(m.get("result"), "result must be a result position 0-9");
            } else {
                result = Integer.parseInt(r);
            }
        }
        String track = m.containsKey("track") ? y.string(m, "track", a, true) : "result";
        if (track != null && !track.equals("result") && !track.equals("receiver") && !track.equals("expression")) {
            y.error(m.get("track"), "track must be result, receiver or expression, got '" + track + "'");
        }
        String confidence = m.containsKey("confidence") ? y.string(m, "confidence", a, true) : "high";
        if (confidence != null && !confidence.equals("high") && !confidence.equals("low")) {
            y.error(m.get("confidence"), "confidence must be high or low");
        }
        String localType = m.containsKey("local-type") ? y.string(m, "local-type", a, true) : "false";
        if (localType != null && !localType.equals("true") && !localType.equals("false")) {
            y.error(m.get("local-type"), "local-type must be true or false");
        } else if ("true".equals(localType) && !m.containsKey("returns")) {
            y.error(m.get("local-type"), "local-type applies to a 'returns' entry (the type of the local a call is stored in)");
        }
        return new Model.Acquire(regex(y, m, "call"), regex(y, m, "new"), regex(y, m, "receiver"),
                regex(y, m, "receiver-type"), regex(y, m, "args"), result, "receiver".equals(track),
                !"low".equals(confidence), "expression".equals(track), regex(y, m, "arg-type"), regex(y, m, "returns"),
                "true".equals(localType), regex(y, m, "cast"), regex(y, m, "in-method"),
                m.containsKey("wraps") && "true".equals(y.string(m, "wraps", a, true)));
    }

    static Pattern regex(YamlTree y, Map<String, Node> m, String key) {
        if (!m.containsKey(key)) {
            return null;
        }
        String text = y.string(m, key, m.get(key), true);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            y.error(m.get(key), "'" + key + "' is not a valid regex: " + e.getDescription());
            return null;
        }
    }

    static void addPattern(YamlTree y, Node at, String text, List<Pattern> out) {
        try {
            out.add(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            y.error(at, "'" + text + "' is not a valid regex: " + e.getDescription());
        }
    }

    /**
     * An entry's required {@code id}, reported as a duplicate when {@code section} already has it for
     * {@code language}; every model section checks its ids this way.
     */
    static String uniqueId(YamlTree y, Map<String, Node> m, Node n, String section, String language, Set<String> ids) {
        String id = y.string(m, "id", n, true);
        if (id != null && !ids.add(language + ":" + section + ":" + id)) {
            y.error(m.get("id"), "duplicate " + section + " id '" + id + "' for " + language);
        }
        return id;
    }
}
