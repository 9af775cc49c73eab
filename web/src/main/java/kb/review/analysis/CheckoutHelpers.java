package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.Language;

/**
 * Helpers declared anywhere in the checkout, for {@link Summaries}: a Go function or method found through the
 * import path of its package (mapped onto a folder by the {@code module} lines of the checkout's {@code go.mod}
 * files, the longest module path first, and their local {@code replace} directives), and a Java method found
 * through the file of its declaring class. Nothing is read or parsed until a call asks; the checkout's texts are
 * those {@link Callers} reads once per review (at most 20,000 files and 64 MB), each folder or class file is parsed
 * at most once per review, and parsing stops for the rest of the review after {@link #MAX_PARSED} files or
 * {@link #BUDGET_NANOS} of CPU. What is not found is an unknown helper, never an error.
 */
final class CheckoutHelpers {

    /** Files one review may parse to find helpers. */
    static final int MAX_PARSED = 400;
    /** CPU one review may spend parsing them, over all threads. */
    static final long BUDGET_NANOS = 1_000_000_000L;
    /** Go files of one package read at most (a generated package may hold thousands). */
    private static final int MAX_PACKAGE_FILES = 64;

    static final CheckoutHelpers NONE = new CheckoutHelpers(Callers.NONE);

    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)\"?");
    private static final Pattern REPLACE = Pattern.compile(
            "(?m)^\\s*(?:replace\\s+)?([^\\s()]+)(?:\\s+v[^\\s]+)?\\s*=>\\s*(\\.{1,2}/[^\\s]*)\\s*$");
    private static final Pattern GO_PACKAGE = Pattern.compile("(?m)^package\\s+(\\w+)");
    private static final Pattern IMPORT_SPEC = Pattern.compile("(?m)^\\s*(?:import\\s+)?([\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern IMPORT_BLOCK = Pattern.compile("(?s)\\bimport\\s*\\((.*?)\\)|\\bimport\\s+[\\w.]*\\s*\"[^\"]+\"");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern JAVA_IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+?)(\\.\\*)?\\s*;");

    private final Callers source;
    private volatile Map<String, String> modules;
    private volatile Set<String> vendorFolders;
    private volatile Map<String, List<String>> javaIndex;
    private final Map<String, List<Summaries.Function>> parsed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> imports = new ConcurrentHashMap<>();
    private final Map<String, String> javaFiles = new ConcurrentHashMap<>();
    private final Map<String, String> packageNames = new ConcurrentHashMap<>();
    private final AtomicLong spent = new AtomicLong();
    private final AtomicLong files = new AtomicLong();

    CheckoutHelpers(Callers source) {
        this.source = source;
    }

    /** The checkout's text of {@code path}, or null. */
    String text(String path) {
        Map<String, String> all = source.sources();
        return all == null ? null : all.get(path);
    }

    /**
     * The Go functions (owner null) or methods of {@code owner} named {@code name} in the package the file at
     * {@code callerPath} imports as {@code qualifier}; empty when that package is not in the checkout.
     */
    List<Summaries.Function> go(String callerPath, String callerText, String qualifier, String owner, String name) {
        String folder = goImports(callerPath, callerText).get(qualifier);
        return folder == null ? List.of() : declared(folder, true, owner, name);
    }

    /**
     * Declarations named {@code name} owned by {@code owner} (null: a Go package function) in the Go package
     * (folder) or the Java file {@code where}.
     */
    List<Summaries.Function> declared(String where, boolean go, String owner, String name) {
        List<Summaries.Function> out = new ArrayList<>();
        for (Summaries.Function f : parsed.computeIfAbsent((go ? "go:" : "java:") + where,
                k -> go ? parseFolder(where) : parseFile(where))) {
            if (f.name().equals(name) && (owner == null ? f.owner() == null : owner.equals(f.owner()))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Import name → folder in the checkout, for the Go file at {@code path}; imports outside it are left out. */
    Map<String, String> goImports(String path, String text) {
        if (text == null) {
            return Map.of();
        }
        return imports.computeIfAbsent(path, k -> {
            Map<String, String> out = new HashMap<>();
            Matcher block = IMPORT_BLOCK.matcher(text);
            while (block.find()) {
                Matcher spec = IMPORT_SPEC.matcher(block.group(1) != null ? block.group(1) : block.group());
                while (spec.find()) {
                    String folder = folderOf(spec.group(2));
                    if (folder != null) {
                        String alias = spec.group(1) == null ? packageName(folder, spec.group(2))
                                : spec.group(1).strip();
                        out.put(alias, folder);
                    }
                }
            }
            return out;
        });
    }

    /**
     * The checkout folder of a Go import path: the longest module path it starts with, else the package's copy in
     * a module's {@code vendor} folder; null if none.
     */
    String folderOf(String importPath) {
        String own = moduleFolder(importPath);
        if (own != null) {
            return own;
        }
        Set<String> vendored = vendored();
        for (String dir : modules().values()) {
            String folder = join(dir, "vendor/" + importPath);
            if (vendored.contains(folder)) {
                return folder;
            }
        }
        return null;
    }

    /** The folders holding vendored Go files, found once per review. */
    private Set<String> vendored() {
        Set<String> v = vendorFolders;
        if (v == null) {
            Set<String> out = new HashSet<>();
            Map<String, String> all = source.sources();
            if (all != null) {
                for (String p : all.keySet()) {
                    if (p.endsWith(".go") && (p.startsWith("vendor/") || p.contains("/vendor/"))) {
                        out.add(p.substring(0, p.lastIndexOf('/')));
                    }
                }
            }
            vendorFolders = v = out;
        }
        return v;
    }

    private String moduleFolder(String importPath) {
        String best = null;
        String folder = null;
        for (Map.Entry<String, String> m : modules().entrySet()) {
            String mod = m.getKey();
            if ((importPath.equals(mod) || importPath.startsWith(mod + "/"))
                    && (best == null || mod.length() > best.length())) {
                best = mod;
                String rest = importPath.substring(mod.length());
                folder = join(m.getValue(), rest.isEmpty() ? "" : rest.substring(1));
            }
        }
        return folder;
    }

    /** Module path → folder, from every go.mod in the checkout and the local directories they replace modules with. */
    private Map<String, String> modules() {
        Map<String, String> m = modules;
        if (m == null) {
            Map<String, String> out = new LinkedHashMap<>();
            Map<String, String> all = source.sources();
            if (all != null) {
                all.forEach((path, text) -> {
                    if (path.equals("go.mod") || path.endsWith("/go.mod")) {
                        String dir = path.equals("go.mod") ? "" : path.substring(0, path.length() - 7);
                        Matcher mod = MODULE.matcher(text);
                        if (mod.find()) {
                            out.putIfAbsent(mod.group(1), dir);
                        }
                        Matcher r = REPLACE.matcher(text);
                        while (r.find()) {
                            String target = normalise(join(dir, r.group(2)));
                            if (target != null) {
                                out.putIfAbsent(r.group(1), target);
                            }
                        }
                    }
                });
            }
            modules = m = out;
        }
        return m;
    }

    /** The name a package is used by: its package clause, else the import path's last element (not a /vN). */
    private String packageName(String folder, String importPath) {
        return packageNames.computeIfAbsent(folder, k -> readPackageName(folder, importPath));
    }

    private String readPackageName(String folder, String importPath) {
        Map<String, String> all = source.sources();
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (Map.Entry<String, String> e : all.entrySet()) {
            String p = e.getKey();
            if (p.startsWith(prefix) && p.endsWith(".go") && p.indexOf('/', prefix.length()) < 0
                    && !p.endsWith("_test.go")) {
                Matcher m = GO_PACKAGE.matcher(e.getValue());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        String[] parts = importPath.split("/");
        String last = parts[parts.length - 1];
        return last.matches("v\\d+") && parts.length > 1 ? parts[parts.length - 2] : last;
    }

    /**
     * The Java file declaring {@code type} for the file at {@code callerPath}: {@code type} qualified, imported by
     * name, in the caller's package, or under a wildcard import, else the only file of that simple name.
     */
    String javaFile(String callerPath, String callerText, String type) {
        Map<String, String> all = source.sources();
        if (all == null || type == null || type.isEmpty()) {
            return null;
        }
        String found = javaFiles.computeIfAbsent(callerPath + "\0" + type, k -> {
            String f = findJavaFile(javaBySimpleName(all), callerText, type);
            return f == null ? "" : f;
        });
        return found.isEmpty() ? null : found;
    }

    /** Java files by simple class name ({@code TxSupport} → its paths), indexed once per review. */
    private Map<String, List<String>> javaBySimpleName(Map<String, String> all) {
        Map<String, List<String>> index = javaIndex;
        if (index == null) {
            Map<String, List<String>> out = new HashMap<>();
            for (String p : all.keySet()) {
                if (p.endsWith(".java")) {
                    String name = p.substring(p.lastIndexOf('/') + 1, p.length() - 5);
                    out.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
                }
            }
            javaIndex = index = out;
        }
        return index;
    }

    private static String findJavaFile(Map<String, List<String>> bySimple, String callerText, String type) {
        List<String> candidates = new ArrayList<>();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        if (type.contains(".")) {
            candidates.add(type);
        } else if (callerText != null) {
            Matcher im = JAVA_IMPORT.matcher(callerText);
            while (im.find()) {
                if (im.group(2) == null && im.group(1).endsWith("." + simple)) {
                    candidates.add(0, im.group(1));
                } else if (im.group(2) != null) {
                    candidates.add(im.group(1) + "." + simple);
                }
            }
            Matcher pkg = JAVA_PACKAGE.matcher(callerText);
            candidates.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
        }
        List<String> named = bySimple.getOrDefault(simple, List.of());
        for (String q : candidates) {
            String suffix = q.replace('.', '/') + ".java";
            for (String p : named) {
                if (p.equals(suffix) || p.endsWith("/" + suffix)) {
                    return p;
                }
            }
        }
        // two classes of that name and nothing says which: not worked out here
        return named.size() == 1 ? named.get(0) : null;
    }

    private List<Summaries.Function> parseFolder(String folder) {
        Map<String, String> all = source.sources();
        List<Summaries.Function> out = new ArrayList<>();
        if (all == null) {
            return out;
        }
        String prefix = folder.isEmpty() ? "" : folder + "/";
        int read = 0;
        for (Map.Entry<String, String> e : all.entrySet()) {
            String p = e.getKey();
            if (p.startsWith(prefix) && p.endsWith(".go") && p.indexOf('/', prefix.length()) < 0
                    && !p.endsWith("_test.go") && read++ < MAX_PACKAGE_FILES) {
                out.addAll(parse(Language.GO, p, e.getValue()));
            }
        }
        return out;
    }

    private List<Summaries.Function> parseFile(String path) {
        String text = text(path);
        return text == null ? List.of() : parse(Language.JAVA, path, text);
    }

    private List<Summaries.Function> parse(Language lang, String path, String text) {
        if (spent.get() > BUDGET_NANOS || files.incrementAndGet() > MAX_PARSED) {
            return List.of(); // past the review's budget: helpers not parsed yet stay unknown
        }
        long start = CheckoutTypes.cpuNow();
        try {
            // helpers are looked up for their bodies: a method declared without one is no helper
            return Declarations.of(lang, path, text).stream().filter(f -> f.body() != null).toList();
        } catch (RuntimeException unparsable) {
            return List.of();
        } finally {
            spent.addAndGet(CheckoutTypes.cpuNow() - start);
        }
    }

    private static String join(String dir, String rest) {
        return dir.isEmpty() ? rest : rest.isEmpty() ? dir : dir + "/" + rest;
    }

    /** {@code a/b/../c} as {@code a/c}; null when it climbs out of the checkout. */
    private static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
